/** The table of the host's C socket numbers: which systems it describes, and what it says of the others. */
import { expect } from 'chai';
import { hostAbi, hostFamilies, HostUnsupported } from '../../harness/common/net/host-abi.js';
import { thrownBy } from '../support/thrown-by.js';

const refusal = (run: () => unknown): string => thrownBy(run, HostUnsupported).message;

describe('hostAbi', () => {
  it("describes Linux: libc.so.6, AF_INET6 10, SOL_SOCKET 1, FD_SETSIZE 1024", () => {
    const linux = hostAbi('linux', 'LE');
    expect(linux.library).to.equal('libc.so.6');
    expect(hostFamilies(linux)).to.deep.equal({ AF_UNSPEC: 0, AF_INET: 2, AF_INET6: 10 });
    expect(linux.constants).to.include({ SOL_SOCKET: 1, SO_ERROR: 4, SO_BROADCAST: 6, O_NONBLOCK: 0o4000, FIONREAD: 0x541b });
    expect(linux.fdSetSize).to.equal(1024);
  });

  it('names what is missing for macOS and FreeBSD instead of passing them Linux numbers', () => {
    expect(refusal(() => hostAbi('darwin', 'LE'))).to.match(/described for linux only.*macOS.*sa_len.*AF_INET6 is 30/);
    expect(refusal(() => hostAbi('freebsd', 'LE'))).to.match(/FreeBSD.*AF_INET6 is 28/);
    expect(refusal(() => hostAbi('aix', 'LE'))).to.match(/aix is not described/);
  });

  it('refuses a big-endian host', () => {
    expect(refusal(() => hostAbi('linux', 'BE'))).to.match(/little-endian hosts only/);
  });
});

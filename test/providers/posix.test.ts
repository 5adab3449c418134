/** The posix provider: what it runs, and where it cannot. */
import { expect } from 'chai';
import { PosixProvider } from '../../harness/stacks/providers/posix.js';
import { ProviderUnavailable } from '../../harness/stacks/providers/provider.js';
import { createProvider, PROVIDER_NAMES } from '../../harness/stacks/providers/registry.js';

describe('the posix provider', () => {
  it('is --provider posix, with the libc binding', () => {
    expect(PROVIDER_NAMES).to.include('posix');
    const provider = createProvider('posix');
    expect(provider?.name).to.equal('posix');
    expect(provider?.binding.name).to.equal('libc');
  });

  it("runs its worker in this very Node, with no environment of its own", () => {
    expect(new PosixProvider().workerCommand('/w/main.js', ['--binding', 'libc'])).to.deep.equal({
      command: process.execPath,
      args: ['/w/main.js', '--binding', 'libc'],
      env: {},
    });
  });

  it('is ready on Linux, and unavailable, saying why, on a system the host table does not describe', async () => {
    if (process.platform === 'linux') await new PosixProvider().prepare();
    let refusal: unknown;
    await new PosixProvider('darwin').prepare().catch((error: unknown) => (refusal = error));
    expect(refusal).to.be.instanceOf(ProviderUnavailable);
    expect(String(refusal)).to.match(/the posix provider cannot run on this host: .*macOS/);
  });
});

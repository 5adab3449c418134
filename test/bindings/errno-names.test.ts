/** The one table of errno → Winsock error names, and how errno values are reported. */
import { expect } from 'chai';
import koffi from 'koffi';
import { ERRNO_TO_WSA, ErrnoNames } from '../../harness/stacks/bindings/libc/errno-names.js';
import { WSA_ERRORS } from '../../harness/language/vocabulary/errors.js';
import { LINUX_ERRNO } from './fake-libc.js';

/** The rows that do not pair a name with its WSA twin, each for a reason the table's comment states. */
const NOT_TWINS = { EAGAIN: 'WSAEWOULDBLOCK', EINPROGRESS: 'WSAEWOULDBLOCK', EBADF: 'WSAENOTSOCK', ENOTSUP: 'WSAEOPNOTSUPP' };
/** errno names of the BSDs that Linux does not have. */
const BSD_ONLY = ['EPROCLIM'];

describe('the errno → Winsock name table', () => {
  it('pairs every other errno with its WSA twin', () => {
    const others = Object.entries(ERRNO_TO_WSA).filter(([errno]) => !Object.hasOwn(NOT_TWINS, errno));
    for (const [errno, wsa] of others) expect(wsa, errno).to.equal(`WSA${errno}`);
    for (const [errno, wsa] of Object.entries(NOT_TWINS)) expect(ERRNO_TO_WSA[errno], errno).to.equal(wsa);
  });

  it('names only errno values a system has, and gives each a Winsock error that exists', () => {
    for (const [errno, wsa] of Object.entries(ERRNO_TO_WSA)) {
      expect(Object.hasOwn(koffi.os.errno, errno) || BSD_ONLY.includes(errno), errno).to.equal(true);
      expect(WSA_ERRORS).to.have.property(wsa);
    }
  });

  it('gives the twin of every WSAE error the page lists for WSAConnect but the three POSIX has no errno for', () => {
    const pageErrors = ['WSAEADDRINUSE', 'WSAEINTR', 'WSAEINPROGRESS', 'WSAEALREADY', 'WSAEADDRNOTAVAIL', 'WSAEAFNOSUPPORT', 'WSAECONNREFUSED', 'WSAEFAULT', 'WSAEINVAL', 'WSAEISCONN', 'WSAENETUNREACH', 'WSAEHOSTUNREACH', 'WSAENOBUFS', 'WSAENOTSOCK', 'WSAEOPNOTSUPP', 'WSAEPROTONOSUPPORT', 'WSAETIMEDOUT', 'WSAEWOULDBLOCK', 'WSAEACCES'];
    const reached = new Set(Object.values(ERRNO_TO_WSA));
    // WSAEINPROGRESS (a blocking call in progress) has no POSIX counterpart: EINPROGRESS is WSAEWOULDBLOCK.
    expect(pageErrors.filter((name) => !reached.has(name as never))).to.deep.equal(['WSAEINPROGRESS']);
  });
});

describe('ErrnoNames', () => {
  const names = new ErrnoNames(LINUX_ERRNO);

  it('describes an errno by its Winsock name, whichever of its aliases has the row', () => {
    expect(names.describe(111)).to.equal('WSAECONNREFUSED');
    expect(names.describe(11)).to.equal('WSAEWOULDBLOCK');
    expect(names.describe(95)).to.equal('WSAEOPNOTSUPP');
  });

  it('describes one without a counterpart as errno N (NAME), an unknown number as errno N, and 0 as unchanged', () => {
    expect(names.describe(32)).to.equal('errno 32 (EPIPE)');
    expect(names.describe(1)).to.equal('errno 1 (EPERM)');
    expect(names.describe(999)).to.equal('errno 999');
    expect(names.describe(0)).to.equal('unchanged (errno 0)');
  });

  it("gives an errno held as a value as the Winsock code, so a case's value: 10061 holds", () => {
    expect(names.asWinsockCode(111)).to.equal(10061);
    expect(names.asWinsockCode(0)).to.equal(0);
    expect(names.asWinsockCode(32)).to.equal('errno 32 (EPIPE)');
  });

  it("names this system's socket errors from koffi's errno numbers, which Node's os.constants.errno lacks some of", () => {
    const host = new ErrnoNames(koffi.os.errno);
    expect(host.describe(koffi.os.errno.ECONNREFUSED ?? -1)).to.equal('WSAECONNREFUSED');
    expect(host.describe(koffi.os.errno.ESOCKTNOSUPPORT ?? -1)).to.equal('WSAESOCKTNOSUPPORT');
  });
});

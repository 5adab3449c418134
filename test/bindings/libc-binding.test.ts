/**
 * The libc binding against a fake libc: how each call of the case language
 * becomes its POSIX counterpart (numbers, Buffer layouts, NULLs, the order
 * of calls), and how return values and errno become an Observation in
 * Winsock's terms.
 */
import { expect } from 'chai';
import { ArgumentError, type RawArgs as Args } from '../../harness/language/calls/arguments.js';
import { CALLS, isProviderCall } from '../../harness/language/calls/index.js';
import { LIBC_CALLS } from '../../harness/stacks/bindings/libc/calls.js';
import { isLacking } from '../../harness/stacks/bindings/binding-table.js';
import { CAPABILITIES } from '../../harness/language/vocabulary/capabilities.js';
import { LibcBinding } from '../../harness/stacks/bindings/libc/libc-binding.js';
import { describeStack } from '../../harness/stacks/bindings/libc/open.js';
import { BINDINGS } from '../../harness/stacks/bindings/catalogue.js';
import type { Observation } from '../../harness/judging/results/result.js';
import { Unsupported } from '../../harness/stacks/worker/binding.js';
import { thrownBy } from '../support/thrown-by.js';
import { bufferArg, failingWith, FakeLibc, LINUX, LINUX_ERRNO, returning } from './fake-libc.js';

const S = 7;
const LOOPBACK_5000 = { family: 'AF_INET', address: '127.0.0.1', port: 5000 } as const;
/** sockaddr_in of 127.0.0.1:5000: family 2 in host (little-endian) order, port 0x1388 big-endian, address, 8 zero bytes. */
const LOOPBACK_5000_BYTES = '0200 1388 7f000001 0000000000000000';
/** sockaddr_in6 of [::1]:5000 on Linux: family 10, port, flowinfo 0, address, scope id 0. */
const IPV6_LOOPBACK_5000_BYTES = '0a00 1388 00000000 00000000000000000000000000000001 00000000';
const { F_GETFL, F_SETFL, O_NONBLOCK } = LINUX.constants;

function hex(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'hex');
}

describe('the libc binding (against a fake libc)', () => {
  let fake: FakeLibc;
  let binding: LibcBinding;

  beforeEach(() => {
    fake = new FakeLibc();
    binding = new LibcBinding(fake.libc, () => describeStack(fake.libc, 'Linux 6.1.0'));
    // S is a socket the case opened: the binding passes it without a descriptor check.
    fake.on('socket', returning(S));
    binding.call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' });
    fake.calls.length = 0;
    fake.on('socket', returning(0));
  });

  function call(name: string, args: Args): Observation {
    return binding.call(name, args);
  }

  /** What `name` throws with `args`: Unsupported unless another type is named. */
  function thrown(name: string, args: Args, type: abstract new (...args: never[]) => Error = Unsupported): Error {
    return thrownBy(() => call(name, args), type);
  }

  describe('errno', () => {
    it('is cleared before each call and not read into the observation of a call that succeeded', () => {
      fake.errno = LINUX_ERRNO.ECONNREFUSED;
      expect(call('connect', { s: S, name: LOOPBACK_5000 })).to.deep.equal({ returns: 0 });
      expect(fake.sequence()).to.deep.equal(['setErrno', 'connect']);
      expect(fake.calls.find((c) => c.name === 'connect')?.errnoOnEntry).to.equal(0);
    });

    it('names a -1 return with the Winsock name of errno', () => {
      fake.on('connect', failingWith(LINUX_ERRNO.ECONNREFUSED));
      expect(call('connect', { s: S, name: LOOPBACK_5000 })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAECONNREFUSED' });
    });

    it('names EINPROGRESS and EAGAIN WSAEWOULDBLOCK, EALREADY WSAEALREADY, EBADF and ENOTSOCK WSAENOTSOCK', () => {
      const named = (errno: number) => {
        fake.on('connect', failingWith(errno));
        return call('connect', { s: S, name: LOOPBACK_5000 }).error;
      };
      expect(named(LINUX_ERRNO.EINPROGRESS)).to.equal('WSAEWOULDBLOCK');
      expect(named(LINUX_ERRNO.EAGAIN)).to.equal('WSAEWOULDBLOCK');
      expect(named(LINUX_ERRNO.EALREADY)).to.equal('WSAEALREADY');
      expect(named(LINUX_ERRNO.EBADF)).to.equal('WSAENOTSOCK');
      expect(named(LINUX_ERRNO.ENOTSOCK)).to.equal('WSAENOTSOCK');
    });

    it('reports an errno without a Winsock counterpart as errno N (NAME), and an unnamed one as errno N', () => {
      fake.on('send', failingWith(LINUX_ERRNO.EPIPE));
      expect(call('send', { s: S, data: 'x' })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'errno 32 (EPIPE)' });
      fake.on('send', failingWith(4242));
      expect(call('send', { s: S, data: 'x' }).error).to.equal('errno 4242');
    });

    it('reports a failure that left errno at 0 as unchanged (errno 0)', () => {
      fake.on('listen', returning(-1));
      expect(call('listen', { s: S, backlog: 1 })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'unchanged (errno 0)' });
    });

    it('treats any return other than -1 as success', () => {
      fake.on('send', returning(-2));
      expect(call('send', { s: S, data: 'x' })).to.deep.equal({ returns: -2 });
    });
  });

  describe('socket, closesocket and reset', () => {
    it("passes AF_INET6, SOCK_DGRAM, IPPROTO_UDP as Linux's 10, 2, 17, and numbers as they are", () => {
      call('socket', { af: 'AF_INET6', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' });
      call('socket', { af: 99, type: 'SOCK_RAW', protocol: 0 });
      expect(fake.argsOf('socket')).to.deep.equal([
        [10, 2, 17],
        [99, 3, 0],
      ]);
    });

    it('reports a descriptor as { returns: socket, handle }, and -1 as INVALID_SOCKET with the error', () => {
      fake.on('socket', returning(12));
      expect(call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 })).to.deep.equal({ returns: 'socket', handle: 12 });
      fake.on('socket', failingWith(LINUX_ERRNO.EAFNOSUPPORT));
      expect(call('socket', { af: 99, type: 'SOCK_STREAM', protocol: 0 })).to.deep.equal({ returns: 'INVALID_SOCKET', error: 'WSAEAFNOSUPPORT' });
    });

    it('closes at reset every descriptor the case opened and did not close, and reports how many', () => {
      fake.on('socket', returning(12));
      call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 });
      fake.on('accept', returning(13));
      call('accept', { s: 12 });
      call('closesocket', { s: 12 });
      fake.calls.length = 0;
      expect(binding.reset()).to.equal(2);
      expect(fake.argsOf('close')).to.deep.equal([[S], [13]]);
      expect(binding.reset()).to.equal(0);
    });

    it('keeps tracking a descriptor whose close failed', () => {
      fake.on('close', failingWith(LINUX_ERRNO.EBADF));
      expect(call('closesocket', { s: S })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAENOTSOCK' });
      expect(binding.reset()).to.equal(1);
    });
  });

  describe('descriptors a case names', () => {
    it('passes INVALID_SOCKET as -1', () => {
      call('connect', { s: 'INVALID_SOCKET', name: LOOPBACK_5000 });
      expect(fake.onlyCallOf('connect')[0]).to.equal(-1);
    });

    it('passes a number that is no open descriptor (a closed socket), after checking it with fcntl(F_GETFD)', () => {
      call('connect', { s: 40, name: LOOPBACK_5000 });
      expect(fake.onlyCallOf('fcntl')).to.deep.equal([40, LINUX.constants.F_GETFD, 0]);
      expect(fake.onlyCallOf('connect')[0]).to.equal(40);
    });

    it("refuses one of the worker's own descriptors (its stdout) without calling anything on it", () => {
      expect(thrown('closesocket', { s: 1 }).message).to.match(/descriptor 1 is one of the worker's own/);
      expect(fake.argsOf('close')).to.deep.equal([]);
    });

    it('refuses a number too large for an int', () => {
      expect(thrown('connect', { s: 2 ** 31, name: LOOPBACK_5000 }, ArgumentError).message).to.match(/cannot be a descriptor/);
    });
  });

  describe('socket addresses', () => {
    it("passes a sockaddr_in with namelen 16, and a sockaddr_in6 with Linux's AF_INET6 (10) and namelen 28", () => {
      call('connect', { s: S, name: LOOPBACK_5000 });
      call('bind', { s: S, name: { family: 'AF_INET6', address: '::1', port: 5000 } });
      expect([fake.onlyCallOf('connect'), fake.onlyCallOf('bind')]).to.deep.equal([
        [S, hex(LOOPBACK_5000_BYTES), 16],
        [S, hex(IPV6_LOOPBACK_5000_BYTES), 28],
      ]);
    });

    it('passes a namelen as given, and NULL for name: null', () => {
      call('connect', { s: S, name: LOOPBACK_5000, namelen: 8 });
      call('connect', { s: S, name: null, namelen: 16 });
      expect(fake.argsOf('connect')).to.deep.equal([
        [S, hex(LOOPBACK_5000_BYTES), 8],
        [S, null, 16],
      ]);
    });

    it('WSAConnect is connect()', () => {
      fake.on('connect', failingWith(LINUX_ERRNO.EISCONN));
      expect(call('WSAConnect', { s: S, name: LOOPBACK_5000 })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAEISCONN' });
      expect(fake.onlyCallOf('connect')).to.deep.equal([S, hex(LOOPBACK_5000_BYTES), 16]);
    });

    it('WSAConnect with connect data or QOS is Unsupported, before anything is called', () => {
      const error = thrown('WSAConnect', { s: S, name: LOOPBACK_5000, callerData: { data: 'x' }, gqos: { sending: {}, receiving: {} } });
      expect(error.message).to.contain('callerData, gqos');
      expect(fake.argsOf('connect')).to.deep.equal([]);
    });

    it('sendto passes the bytes, flags 0, the address and tolen', () => {
      fake.on('sendto', returning(6));
      expect(call('sendto', { s: S, data: 'héllo', to: LOOPBACK_5000 })).to.deep.equal({ returns: 6 });
      expect(fake.onlyCallOf('sendto')).to.deep.equal([S, Buffer.from('héllo'), 6, 0, hex(LOOPBACK_5000_BYTES), 16]);
    });

    it("getpeername reads back a sockaddr_in6 with Linux's family number as AF_INET6", () => {
      fake.on('getpeername', ([, name, namelen]) => {
        hex(IPV6_LOOPBACK_5000_BYTES).copy(name as Buffer);
        (namelen as Buffer).writeInt32LE(28);
        return 0;
      });
      expect(call('getpeername', { s: S })).to.deep.equal({
        returns: 0,
        name: { family: 'AF_INET6', address: '::1', port: 5000, flowinfo: 0, scopeId: 0 },
      });
      expect(bufferArg(fake.onlyCallOf('getpeername'), 2).readInt32LE(0)).to.equal(128);
    });

    it('recvfrom reports the data and the source', () => {
      fake.on('recvfrom', ([, buffer, , , from, fromlen]) => {
        (buffer as Buffer).write('hi');
        hex(LOOPBACK_5000_BYTES).copy(from as Buffer);
        (fromlen as Buffer).writeInt32LE(16);
        return 2;
      });
      expect(call('recvfrom', { s: S, length: 8 })).to.deep.equal({ returns: 2, data: 'hi', from: { ...LOOPBACK_5000 } });
    });

    it('accept tracks the new descriptor and reports the peer', () => {
      fake.on('accept', ([, name, namelen]) => {
        hex(LOOPBACK_5000_BYTES).copy(name as Buffer);
        (namelen as Buffer).writeInt32LE(16);
        return 9;
      });
      expect(call('accept', { s: S })).to.deep.equal({ returns: 'socket', handle: 9, name: { ...LOOPBACK_5000 } });
      expect(binding.reset()).to.equal(2);
    });
  });

  describe('ioctlsocket', () => {
    it('makes FIONBIO 1 an fcntl(F_SETFL) adding O_NONBLOCK to the flags F_GETFL read', () => {
      fake.on('fcntl', ([, command]) => (command === F_GETFL ? 0o2 : 0));
      expect(call('ioctlsocket', { s: S, command: 'FIONBIO', value: 1 })).to.deep.equal({ returns: 0 });
      expect(fake.argsOf('fcntl')).to.deep.equal([
        [S, F_GETFL, 0],
        [S, F_SETFL, 0o2 | O_NONBLOCK],
      ]);
    });

    it('makes FIONBIO 0 clear O_NONBLOCK and keep the other flags', () => {
      fake.on('fcntl', ([, command]) => (command === F_GETFL ? 0o2 | O_NONBLOCK : 0));
      call('ioctlsocket', { s: S, command: 'FIONBIO', value: 0 });
      expect(fake.argsOf('fcntl')[1]).to.deep.equal([S, F_SETFL, 0o2]);
    });

    it('reports a failing F_GETFL and makes no F_SETFL', () => {
      fake.on('fcntl', failingWith(LINUX_ERRNO.EBADF));
      expect(call('ioctlsocket', { s: S, command: 'FIONBIO', value: 1 })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAENOTSOCK' });
      expect(fake.argsOf('fcntl')).to.have.length(1);
    });

    it("makes FIONREAD an ioctl with Linux's FIONREAD (0x541b) and an int to write into", () => {
      call('ioctlsocket', { s: S, command: 'FIONREAD', value: 0 });
      const [fd, request, argp] = fake.onlyCallOf('ioctl');
      expect([fd, request]).to.deep.equal([S, 0x541b]);
      expect(argp).to.deep.equal(Buffer.alloc(4));
    });

    it('finds no POSIX counterpart for another command', () => {
      expect(thrown('ioctlsocket', { s: S, command: 0x12345, value: 0 }).message).to.match(/command 0x12345 has no POSIX translation/);
    });
  });

  describe('socket options', () => {
    it("passes SOL_SOCKET SO_BROADCAST as Linux's 1, 6 with an int", () => {
      call('setsockopt', { s: S, level: 'SOL_SOCKET', option: 'SO_BROADCAST', value: 1 });
      expect(fake.onlyCallOf('setsockopt')).to.deep.equal([S, 1, 6, Buffer.from([1, 0, 0, 0]), 4]);
    });

    it("passes IPPROTO_IPV6 IPV6_V6ONLY as 41, 26 (Winsock's IPV6_V6ONLY is 27)", () => {
      call('setsockopt', { s: S, level: 'IPPROTO_IPV6', option: 'IPV6_V6ONLY', value: 0 });
      expect(fake.onlyCallOf('setsockopt').slice(1, 3)).to.deep.equal([41, 26]);
    });

    it('passes numbers as they are', () => {
      call('setsockopt', { s: S, level: 0xffff, option: 0x1234, value: 0 });
      expect(fake.onlyCallOf('setsockopt').slice(1, 3)).to.deep.equal([0xffff, 0x1234]);
    });

    it('has no counterpart for a Windows-only option, and says so', () => {
      const error = thrown('setsockopt', { s: S, level: 'SOL_SOCKET', option: 'SO_EXCLUSIVEADDRUSE', value: 1 });
      expect(error.message).to.match(/SO_EXCLUSIVEADDRUSE has no POSIX counterpart/);
    });

    it("reads SO_ERROR's errno back as a Winsock error code (ECONNREFUSED 111 → 10061)", () => {
      fake.on('getsockopt', ([, , , value]) => (value as Buffer).writeInt32LE(LINUX_ERRNO.ECONNREFUSED) && 0);
      expect(call('getsockopt', { s: S, level: 'SOL_SOCKET', option: 'SO_ERROR' })).to.deep.equal({ returns: 0, value: 10061 });
      expect(fake.onlyCallOf('getsockopt')).to.deep.equal([S, 1, 4, Buffer.alloc(4), Buffer.from([4, 0, 0, 0])]);
    });

    it('reads an SO_ERROR of 0 as 0, and one without a Winsock counterpart as text', () => {
      expect(call('getsockopt', { s: S, level: 'SOL_SOCKET', option: 'SO_ERROR' })).to.deep.equal({ returns: 0, value: 0 });
      fake.on('getsockopt', ([, , , value]) => (value as Buffer).writeInt32LE(LINUX_ERRNO.EPIPE) && 0);
      expect(call('getsockopt', { s: S, level: 'SOL_SOCKET', option: 'SO_ERROR' }).value).to.equal('errno 32 (EPIPE)');
    });

    it("reads SO_TYPE's host type back as Winsock's number, and other options unchanged", () => {
      fake.on('getsockopt', ([, , , value]) => (value as Buffer).writeInt32LE(2) && 0);
      expect(call('getsockopt', { s: S, level: 'SOL_SOCKET', option: 'SO_TYPE' }).value).to.equal(2);
      fake.on('getsockopt', ([, , , value]) => (value as Buffer).writeInt32LE(111) && 0);
      expect(call('getsockopt', { s: S, level: 'SOL_SOCKET', option: 'SO_RCVBUF' }).value).to.equal(111);
    });
  });

  describe('select', () => {
    it('passes nfds = s + 1, an fd_set of FD_SETSIZE bits with bit s set, NULL for sets not asked for, and a timeval', () => {
      call('select', { s: S, write: true, timeout: 2500 });
      const [nfds, readfds, writefds, exceptfds, timeout] = fake.onlyCallOf('select');
      const expected = Buffer.alloc(128);
      expected[0] = 1 << S;
      expect([nfds, readfds, writefds, exceptfds, timeout]).to.deep.equal([S + 1, null, expected, null, { tv_sec: 2, tv_usec: 500_000 }]);
    });

    it('reads readiness from the bits select left set', () => {
      fake.on('select', ([, , writefds, exceptfds]) => {
        (exceptfds as Buffer).fill(0);
        return (writefds as Buffer)[0] === 1 << S ? 1 : 0;
      });
      expect(call('select', { s: S, write: true, except: true, timeout: 0 })).to.deep.equal({ returns: 1, readable: false, writable: true, except: false });
    });

    it('puts a descriptor past the first byte at byte s / 8, bit s % 8', () => {
      fake.on('socket', returning(1000));
      call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 });
      call('select', { s: 1000, read: true, timeout: 0 });
      const readfds = bufferArg(fake.onlyCallOf('select'), 1);
      expect(readfds[125]).to.equal(1 << 0);
      expect(readfds.filter((byte) => byte !== 0)).to.have.length(1);
    });

    it('cannot put INVALID_SOCKET (-1) in an fd_set', () => {
      expect(thrown('select', { s: 'INVALID_SOCKET', read: true, timeout: 0 }).message).to.match(/cannot be put in an fd_set/);
    });
  });

  describe('data and shutdown', () => {
    it("passes send's and recv's flags as the host's MSG_* and reports the bytes received", () => {
      fake.on('recv', ([, buffer]) => (buffer as Buffer).write('ping'));
      call('send', { s: S, data: 'ping', flags: 'MSG_OOB' });
      expect(call('recv', { s: S, length: 64, flags: 'MSG_PEEK' })).to.deep.equal({ returns: 4, data: 'ping' });
      expect(fake.onlyCallOf('send')).to.deep.equal([S, Buffer.from('ping'), 4, 1]);
      expect(fake.onlyCallOf('recv').slice(2)).to.deep.equal([64, 2]);
    });

    it('passes SD_RECEIVE, SD_SEND, SD_BOTH as SHUT_RD, SHUT_WR, SHUT_RDWR', () => {
      const { SHUT_RD, SHUT_WR, SHUT_RDWR } = LINUX.constants;
      for (const how of ['SD_RECEIVE', 'SD_SEND', 'SD_BOTH']) call('shutdown', { s: S, how });
      expect(fake.argsOf('shutdown').map(([, how]) => how)).to.deep.equal([SHUT_RD, SHUT_WR, SHUT_RDWR]);
    });
  });

  describe('what POSIX lacks', () => {
    it('makes WSAStartup and WSACleanup Unsupported', () => {
      expect(thrown('WSAStartup', { version: '2.2' }).message).to.match(/no POSIX counterpart/);
      expect(thrown('WSACleanup', {}).message).to.match(/no POSIX counterpart/);
    });

    it('lacks only calls that need a capability it does not claim, and makes each of them Unsupported, naming what it lacks', () => {
      const lacked = CALLS.filter(isProviderCall).filter((declaration) => isLacking(LIBC_CALLS[declaration.name]));
      expect(lacked.map((declaration) => declaration.name)).to.include.members(['WSAStartup', 'WSAEventSelect', 'WSAAsyncSelect']);
      for (const declaration of lacked) {
        const entry = LIBC_CALLS[declaration.name];
        if (!isLacking(entry)) continue;
        // The table may lack only what the call needs and the catalogue does not claim: the runner SKIPs such cases first.
        expect(entry.lacks, declaration.name).to.equal(declaration.needs);
        expect(BINDINGS.libc.capabilities.has(entry.lacks), declaration.name).to.equal(false);
        // Made anyway, one is Unsupported, never a crash.
        expect(thrown(declaration.name, {}).message, declaration.name).to.equal(`${declaration.name} has no POSIX counterpart: the libc binding lacks ${CAPABILITIES[entry.lacks]}`);
      }
    });

    it('refuses a call the case language does not have', () => {
      expect(thrown('WSAIoctl', {}, ArgumentError).message).to.equal('unknown call WSAIoctl');
    });
  });

  describe('the stack it names', () => {
    it('is the kernel and the glibc version', () => {
      expect(binding.info().version).to.equal('Linux 6.1.0, glibc 2.36');
      expect(binding.info().stack).to.deep.equal({ kind: 'posix', kernel: 'Linux 6.1.0', libc: 'glibc 2.36' });
    });

    it('says so when the C library has no gnu_get_libc_version', () => {
      expect(describeStack(new FakeLibc(null).libc, 'Linux 6.1.0').version).to.match(/^Linux 6\.1\.0, a C library without gnu_get_libc_version/);
      expect(describeStack(new FakeLibc(null).libc, 'Linux 6.1.0').stack).to.deep.equal({ kind: 'posix', kernel: 'Linux 6.1.0' });
    });
  });
});

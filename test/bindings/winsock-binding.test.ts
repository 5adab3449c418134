/**
 * The Winsock binding against a fake ws2_32: what reaches the C functions (numbers,
 * Buffer layouts, NULLs, structures) and how their results and the last
 * error become an Observation.
 */
import { expect } from 'chai';
import type { Observation } from '../../harness/judging/results/result.js';
import { ArgumentError, type RawArgs as Args } from '../../harness/language/calls/arguments.js';
import type { WinsockBinding } from '../../harness/stacks/bindings/winsock/winsock-binding.js';
import { bindingOver, bufferArg, failingWith, FakeWinsock, INVALID_SOCKET_VALUE, returning, SOCKET_ERROR } from './fake-winsock.js';

/** 0xdeadbeef as the signed int WSASetLastError takes. */
const SENTINEL = -559038737;
const WSAECONNREFUSED = 10061;
const S = 224;
const LOOPBACK_5000 = { family: 'AF_INET', address: '127.0.0.1', port: 5000 } as const;
/** sockaddr_in of 127.0.0.1:5000: family 2 little-endian, port 0x1388 big-endian, address, 8 zero bytes. */
const LOOPBACK_5000_BYTES = '0200 1388 7f000001 0000000000000000';
/** sockaddr_in6 of [::1]:5000: family 23, port, flowinfo 0, address, scope id 0. */
const IPV6_LOOPBACK_5000_BYTES = '1700 1388 00000000 00000000000000000000000000000001 00000000';

/** Bytes written as hex, spaces allowed for readability. */
function hex(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'hex');
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32LE(value);
  return buffer;
}

/** What a provider does when it returns an address: the bytes into `name`, their length into `*namelen`. */
function writeAddress(name: Buffer, namelen: Buffer, bytes: Buffer): void {
  bytes.copy(name);
  namelen.writeInt32LE(bytes.length);
}

describe('the Winsock binding (against a fake ws2_32)', () => {
  let fake: FakeWinsock;
  let calls: WinsockBinding;

  beforeEach(() => {
    fake = new FakeWinsock();
    calls = bindingOver(fake);
  });

  function call(name: string, args: Args): Observation {
    return calls.call(name, args);
  }

  /** Calls and returns the ArgumentError it throws (fails the test if it throws nothing or something else). */
  function argumentError(name: string, args: Args): ArgumentError {
    try {
      call(name, args);
    } catch (error) {
      expect(error).to.be.instanceOf(ArgumentError);
      return error as ArgumentError;
    }
    throw new Error(`${name} accepted ${JSON.stringify(args)}`);
  }

  describe('the last error', () => {
    it('is set to 0xdeadbeef before a call that succeeds, and not read after it', () => {
      expect(call('connect', { s: S, name: LOOPBACK_5000 })).to.deep.equal({ returns: 0 });
      expect(fake.sequence()).to.deep.equal(['WSASetLastError', 'connect']);
      expect(fake.onlyCallOf('WSASetLastError')).to.deep.equal([SENTINEL]);
    });

    it('is read after a call that returns SOCKET_ERROR, and named', () => {
      fake.on('connect', failingWith(WSAECONNREFUSED));
      expect(call('connect', { s: S, name: LOOPBACK_5000 })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAECONNREFUSED' });
      expect(fake.sequence()).to.deep.equal(['WSASetLastError', 'connect', 'WSAGetLastError']);
    });

    it('is the sentinel on entry to every call, even after an earlier call left a real error', () => {
      fake.on('connect', failingWith(WSAECONNREFUSED));
      call('connect', { s: S, name: LOOPBACK_5000 });
      call('connect', { s: S, name: LOOPBACK_5000 });
      expect(fake.calls.filter((c) => c.name === 'connect').map((c) => c.lastErrorOnEntry)).to.deep.equal([SENTINEL, SENTINEL]);
    });

    it('reports a failure that left the sentinel in place as unchanged (0xdeadbeef)', () => {
      fake.on('send', returning(SOCKET_ERROR));
      expect(call('send', { s: S, data: 'x' })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'unchanged (0xdeadbeef)' });
    });

    it('names a code it does not know as WSA error N', () => {
      fake.on('listen', failingWith(12345));
      expect(call('listen', { s: S, backlog: 1 })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSA error 12345' });
    });

    it('names the non-WSAE codes a provider may leave (WSA_INVALID_HANDLE)', () => {
      fake.on('shutdown', failingWith(6));
      expect(call('shutdown', { s: S, how: 'SD_BOTH' })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSA_INVALID_HANDLE' });
    });

    it('treats any return other than -1 as success, without reading the last error', () => {
      fake.lastError = WSAECONNREFUSED;
      fake.on('send', returning(-2));
      expect(call('send', { s: S, data: 'x' })).to.deep.equal({ returns: -2 });
      expect(fake.argsOf('WSAGetLastError')).to.have.length(0);
    });
  });

  describe('socket', () => {
    it('passes AF_INET, SOCK_STREAM, IPPROTO_TCP as 2, 1, 6', () => {
      fake.on('socket', returning(260));
      call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' });
      expect(fake.onlyCallOf('socket')).to.deep.equal([2, 1, 6]);
    });

    it('passes AF_INET6, SOCK_DGRAM, IPPROTO_UDP as 23, 2, 17', () => {
      call('socket', { af: 'AF_INET6', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' });
      expect(fake.onlyCallOf('socket')).to.deep.equal([23, 2, 17]);
    });

    it('passes numbers as they are', () => {
      call('socket', { af: 99, type: 'SOCK_RAW', protocol: 0 });
      expect(fake.onlyCallOf('socket')).to.deep.equal([99, 3, 0]);
    });

    it('reports a valid handle as { returns: socket, handle }, without reading the last error', () => {
      fake.on('socket', returning(260));
      expect(call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 })).to.deep.equal({ returns: 'socket', handle: 260 });
      expect(fake.sequence()).to.deep.equal(['WSASetLastError', 'socket']);
    });

    it('reports a handle koffi returns as a BigInt as a number', () => {
      fake.on('socket', returning(300n));
      expect(call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 })).to.deep.equal({ returns: 'socket', handle: 300 });
    });

    it('WSASocket passes no protocol info, the group (0 unless given) and WSA_FLAG_OVERLAPPED, and tracks the socket', () => {
      fake.on('WSASocketW', returning(270));
      expect(call('WSASocket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP', group: 'SG_CONSTRAINED_GROUP' })).to.deep.equal({ returns: 'socket', handle: 270 });
      call('WSASocket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP', group: 0x1234 });
      call('WSASocket', { af: 'AF_INET6', type: 'SOCK_DGRAM', protocol: 0 });
      expect(fake.argsOf('WSASocketW')).to.deep.equal([
        [2, 1, 6, null, 2, 1],
        [2, 1, 6, null, 0x1234, 1],
        [23, 2, 0, null, 0, 1],
      ]);
      fake.calls.length = 0;
      expect(calls.reset()).to.equal(1);
      expect(fake.onlyCallOf('closesocket')).to.deep.equal([270]);
    });

    it('reports INVALID_SOCKET (2^64-1 as a BigInt) with the named last error', () => {
      fake.on('socket', failingWith(10047, INVALID_SOCKET_VALUE));
      expect(call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 })).to.deep.equal({ returns: 'INVALID_SOCKET', error: 'WSAEAFNOSUPPORT' });
      expect(fake.sequence()).to.deep.equal(['WSASetLastError', 'socket', 'WSAGetLastError']);
    });
  });

  describe('addresses passed in: connect, bind, WSAConnect, sendto', () => {
    it('connect passes the socket, a sockaddr_in and namelen 16', () => {
      call('connect', { s: S, name: LOOPBACK_5000 });
      expect(fake.onlyCallOf('connect')).to.deep.equal([S, hex(LOOPBACK_5000_BYTES), 16]);
    });

    it('bind passes a 28-byte sockaddr_in6 with family 23 and namelen 28', () => {
      call('bind', { s: S, name: { family: 'AF_INET6', address: '::1', port: 5000 } });
      expect(fake.onlyCallOf('bind')).to.deep.equal([S, hex(IPV6_LOOPBACK_5000_BYTES), 28]);
    });

    it('passes a smaller namelen as given, with the full 16-byte structure behind it', () => {
      call('connect', { s: S, name: LOOPBACK_5000, namelen: 8 });
      expect(fake.onlyCallOf('connect')).to.deep.equal([S, hex(LOOPBACK_5000_BYTES), 8]);
    });

    it('passes a larger namelen with a buffer at least that long, zero-filled past the structure', () => {
      call('bind', { s: S, name: LOOPBACK_5000, namelen: 32 });
      const [, name, namelen] = fake.onlyCallOf('bind');
      expect(namelen).to.equal(32);
      expect(name).to.deep.equal(Buffer.concat([hex(LOOPBACK_5000_BYTES), Buffer.alloc(16)]));
    });

    it('passes NULL for name: null, with namelen 0 unless one is given', () => {
      call('connect', { s: S, name: null });
      call('connect', { s: S, name: null, namelen: 16 });
      expect(fake.argsOf('connect')).to.deep.equal([
        [S, null, 0],
        [S, null, 16],
      ]);
    });

    it('passes s: INVALID_SOCKET as 2^64-1', () => {
      call('connect', { s: 'INVALID_SOCKET', name: LOOPBACK_5000 });
      expect(fake.onlyCallOf('connect')[0]).to.equal(INVALID_SOCKET_VALUE);
    });

    it('sendto passes the data bytes, their length, flags 0, the address and tolen', () => {
      fake.on('sendto', returning(5));
      expect(call('sendto', { s: S, data: 'héllo', to: LOOPBACK_5000 })).to.deep.equal({ returns: 5 });
      expect(fake.onlyCallOf('sendto')).to.deep.equal([S, Buffer.from('héllo', 'utf8'), 6, 0, hex(LOOPBACK_5000_BYTES), 16]);
    });

    it('sendto takes its length override from tolen', () => {
      call('sendto', { s: S, data: 'x', to: LOOPBACK_5000, tolen: 4 });
      expect(fake.onlyCallOf('sendto')[5]).to.equal(4);
    });

    describe('WSAConnect', () => {
      it('passes NULL for every buffer and QOS that is left out, in the C argument order', () => {
        expect(call('WSAConnect', { s: S, name: LOOPBACK_5000 })).to.deep.equal({ returns: 0 });
        expect(fake.onlyCallOf('WSAConnect')).to.deep.equal([S, hex(LOOPBACK_5000_BYTES), 16, null, null, null, null]);
      });

      it('passes an AF_INET6 name with namelen 28', () => {
        call('WSAConnect', { s: S, name: { family: 'AF_INET6', address: '::1', port: 5000 } });
        const [, name, namelen] = fake.onlyCallOf('WSAConnect');
        expect(name).to.deep.equal(hex(IPV6_LOOPBACK_5000_BYTES));
        expect(namelen).to.equal(28);
      });

      it('passes callerData as a WSABUF holding the text', () => {
        call('WSAConnect', { s: S, name: LOOPBACK_5000, callerData: { data: 'hello' } });
        expect(fake.onlyCallOf('WSAConnect')[3]).to.deep.equal({ len: 5, buf: Buffer.from('hello') });
      });

      it('passes callerData with a len larger than its text in a buffer of that len: the text, then zeros', () => {
        call('WSAConnect', { s: S, name: LOOPBACK_5000, callerData: { data: 'hello', len: 8 } });
        expect(fake.onlyCallOf('WSAConnect')[3]).to.deep.equal({ len: 8, buf: Buffer.from('hello\0\0\0') });
      });

      it('passes callerData with a len smaller than its text as given, with the whole text behind it', () => {
        call('WSAConnect', { s: S, name: LOOPBACK_5000, callerData: { data: 'hello', len: 2 } });
        expect(fake.onlyCallOf('WSAConnect')[3]).to.deep.equal({ len: 2, buf: Buffer.from('hello') });
        expect(argumentError('WSAConnect', { s: S, name: null, callerData: { data: '', len: 65537 } }).message).to.equal('argument callerData.len: expected 0 to 65536, got 65537');
      });

      /** The WSABUF a call was given, as its 16 bytes (64-bit): len, then buf's address. */
      function wsabufOf(bytes: unknown): { len: number; buf: bigint } {
        const wsabuf = bytes as Buffer;
        expect(wsabuf.length).to.equal(16);
        return { len: wsabuf.readUInt32LE(0), buf: wsabuf.readBigUInt64LE(8) };
      }

      it('passes calleeData as a WSABUF of the given size, and reports the len the provider left in it and the WSABUF\'s number', () => {
        fake.on('WSAConnect', ([, , , , calleeData]) => {
          (calleeData as Buffer).writeUInt32LE(0, 0);
          return 0;
        });
        expect(call('WSAConnect', { s: S, name: LOOPBACK_5000, calleeData: { length: 32 } })).to.deep.equal({
          returns: 0,
          calleeData: { len: 0 },
          calleeWsabuf: 1,
        });
        const { len, buf } = wsabufOf(fake.onlyCallOf('WSAConnect')[4]);
        expect(len).to.equal(32);
        expect(fake.blocks.get(buf)?.bytes).to.deep.equal(Buffer.alloc(32));
      });

      it('reports calleeData.len untouched when the provider leaves it, also beside an error', () => {
        fake.on('WSAConnect', failingWith(WSAECONNREFUSED));
        expect(call('WSAConnect', { s: S, name: LOOPBACK_5000, calleeData: { length: 16 } })).to.deep.equal({
          returns: 'SOCKET_ERROR',
          error: 'WSAECONNREFUSED',
          calleeData: { len: 16 },
          calleeWsabuf: 1,
        });
      });

      it('keeps the calleeData WSABUF past the call: readWsabuf reads what the provider wrote into it later, as at FD_CONNECT', () => {
        let given: Buffer | undefined;
        fake.on('WSAConnect', ([, , , , calleeData], stack) => {
          given = calleeData as Buffer;
          stack.lastError = 10035;
          return SOCKET_ERROR;
        });
        expect(call('WSAConnect', { s: S, name: LOOPBACK_5000, calleeData: { length: 16 } })).to.deep.include({ error: 'WSAEWOULDBLOCK', calleeData: { len: 16 }, calleeWsabuf: 1 });
        expect(call('readWsabuf', { wsabuf: 1 })).to.deep.equal({ returns: 16 });
        given?.writeUInt32LE(0, 0);
        expect(call('readWsabuf', { wsabuf: 1 })).to.deep.equal({ returns: 0 });
        // Reading calls nothing of the provider's.
        expect(fake.sequence().filter((name) => name !== 'WSASetLastError' && name !== 'WSAGetLastError')).to.deep.equal(['WSAConnect']);
      });

      it('numbers the WSABUFs of a case in order, and refuses one it did not pass', () => {
        call('WSAConnect', { s: S, name: LOOPBACK_5000, calleeData: { length: 8 } });
        expect(call('WSAConnect', { s: S, name: LOOPBACK_5000, calleeData: { length: 4 } })).to.deep.include({ calleeWsabuf: 2 });
        expect(call('readWsabuf', { wsabuf: 2 })).to.deep.equal({ returns: 4 });
        expect(argumentError('readWsabuf', { wsabuf: 3 }).message).to.equal('argument wsabuf: this case passed 2 WSABUF(s), not a number 3');
        expect(argumentError('readWsabuf', { wsabuf: 0 }).message).to.match(/^argument wsabuf: expected 1 to /);
      });

      it('frees every WSABUF and its buffer when the case ends, after closing its sockets, and numbers from 1 again', () => {
        call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' });
        call('WSAConnect', { s: S, name: LOOPBACK_5000, calleeData: { length: 16 } });
        call('WSAConnect', { s: S, name: LOOPBACK_5000, calleeData: { length: 0 } });
        expect([...fake.blocks.values()].map((block) => [block.bytes.length, block.freed])).to.deep.equal([
          [16, false],
          [16, false],
          [16, false],
        ]);
        const freedAtClose: boolean[] = [];
        fake.on('closesocket', () => {
          freedAtClose.push(...[...fake.blocks.values()].map((block) => block.freed));
          return 0;
        });
        calls.reset();
        expect(freedAtClose).to.deep.equal([false, false, false]);
        expect([...fake.blocks.values()].every((block) => block.freed)).to.equal(true);
        expect(argumentError('readWsabuf', { wsabuf: 1 }).message).to.equal('argument wsabuf: this case passed 0 WSABUF(s), not a number 1');
        expect(call('WSAConnect', { s: S, name: LOOPBACK_5000, calleeData: { length: 16 } })).to.deep.include({ calleeWsabuf: 1 });
      });

      it('passes sqos as a QOS: given FLOWSPEC fields as numbers, the others QOS_NOT_SPECIFIED, no provider-specific buffer', () => {
        call('WSAConnect', { s: S, name: LOOPBACK_5000, sqos: { sending: { tokenRate: 1000, serviceType: 1 }, receiving: {} } });
        const notSpecified = 0xffffffff;
        const flowspec = (given: Record<string, number>) => ({
          TokenRate: notSpecified,
          TokenBucketSize: notSpecified,
          PeakBandwidth: notSpecified,
          Latency: notSpecified,
          DelayVariation: notSpecified,
          ServiceType: notSpecified,
          MaxSduSize: notSpecified,
          MinimumPolicedSize: notSpecified,
          ...given,
        });
        const [, , , , , sqos, gqos] = fake.onlyCallOf('WSAConnect');
        expect(sqos).to.deep.equal({
          SendingFlowspec: flowspec({ TokenRate: 1000, ServiceType: 1 }),
          ReceivingFlowspec: flowspec({}),
          ProviderSpecific: { len: 0, buf: null },
        });
        expect(gqos).to.equal(null);
      });

      it('passes an empty WSABUF for callerData "", buf NULL and len 0 for calleeData length 0, and QOS_NOT_SPECIFIED for FLOWSPEC fields left out', () => {
        call('WSAConnect', { s: S, name: LOOPBACK_5000, callerData: { data: '' }, calleeData: { length: 0 }, sqos: { sending: { tokenRate: 1 }, receiving: {} } });
        const [, , , callerData, calleeData, sqos] = fake.onlyCallOf('WSAConnect');
        expect(callerData).to.deep.equal({ len: 0, buf: Buffer.alloc(0) });
        expect(wsabufOf(calleeData)).to.deep.equal({ len: 0, buf: 0n });
        expect(sqos).to.nested.include({ 'SendingFlowspec.TokenRate': 1, 'ReceivingFlowspec.TokenRate': 0xffffffff });
      });

      it('passes gqos as a QOS too, and sqos: null as NULL', () => {
        call('WSAConnect', { s: S, name: LOOPBACK_5000, sqos: null, gqos: { sending: { latency: 7 }, receiving: { maxSduSize: 1500 } } });
        const [, , , , , sqos, gqos] = fake.onlyCallOf('WSAConnect');
        expect(sqos).to.equal(null);
        expect(gqos).to.nested.include({
          'SendingFlowspec.Latency': 7,
          'SendingFlowspec.TokenRate': 0xffffffff,
          'ReceivingFlowspec.MaxSduSize': 1500,
          'ReceivingFlowspec.Latency': 0xffffffff,
        });
      });
    });
  });

  describe('select', () => {
    /** The fd_set holding only `s`: u32 count 1 at offset 0, the 8-byte SOCKET at offset 8, 520 bytes in all. */
    function fdSetOf(s: bigint): Buffer {
      const set = Buffer.alloc(520);
      set.writeUInt32LE(1, 0);
      set.writeBigUInt64LE(s, 8);
      return set;
    }

    function timeval(seconds: number, microseconds: number): Buffer {
      return Buffer.concat([int32(seconds), int32(microseconds)]);
    }

    /** Scripts select to clear the sets at the given argument positions (1 read, 2 write, 3 except) and return `count`. */
    function selectLeaving(count: number, cleared: readonly number[]): void {
      fake.on('select', (args) => {
        for (const index of cleared) bufferArg(args, index).writeUInt32LE(0, 0);
        return count;
      });
    }

    it('passes nfds 0, an fd_set for the read set only, NULL for the others, and the timeout as a timeval', () => {
      call('select', { s: S, read: true, timeout: 1500 });
      expect(fake.onlyCallOf('select')).to.deep.equal([0, fdSetOf(BigInt(S)), null, null, timeval(1, 500_000)]);
    });

    it('passes each requested set, and a zero timeval for timeout 0', () => {
      call('select', { s: S, write: true, except: true, timeout: 0 });
      expect(fake.onlyCallOf('select')).to.deep.equal([0, null, fdSetOf(BigInt(S)), fdSetOf(BigInt(S)), timeval(0, 0)]);
    });

    it('puts INVALID_SOCKET into the set as 2^64-1', () => {
      call('select', { s: 'INVALID_SOCKET', read: true, timeout: 2000 });
      expect(fake.onlyCallOf('select')[1]).to.deep.equal(fdSetOf(INVALID_SOCKET_VALUE));
      expect(fake.onlyCallOf('select')[4]).to.deep.equal(timeval(2, 0));
    });

    it('reports as ready exactly the sets the provider left non-empty', () => {
      selectLeaving(1, [1, 3]);
      expect(call('select', { s: S, read: true, write: true, except: true, timeout: 0 })).to.deep.equal({
        returns: 1,
        readable: false,
        writable: true,
        except: false,
      });
    });

    it('reports a set that was not requested as not ready', () => {
      selectLeaving(1, []);
      expect(call('select', { s: S, read: true, timeout: 0 })).to.deep.equal({ returns: 1, readable: true, writable: false, except: false });
    });

    it('reports a time-out (0, sets cleared) as nothing ready', () => {
      selectLeaving(0, [2, 3]);
      expect(call('select', { s: S, write: true, except: true, timeout: 10 })).to.deep.equal({
        returns: 0,
        readable: false,
        writable: false,
        except: false,
      });
    });

    it('reports no readiness when it fails', () => {
      fake.on('select', failingWith(10038));
      expect(call('select', { s: S, read: true, timeout: 0 })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAENOTSOCK' });
    });
  });

  describe('options and modes', () => {
    it('ioctlsocket FIONBIO passes 0x8004667E and the value in a 4-byte buffer', () => {
      call('ioctlsocket', { s: S, command: 'FIONBIO', value: 1 });
      expect(fake.onlyCallOf('ioctlsocket')).to.deep.equal([S, 0x8004667e, hex('01000000')]);
    });

    it('setsockopt SOL_SOCKET SO_BROADCAST passes 0xffff, 0x20 and a 4-byte int with optlen 4', () => {
      call('setsockopt', { s: S, level: 'SOL_SOCKET', option: 'SO_BROADCAST', value: 1 });
      expect(fake.onlyCallOf('setsockopt')).to.deep.equal([S, 0xffff, 0x20, hex('01000000'), 4]);
    });

    it('setsockopt passes SO_EXCLUSIVEADDRUSE as ~SO_REUSEADDR and a negative value in two\'s complement', () => {
      call('setsockopt', { s: S, level: 'SOL_SOCKET', option: 'SO_EXCLUSIVEADDRUSE', value: -1 });
      expect(fake.onlyCallOf('setsockopt')).to.deep.equal([S, 0xffff, ~0x0004, hex('ffffffff'), 4]);
    });

    it('getsockopt passes a 4-byte buffer and optlen 4, and reports the value the provider wrote', () => {
      fake.on('getsockopt', (args) => {
        bufferArg(args, 3).writeInt32LE(65536);
        return 0;
      });
      expect(call('getsockopt', { s: S, level: 'SOL_SOCKET', option: 'SO_RCVBUF' })).to.deep.equal({ returns: 0, value: 65536 });
      expect(fake.onlyCallOf('getsockopt')).to.deep.equal([S, 0xffff, 0x1002, Buffer.alloc(4), int32(4)]);
    });

    it('getsockopt reports no value when it fails', () => {
      fake.on('getsockopt', failingWith(10042));
      expect(call('getsockopt', { s: S, level: 'IPPROTO_TCP', option: 'TCP_NODELAY' })).to.deep.equal({
        returns: 'SOCKET_ERROR',
        error: 'WSAENOPROTOOPT',
      });
      expect(fake.onlyCallOf('getsockopt').slice(1, 3)).to.deep.equal([6, 1]);
    });

    it('listen passes the backlog', () => {
      call('listen', { s: S, backlog: 0 });
      expect(fake.argsOf('listen')).to.deep.equal([[S, 0]]);
    });

    it('shutdown passes SD_RECEIVE, SD_SEND, SD_BOTH as 0, 1, 2', () => {
      for (const how of ['SD_RECEIVE', 'SD_SEND', 'SD_BOTH']) call('shutdown', { s: S, how });
      expect(fake.argsOf('shutdown')).to.deep.equal([
        [S, 0],
        [S, 1],
        [S, 2],
      ]);
    });
  });

  describe('data: send, recv, recvfrom', () => {
    it('send passes the UTF-8 bytes of the text, their length and flags', () => {
      fake.on('send', returning(3));
      expect(call('send', { s: S, data: 'abc' })).to.deep.equal({ returns: 3 });
      call('send', { s: S, data: '€', flags: 'MSG_PEEK' });
      expect(fake.argsOf('send')).to.deep.equal([
        [S, Buffer.from('abc'), 3, 0],
        [S, hex('e282ac'), 3, 2],
      ]);
    });

    it('recv passes a buffer of the requested length and reports only the bytes it returned', () => {
      fake.on('recv', (args) => {
        bufferArg(args, 1).write('hello world');
        return 5;
      });
      expect(call('recv', { s: S, length: 16 })).to.deep.equal({ returns: 5, data: 'hello' });
      expect(fake.onlyCallOf('recv')).to.deep.equal([S, Buffer.alloc(16), 16, 0]);
    });

    it('recv reports empty data when the peer closed (returns 0)', () => {
      expect(call('recv', { s: S, length: 8 })).to.deep.equal({ returns: 0, data: '' });
    });

    it('recv reports no data when it fails', () => {
      fake.on('recv', failingWith(10035));
      expect(call('recv', { s: S, length: 8 })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAEWOULDBLOCK' });
    });

    it('recvfrom passes a buffer, its length, flags 0 and room for a 128-byte address, and reports data and from', () => {
      fake.on('recvfrom', (args) => {
        bufferArg(args, 1).write('ping');
        writeAddress(bufferArg(args, 4), bufferArg(args, 5), hex(LOOPBACK_5000_BYTES));
        return 4;
      });
      expect(call('recvfrom', { s: S, length: 64 })).to.deep.equal({ returns: 4, data: 'ping', from: LOOPBACK_5000 });
      expect(fake.onlyCallOf('recvfrom')).to.deep.equal([S, Buffer.alloc(64), 64, 0, Buffer.alloc(128), int32(128)]);
    });

    it('recvfrom reports neither data nor from when it fails', () => {
      fake.on('recvfrom', failingWith(10040));
      expect(call('recvfrom', { s: S, length: 4 })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAEMSGSIZE' });
    });
  });

  describe('addresses returned: getsockname, getpeername, accept', () => {
    it('getsockname passes a 128-byte buffer and namelen 128, and decodes the sockaddr_in the provider wrote', () => {
      fake.on('getsockname', (args) => {
        writeAddress(bufferArg(args, 1), bufferArg(args, 2), hex(LOOPBACK_5000_BYTES));
        return 0;
      });
      expect(call('getsockname', { s: S })).to.deep.equal({ returns: 0, name: LOOPBACK_5000 });
      expect(fake.onlyCallOf('getsockname')).to.deep.equal([S, Buffer.alloc(128), int32(128)]);
    });

    it('getpeername decodes a sockaddr_in6 with its flowinfo and scope id', () => {
      fake.on('getpeername', (args) => {
        writeAddress(bufferArg(args, 1), bufferArg(args, 2), hex('1700 1388 00000001 fe800000000000000000000000000001 05000000'));
        return 0;
      });
      expect(call('getpeername', { s: S })).to.deep.equal({
        returns: 0,
        name: { family: 'AF_INET6', address: 'fe80::1', port: 5000, flowinfo: 1, scopeId: 5 },
      });
    });

    it('decodes with the length the provider wrote back, not the room it was given', () => {
      fake.on('getsockname', (args) => {
        hex(IPV6_LOOPBACK_5000_BYTES).copy(bufferArg(args, 1));
        bufferArg(args, 2).writeInt32LE(16);
        return 0;
      });
      // Family 23 with only 16 bytes is not a sockaddr_in6: it stays a raw family number.
      expect(call('getsockname', { s: S })).to.deep.equal({ returns: 0, name: { family: 23, address: '0.0.0.0', port: 5000 } });
    });

    it('reports no name when the call fails', () => {
      fake.on('getpeername', failingWith(10057));
      expect(call('getpeername', { s: S })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAENOTCONN' });
    });

    it('accept passes room for the address, and reports the new socket with the peer address', () => {
      fake.on('accept', (args) => {
        writeAddress(bufferArg(args, 1), bufferArg(args, 2), hex('0200 c350 7f000001 0000000000000000'));
        return 332;
      });
      expect(call('accept', { s: S })).to.deep.equal({
        returns: 'socket',
        handle: 332,
        name: { family: 'AF_INET', address: '127.0.0.1', port: 50000 },
      });
      expect(fake.onlyCallOf('accept')).to.deep.equal([S, Buffer.alloc(128), int32(128)]);
    });

    it('accept reports INVALID_SOCKET with the error, and no name', () => {
      fake.on('accept', failingWith(10035, INVALID_SOCKET_VALUE));
      expect(call('accept', { s: S })).to.deep.equal({ returns: 'INVALID_SOCKET', error: 'WSAEWOULDBLOCK' });
    });
  });

  describe('WSAStartup and WSACleanup', () => {
    const WSANOTINITIALISED = 10093;

    it('WSAStartup passes MAKEWORD(major, minor) and a WSADATA buffer, and reports wVersion and wHighVersion', () => {
      fake.on('WSAStartup', (args) => {
        const data = bufferArg(args, 1);
        data.writeUInt16LE(0x0101, 0);
        data.writeUInt16LE(0x0202, 2);
        return 0;
      });
      expect(call('WSAStartup', { version: '1.1' })).to.deep.equal({ returns: 0, version: '1.1', highVersion: '2.2' });
      expect(fake.onlyCallOf('WSAStartup')[0]).to.equal(0x0101);
    });

    it('WSAStartup reports the error code it returns, by name, without reading the last error', () => {
      fake.on('WSAStartup', returning(10092));
      expect(call('WSAStartup', { version: '0.0' })).to.deep.equal({ returns: 10092, error: 'WSAVERNOTSUPPORTED' });
      expect(fake.argsOf('WSAGetLastError')).to.have.length(0);
    });

    it('WSACleanup with repeat: until-error calls again until it fails, and reports the failure and how many succeeded', () => {
      let startups = 3;
      fake.on('WSACleanup', (_args, self) => {
        if (startups === 0) {
          self.lastError = WSANOTINITIALISED;
          return SOCKET_ERROR;
        }
        startups--;
        return 0;
      });
      expect(call('WSACleanup', { repeat: 'until-error' })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSANOTINITIALISED', cleanups: 3 });
      expect(fake.argsOf('WSACleanup')).to.have.length(4);
    });

    it('reset undoes what the case did: a start-up for each clean-up, a clean-up for each start-up, around closing its sockets', () => {
      fake.on('WSACleanup', returning(0));
      call('WSACleanup', {});
      call('WSACleanup', {});
      fake.calls.length = 0;
      calls.reset();
      expect(fake.sequence()).to.deep.equal(['WSAStartup', 'WSAStartup']);

      call('WSAStartup', { version: '2.2' });
      fake.on('socket', returning(260));
      call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 });
      fake.calls.length = 0;
      calls.reset();
      expect(fake.sequence()).to.deep.equal(['closesocket', 'WSACleanup']);
      fake.calls.length = 0;
      calls.reset();
      expect(fake.sequence(), 'a second reset has nothing to undo').to.deep.equal([]);
    });

    it('does not count a WSAStartup or WSACleanup that failed', () => {
      fake.on('WSAStartup', returning(10092));
      fake.on('WSACleanup', failingWith(WSANOTINITIALISED));
      call('WSAStartup', { version: '0.0' });
      call('WSACleanup', {});
      fake.calls.length = 0;
      calls.reset();
      expect(fake.sequence()).to.deep.equal([]);
    });
  });

  describe('reset', () => {
    /** Scripts socket and accept to hand out the given handles in turn. */
    function handingOut(...handles: number[]): void {
      const next = () => handles.shift() ?? 9999;
      fake.on('socket', next).on('accept', next);
    }

    function closedDuringReset(since: number): unknown[] {
      return fake.calls.slice(since).filter((c) => c.name === 'closesocket').map((c) => c.args[0]);
    }

    it('closes exactly the sockets still open, from socket and from accept, and returns their count', () => {
      handingOut(100, 101, 102);
      call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 });
      call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 });
      call('accept', { s: 100 });
      call('closesocket', { s: 101 });
      const before = fake.calls.length;
      expect(calls.reset()).to.equal(2);
      expect(closedDuringReset(before)).to.have.members([100, 102]);
    });

    it('keeps a socket whose closesocket failed, and closes it at reset', () => {
      handingOut(100);
      call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 });
      fake.on('closesocket', failingWith(10038));
      expect(call('closesocket', { s: 100 })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAENOTSOCK' });
      const before = fake.calls.length;
      expect(calls.reset()).to.equal(1);
      expect(closedDuringReset(before)).to.deep.equal([100]);
    });

    it('does not track INVALID_SOCKET results, nor handles it never handed out', () => {
      fake.on('socket', returning(INVALID_SOCKET_VALUE));
      call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 });
      call('closesocket', { s: 555 });
      call('closesocket', { s: 'INVALID_SOCKET' });
      expect(calls.reset()).to.equal(0);
    });

    it('forgets what it closed: a second reset closes nothing', () => {
      handingOut(100);
      call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 });
      expect(calls.reset()).to.equal(1);
      const before = fake.calls.length;
      expect(calls.reset()).to.equal(0);
      expect(fake.calls.slice(before)).to.deep.equal([]);
    });

    it('tracks a handle again when the provider reuses it after a close', () => {
      handingOut(100, 100);
      call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 });
      call('closesocket', { s: 100 });
      call('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 0 });
      expect(calls.reset()).to.equal(1);
    });
  });

  describe('bad arguments', () => {
    it('rejects an unknown constant name, naming the argument, before calling the provider', () => {
      const error = argumentError('socket', { af: 'AF_BOGUS', type: 'SOCK_STREAM' });
      expect(error.message).to.equal('argument af: expected a number or a known constant, got "AF_BOGUS"');
      expect(fake.argsOf('socket')).to.deep.equal([]);
    });

    it('does not take names inherited from Object.prototype for calls or constants', () => {
      expect(argumentError('constructor', {}).message).to.equal('unknown call constructor');
      expect(argumentError('socket', { af: 'constructor', type: 'SOCK_STREAM' }).message).to.equal(
        'argument af: expected a number or a known constant, got "constructor"',
      );
    });

    it('rejects sizes out of range, naming the argument', () => {
      expect(argumentError('recv', { s: S, length: -1 }).message).to.equal('argument length: expected 0 to 65536, got -1');
      expect(argumentError('recv', { s: S, length: 65537 }).message).to.equal('argument length: expected 0 to 65536, got 65537');
      expect(argumentError('WSAConnect', { s: S, name: null, namelen: 65537 }).message).to.equal('argument namelen: expected 0 to 65536, got 65537');
      expect(argumentError('WSAConnect', { s: S, name: null, calleeData: { length: 1.5 } }).message).to.equal(
        'argument calleeData.length: expected an integer, got 1.5',
      );
      expect(argumentError('WSAConnect', { s: S, name: null, sqos: { sending: { tokenRate: 'fast' }, receiving: {} } }).message).to.equal(
        'argument sqos.sending.tokenRate: expected an integer, got "fast"',
      );
      expect(argumentError('WSAConnect', { s: S, name: null, callerData: { data: {} } }).message).to.equal(
        'argument callerData.data: expected text, got {}',
      );
    });

    it('rejects a missing required argument, and one the call does not take', () => {
      expect(argumentError('shutdown', { s: S }).message).to.equal('argument how is missing');
      expect(argumentError('sendto', { s: S, data: 'x', to: LOOPBACK_5000, namelen: 4 }).message).to.equal('unknown argument namelen');
    });

    it('rejects a non-integer where an integer is expected', () => {
      expect(argumentError('listen', { s: S, backlog: 1.5 }).message).to.equal('argument backlog: expected an integer, got 1.5');

      expect(argumentError('connect', { s: S, name: LOOPBACK_5000, namelen: '16' }).message).to.equal(
        'argument namelen: expected an integer, got "16"',
      );
      expect(argumentError('sendto', { s: S, data: 'x', to: LOOPBACK_5000, tolen: 2.5 }).message).to.equal(
        'argument tolen: expected an integer, got 2.5',
      );
      expect(argumentError('setsockopt', { s: S, level: 'SOL_SOCKET', option: 'SO_BROADCAST', value: '1' }).message).to.equal(
        'argument value: expected an integer, got "1"',
      );
    });

    it('rejects a socket that is not a non-negative integer or INVALID_SOCKET', () => {
      expect(argumentError('closesocket', { s: '224' }).message).to.equal('argument s: expected a socket, got "224"');
      expect(argumentError('recv', { s: -1, length: 4 }).message).to.equal('argument s: expected a socket, got -1');
      expect(argumentError('select', { read: true, timeout: 0 }).message).to.equal('argument s is missing');
      expect(argumentError('WSAConnect', { s: 1.5, name: LOOPBACK_5000 }).message).to.equal('argument s: expected a socket, got 1.5');
    });

    it('rejects an address that is not { family, address, port }', () => {
      expect(argumentError('connect', { s: S, name: '127.0.0.1:5000' }).message).to.equal(
        'argument name: expected a socket address { family, address, port }, got "127.0.0.1:5000"',
      );
      expect(argumentError('sendto', { s: S, data: 'x', to: { address: '127.0.0.1', port: 1 } }).message).to.match(/^argument to: /);
    });

    it('rejects WSAConnect buffers and QOS that are not objects', () => {
      expect(argumentError('WSAConnect', { s: S, name: LOOPBACK_5000, calleeData: [] }).message).to.equal(
        'argument calleeData: expected an object or null, got []',
      );
      expect(argumentError('WSAConnect', { s: S, name: LOOPBACK_5000, callerData: 'hello' }).message).to.match(/^argument callerData: /);
      expect(argumentError('WSAConnect', { s: S, name: LOOPBACK_5000, gqos: 1 }).message).to.match(/^argument gqos: /);
    });

    it('rejects data that is not text, a select flag that is not a boolean', () => {
      expect(argumentError('send', { s: S, data: 5 }).message).to.equal('argument data: expected text, got 5');
      expect(argumentError('select', { s: S, read: 'yes', timeout: 0 }).message).to.equal('argument read: expected true or false, got "yes"');
    });

    it('rejects a call it does not know', () => {
      expect(argumentError('WSAIoctl', {}).message).to.equal('unknown call WSAIoctl');
    });
  });
});

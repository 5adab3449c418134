/**
 * Makes one call on the stack under test and reports what it did. Every
 * socket it hands out is remembered until it is closed, so that `reset` can
 * close what a case left open, on every path.
 */
import type { ProviderCall } from '../cases/case.js';
import type { Observation } from '../results/result.js';
import { decodeSockaddr, encodeSockaddr, sockaddrSize, SOCKADDR_STORAGE_SIZE } from '../net/sockaddr.js';
import { ArgumentError, constant, count, flag, integer, INVALID_SOCKET, optionalObject, sockaddr, socketHandle, text, type Args } from './args.js';
import { LAST_ERROR_SENTINEL, WINSOCK_CONSTANTS, WINSOCK_FAMILIES, wsaErrorName } from './winsock-constants.js';
import type { Winsock } from './winsock.js';

const SOCKET_ERROR = -1;
/** Winsock's fd_set: u_int fd_count, then up to 64 SOCKETs (8-byte aligned on 64-bit). */
const FD_SET_SIZE = 8 + 64 * 8;
const QOS_NOT_SPECIFIED = 0xffffffff;
/** Upper bound of any buffer a case asks for (lengths, namelen): enough for every test, small enough to allocate. */
const MAX_BUFFER = 64 * 1024;

type Handler = (args: Args) => Observation;

export class WinsockCalls {
  private readonly open = new Set<number>();
  private readonly handlers: Readonly<Record<ProviderCall, Handler>>;

  constructor(private readonly ws: Winsock) {
    this.handlers = {
      socket: (a) =>
        this.newSocket(() =>
          ws.socket(constant(a, 'af', WINSOCK_CONSTANTS), constant(a, 'type', WINSOCK_CONSTANTS), constant(a, 'protocol', WINSOCK_CONSTANTS, 0)),
        ),
      closesocket: (a) => {
        const s = socketHandle(a);
        const observation = this.int(() => ws.closesocket(s));
        if (observation.returns === 0 && typeof s === 'number') this.open.delete(s);
        return observation;
      },
      bind: (a) => this.withName(a, 'name', (name, len) => ws.bind(socketHandle(a), name, len)),
      listen: (a) => this.int(() => ws.listen(socketHandle(a), integer(a, 'backlog', 5))),
      accept: (a) => this.withNameOut((name, len) => this.newSocket(() => ws.accept(socketHandle(a), name, len))),
      setsockopt: (a) => {
        const value = Buffer.alloc(4);
        value.writeInt32LE(integer(a, 'value'));
        return this.int(() =>
          ws.setsockopt(socketHandle(a), constant(a, 'level', WINSOCK_CONSTANTS), constant(a, 'option', WINSOCK_CONSTANTS), value, 4),
        );
      },
      getsockopt: (a) => {
        const value = Buffer.alloc(4);
        const length = int32(4);
        const observation = this.int(() =>
          ws.getsockopt(socketHandle(a), constant(a, 'level', WINSOCK_CONSTANTS), constant(a, 'option', WINSOCK_CONSTANTS), value, length),
        );
        return observation.returns === 0 ? { ...observation, value: value.readInt32LE(0) } : observation;
      },
      ioctlsocket: (a) => {
        const argp = Buffer.alloc(4);
        argp.writeUInt32LE(integer(a, 'value', 0) >>> 0);
        return this.int(() => ws.ioctlsocket(socketHandle(a), constant(a, 'command', WINSOCK_CONSTANTS) >>> 0, argp));
      },
      WSAConnect: (a) => this.wsaConnect(a),
      connect: (a) => this.withName(a, 'name', (name, len) => ws.connect(socketHandle(a), name, len)),
      select: (a) => this.select(a),
      send: (a) => {
        const data = Buffer.from(text(a, 'data'));
        return this.int(() => ws.send(socketHandle(a), data, data.length, constant(a, 'flags', WINSOCK_CONSTANTS, 0)));
      },
      recv: (a) => {
        const buffer = Buffer.alloc(count(a, 'length', MAX_BUFFER));
        const observation = this.int(() => ws.recv(socketHandle(a), buffer, buffer.length, constant(a, 'flags', WINSOCK_CONSTANTS, 0)));
        return withData(observation, buffer);
      },
      sendto: (a) => {
        const data = Buffer.from(text(a, 'data'));
        return this.withName(a, 'to', (to, len) =>
          ws.sendto(socketHandle(a), data, data.length, constant(a, 'flags', WINSOCK_CONSTANTS, 0), to, len),
        );
      },
      recvfrom: (a) => {
        const buffer = Buffer.alloc(count(a, 'length', MAX_BUFFER));
        return this.withNameOut(
          (from, len) => withData(this.int(() => ws.recvfrom(socketHandle(a), buffer, buffer.length, 0, from, len)), buffer),
          'from',
        );
      },
      getsockname: (a) => this.withNameOut((name, len) => this.int(() => ws.getsockname(socketHandle(a), name, len))),
      getpeername: (a) => this.withNameOut((name, len) => this.int(() => ws.getpeername(socketHandle(a), name, len))),
      shutdown: (a) => this.int(() => ws.shutdown(socketHandle(a), constant(a, 'how', WINSOCK_CONSTANTS))),
    };
  }

  call(name: ProviderCall, args: Args): Observation {
    if (!Object.hasOwn(this.handlers, name)) throw new ArgumentError(`unknown call ${name}`);
    return this.handlers[name](args);
  }

  /** Closes every socket still open; returns how many there were. */
  reset(): number {
    const count = this.open.size;
    for (const s of this.open) this.ws.closesocket(s);
    this.open.clear();
    return count;
  }

  /** Calls with the last error set to a sentinel, and reads it back only when the call failed. */
  private int(call: () => unknown): Observation {
    this.ws.WSASetLastError(LAST_ERROR_SENTINEL);
    const returns = Number(call());
    if (returns !== SOCKET_ERROR) return { returns };
    return { returns: 'SOCKET_ERROR', error: wsaErrorName(this.ws.WSAGetLastError()) };
  }

  private newSocket(call: () => unknown): Observation {
    this.ws.WSASetLastError(LAST_ERROR_SENTINEL);
    const handle = call() as number | bigint;
    if (BigInt(handle) === INVALID_SOCKET) {
      return { returns: 'INVALID_SOCKET', error: wsaErrorName(this.ws.WSAGetLastError()) };
    }
    this.open.add(Number(handle));
    return { returns: 'socket', handle: Number(handle) };
  }

  /** Passes a socket address argument: its buffer (or NULL) and its length (`<name>len` overrides). */
  private withName(a: Args, key: 'name' | 'to', call: (name: Buffer | null, namelen: number) => unknown): Observation {
    const address = sockaddr(a, key);
    const lengthKey = key === 'to' ? 'tolen' : 'namelen';
    // The buffer is as long as the length the call is told, so a too-large namelen reads zeros, never past the buffer.
    const length = count(a, lengthKey, MAX_BUFFER, address ? sockaddrSize(address) : 0);
    const buffer = address ? encodeSockaddr(address, WINSOCK_FAMILIES, length) : null;
    return this.int(() => call(buffer, length));
  }

  /** Provides room for an address the call writes, and reports it as an output when the call succeeded. */
  private withNameOut(call: (name: Buffer, namelen: Buffer) => Observation, output = 'name'): Observation {
    const name = Buffer.alloc(SOCKADDR_STORAGE_SIZE);
    const length = int32(SOCKADDR_STORAGE_SIZE);
    const observation = call(name, length);
    if (observation.returns === 'SOCKET_ERROR' || observation.returns === 'INVALID_SOCKET') return observation;
    return { ...observation, [output]: decodeSockaddr(name, length.readInt32LE(0), WINSOCK_FAMILIES) };
  }

  private wsaConnect(a: Args): Observation {
    const caller = optionalObject(a, 'callerData');
    const callee = optionalObject(a, 'calleeData');
    const callerData = caller ? wsabuf(Buffer.from(text(caller, 'data', ''))) : null;
    const calleeData = callee ? wsabuf(Buffer.alloc(count(callee, 'length', MAX_BUFFER, 0))) : null;
    const observation = this.withName(a, 'name', (name, namelen) =>
      this.ws.WSAConnect(socketHandle(a), name, namelen, callerData, calleeData, qos(optionalObject(a, 'sqos')), qos(optionalObject(a, 'gqos'))),
    );
    return calleeData ? { ...observation, calleeData: { len: calleeData.len } } : observation;
  }

  private select(a: Args): Observation {
    const s = socketHandle(a);
    const sets = { readable: flag(a, 'read'), writable: flag(a, 'write'), except: flag(a, 'except') };
    const buffers = Object.fromEntries(
      Object.entries(sets).map(([key, wanted]) => [key, wanted ? fdSet(s) : null]),
    ) as Record<keyof typeof sets, Buffer | null>;
    const timeoutMs = count(a, 'timeout', 3_600_000);
    const timeval = Buffer.alloc(8);
    timeval.writeInt32LE(Math.floor(timeoutMs / 1000), 0);
    timeval.writeInt32LE((timeoutMs % 1000) * 1000, 4);
    const observation = this.int(() => this.ws.select(0, buffers.readable, buffers.writable, buffers.except, timeval));
    if (observation.returns === 'SOCKET_ERROR') return observation;
    // select leaves in each set only the sockets that are ready.
    const ready = (buffer: Buffer | null) => buffer !== null && buffer.readUInt32LE(0) > 0;
    return { ...observation, readable: ready(buffers.readable), writable: ready(buffers.writable), except: ready(buffers.except) };
  }
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32LE(value);
  return buffer;
}

function fdSet(s: number | bigint): Buffer {
  const buffer = Buffer.alloc(FD_SET_SIZE);
  buffer.writeUInt32LE(1, 0);
  buffer.writeBigUInt64LE(BigInt(s), 8);
  return buffer;
}

function withData(observation: Observation, buffer: Buffer): Observation {
  if (typeof observation.returns !== 'number') return observation;
  return { ...observation, data: buffer.subarray(0, observation.returns).toString('utf8') };
}

interface WsaBuf {
  len: number;
  buf: Buffer;
}

function wsabuf(buf: Buffer): WsaBuf {
  return { len: buf.length, buf };
}

const FLOWSPEC_FIELDS = [
  ['tokenRate', 'TokenRate'],
  ['tokenBucketSize', 'TokenBucketSize'],
  ['peakBandwidth', 'PeakBandwidth'],
  ['latency', 'Latency'],
  ['delayVariation', 'DelayVariation'],
  ['serviceType', 'ServiceType'],
  ['maxSduSize', 'MaxSduSize'],
  ['minimumPolicedSize', 'MinimumPolicedSize'],
] as const;

function flowspec(spec: unknown): Record<string, number> {
  const given = (spec ?? {}) as Args;
  return Object.fromEntries(FLOWSPEC_FIELDS.map(([key, field]) => [field, count(given, key, 0xffffffff, QOS_NOT_SPECIFIED)]));
}

function qos(spec: Readonly<Record<string, unknown>> | null): object | null {
  if (!spec) return null;
  return {
    SendingFlowspec: flowspec(spec['sending']),
    ReceivingFlowspec: flowspec(spec['receiving']),
    ProviderSpecific: { len: 0, buf: null },
  };
}


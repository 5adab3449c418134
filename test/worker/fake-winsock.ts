/**
 * A stand-in for ws2_32.dll behind the `Winsock` function table: plain
 * functions that record what they receive and do what a test scripts, with a
 * last-error store behind WSAGetLastError / WSASetLastError. Tests of
 * WinsockCalls drive it to check the C-level contract without koffi or Wine.
 */
import type { Winsock } from '../../harness/worker/winsock.js';

/** The ws2_32 functions a test can script (everything in the table but koffi and the last-error pair). */
export type WinsockFunction = Exclude<keyof Winsock, 'koffi' | 'WSAGetLastError' | 'WSASetLastError'>;
export type RecordedFunction = WinsockFunction | 'WSAGetLastError' | 'WSASetLastError';

export interface RecordedCall {
  readonly name: RecordedFunction;
  /** The arguments as they were on entry: Buffers and structures are copied, so later writes by the fake do not show. */
  readonly args: readonly unknown[];
  /** The last error when the call was entered. */
  readonly lastErrorOnEntry: number;
}

/**
 * What a scripted function does. It receives the live arguments (the very
 * Buffers and WSABUF objects the caller passed, so it can write into them as
 * the provider would) and the fake, whose `lastError` it may set.
 */
export type Behaviour = (args: readonly unknown[], fake: FakeWinsock) => unknown;

export const SOCKET_ERROR = -1;
export const INVALID_SOCKET_VALUE = 2n ** 64n - 1n;

export class FakeWinsock {
  lastError = 0;
  readonly calls: RecordedCall[] = [];
  readonly winsock: Winsock;
  private readonly behaviours = new Map<WinsockFunction, Behaviour>();

  constructor() {
    const fn = (name: WinsockFunction) => (...args: unknown[]) => {
      this.record(name, args);
      const behaviour = this.behaviours.get(name);
      return behaviour ? behaviour(args, this) : 0;
    };
    this.winsock = {
      // WinsockCalls never touches koffi; a null here makes any use of it fail loudly.
      koffi: null as unknown as Winsock['koffi'],
      socket: fn('socket'),
      closesocket: fn('closesocket'),
      bind: fn('bind'),
      listen: fn('listen'),
      accept: fn('accept'),
      setsockopt: fn('setsockopt'),
      getsockopt: fn('getsockopt'),
      ioctlsocket: fn('ioctlsocket'),
      WSAConnect: fn('WSAConnect'),
      connect: fn('connect'),
      select: fn('select'),
      send: fn('send'),
      recv: fn('recv'),
      sendto: fn('sendto'),
      recvfrom: fn('recvfrom'),
      getsockname: fn('getsockname'),
      getpeername: fn('getpeername'),
      shutdown: fn('shutdown'),
      WSAGetLastError: () => {
        this.record('WSAGetLastError', []);
        return this.lastError;
      },
      WSASetLastError: (code: number) => {
        this.record('WSASetLastError', [code]);
        this.lastError = code;
      },
    };
  }

  /** Scripts `name`; unscripted functions return 0 and leave the last error alone. */
  on(name: WinsockFunction, behaviour: Behaviour): this {
    this.behaviours.set(name, behaviour);
    return this;
  }

  /** The entry arguments of every call of `name`, in order. */
  argsOf(name: RecordedFunction): (readonly unknown[])[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.args);
  }

  /** The entry arguments of the one call of `name`; throws unless there was exactly one. */
  onlyCallOf(name: RecordedFunction): readonly unknown[] {
    const all = this.argsOf(name);
    if (all.length !== 1) throw new Error(`expected exactly one call of ${name}, saw ${all.length}`);
    return all[0] as readonly unknown[];
  }

  /** The names of the functions called, in order. */
  sequence(): RecordedFunction[] {
    return this.calls.map((call) => call.name);
  }

  private record(name: RecordedFunction, args: readonly unknown[]): void {
    this.calls.push({ name, args: args.map(snapshot), lastErrorOnEntry: this.lastError });
  }
}

/** Returns `value` and leaves the last error as it is. */
export function returning(value: unknown): Behaviour {
  return () => value;
}

/** Fails as a provider does: sets the last error to `code` and returns `value` (SOCKET_ERROR by default). */
export function failingWith(code: number, value: unknown = SOCKET_ERROR): Behaviour {
  return (_args, fake) => {
    fake.lastError = code;
    return value;
  };
}

/** The Buffer passed as argument `index` (live); throws if it is not one. */
export function bufferArg(args: readonly unknown[], index: number): Buffer {
  const value = args[index];
  if (!Buffer.isBuffer(value)) throw new Error(`argument ${index} is not a Buffer: ${String(value)}`);
  return value;
}

/** A deep copy of an argument: Buffers copied byte for byte, plain objects field by field. */
function snapshot(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return Buffer.from(value);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, snapshot(field)]));
  }
  return value;
}

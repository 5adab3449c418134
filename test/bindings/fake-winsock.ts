/**
 * A stand-in for ws2_32.dll (and the user32.dll functions some calls name)
 * behind the binding's function table: plain functions, one for each
 * prototype the call declarations name, that record
 * what they receive and do what a test scripts, with a last-error store
 * behind WSAGetLastError / WSASetLastError. Tests of the Winsock binding
 * drive it to check the C-level contract without koffi or Wine.
 */
import type { NativeFunction } from '../../harness/calls/declaration.js';
import { CALLS, isProviderCall } from '../../harness/calls/index.js';
import { WinsockBinding } from '../../harness/bindings/winsock/winsock-binding.js';
import type { RawArgs } from '../../harness/calls/arguments.js';
import type { Observation } from '../../harness/results/result.js';
import { declaredFunctions, prototypeName, type Ws2_32 } from '../../harness/bindings/winsock/ws2-32.js';

/** The ws2_32 functions a test can script: every function a call declares. */
export type WinsockFunction = string;
export type RecordedFunction = WinsockFunction | 'WSAGetLastError' | 'WSASetLastError';

/** Every ws2_32 function the call declarations name. */
export const DECLARED_FUNCTIONS: readonly string[] = [
  ...new Set(CALLS.filter(isProviderCall).flatMap((call) => declaredFunctions(call).map(([, prototype]) => prototypeName(prototype)))),
];

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
  readonly ws2: Ws2_32;
  private readonly behaviours = new Map<WinsockFunction, Behaviour>();

  constructor() {
    const fn = (name: WinsockFunction) => (...args: unknown[]) => {
      this.record(name, args);
      const behaviour = this.behaviours.get(name);
      return behaviour ? behaviour(args, this) : 0;
    };
    this.ws2 = {
      functions: new Map<string, NativeFunction>(DECLARED_FUNCTIONS.map((name) => [name, fn(name)])),
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

/** The Winsock binding over `fake`, as the worker would open it over ws2_32. */
export function bindingOver(fake: FakeWinsock): WinsockBinding {
  return new WinsockBinding(fake.ws2, () => ({ version: 'Fake ws2_32', nodeVersion: process.version }));
}

/** A fresh fake, the binding over it, and its two operations a test drives. */
export function fakeStack(): { fake: FakeWinsock; call: (name: string, args?: RawArgs) => Observation; reset: () => number } {
  const fake = new FakeWinsock();
  const binding = bindingOver(fake);
  return { fake, call: (name, args = {}) => binding.call(name, args), reset: () => binding.reset() };
}

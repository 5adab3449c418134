/**
 * A stand-in for ws2_32.dll (and the user32.dll functions some calls name)
 * behind the binding's function table: plain functions, one for each
 * prototype the call declarations name, that record
 * what they receive and do what a test scripts, with a last-error store
 * behind WSAGetLastError / WSASetLastError. Tests of the Winsock binding
 * drive it to check the C-level contract without koffi or Wine.
 */
import type { NativeFunction } from '../../harness/language/calls/declaration.js';
import { CALLS, isProviderCall } from '../../harness/language/calls/index.js';
import { WinsockBinding } from '../../harness/stacks/bindings/winsock/winsock-binding.js';
import type { RawArgs } from '../../harness/language/calls/arguments.js';
import type { Observation } from '../../harness/judging/results/result.js';
import { declaredFunctions, prototypeName, type Ws2_32 } from '../../harness/stacks/bindings/winsock/ws2-32.js';
import { ScriptedFake, snapshot, type LoggedCall } from './scripted-fake.js';

export { bufferArg } from './scripted-fake.js';

/** The ws2_32 functions a test can script: every function a call declares. */
export type WinsockFunction = string;
export type RecordedFunction = WinsockFunction | 'WSAGetLastError' | 'WSASetLastError';

/** Every ws2_32 function the call declarations name. */
export const DECLARED_FUNCTIONS: readonly string[] = [
  ...new Set(CALLS.filter(isProviderCall).flatMap((call) => declaredFunctions(call).map(([, prototype]) => prototypeName(prototype)))),
];

export interface RecordedCall extends LoggedCall<RecordedFunction> {
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
/** Where the stand-in's native memory seems to lie: blocks a page apart. */
const FAKE_MEMORY_BASE = 0x7f0000000000n;
const FAKE_BLOCK_SPACING = 0x1000n;
export const INVALID_SOCKET_VALUE = 2n ** 64n - 1n;

export class FakeWinsock extends ScriptedFake<WinsockFunction, RecordedFunction, RecordedCall, Behaviour> {
  lastError = 0;
  readonly ws2: Ws2_32;
  /** Functions a test makes the stand-in lack, with the reason a binding reports. */
  readonly missing = new Map<string, string>();
  /** The addresses the stand-in's resolver gives for each host name. */
  readonly resolutions = new Map<string, readonly string[]>();
  /** The native memory the binding allocated, by its stand-in address: its bytes (passed as its pointer, live), and whether it was freed. */
  readonly blocks = new Map<bigint, { readonly bytes: Buffer; freed: boolean }>();

  constructor() {
    super();
    const fn = (name: WinsockFunction) => (...args: unknown[]) => {
      this.record(name, args);
      const behaviour = this.behaviours.get(name);
      return behaviour ? behaviour(args, this) : 0;
    };
    this.ws2 = {
      functions: new Map<string, NativeFunction>(DECLARED_FUNCTIONS.map((name) => [name, fn(name)])),
      // A function called through a pointer the provider gave (ConnectEx) is recorded and scripted by its prototype's name.
      through: (_address, prototype) => fn(prototypeName(prototype)),
      missing: this.missing,
      // What the stack's resolver gives for a name: as a test scripts it, none otherwise.
      resolve: (host: string) => [...(this.resolutions.get(host) ?? [])],
      // The list as the entries it holds, so that a test can read what the call was given.
      socketAddressList: (names: readonly Buffer[]) => ({ socketAddressList: names.map((name) => Buffer.from(name)) }),
      // A block is a Buffer, passed as its own pointer, so that a scripted function writes it as a provider would.
      memory: {
        alloc: (bytes: number) => {
          const address = FAKE_MEMORY_BASE + BigInt(this.blocks.size) * FAKE_BLOCK_SPACING;
          const block = { bytes: Buffer.alloc(bytes), freed: false };
          this.blocks.set(address, block);
          return { pointer: block.bytes, address, bytes: block.bytes };
        },
        free: ({ address }) => {
          const block = this.blocks.get(address);
          if (block === undefined || block.freed) throw new Error(`free of memory not allocated or already freed, at 0x${address.toString(16)}`);
          block.freed = true;
        },
      },
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

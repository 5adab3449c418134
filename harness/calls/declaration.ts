/**
 * The declaration of a call of the case language: its arguments and their
 * kinds, its outputs, what its return value is, the resources it creates,
 * what a provider needs to make it, and — for calls made on the stack under
 * test — how the Winsock binding makes it. Everything else is derived from
 * these declarations: the case schema's step branches, the loader's list of
 * calls and reference checks, the worker's dispatch and its koffi
 * declarations, and the list of calls in cases/CALLS.md.
 */
import type { SockAddr } from '../net/sockaddr.js';
import type { CallConventions } from './call-conventions.js';
import type { Observation } from '../results/result.js';
import type { Capability } from '../vocabulary/capabilities.js';
import type { ConstantGroup } from '../vocabulary/constants.js';

/** What kind of value an argument takes; each kind has its schema definition and its reader. */
export type ArgKind =
  | 'socket'
  | 'socketAddress'
  | 'count'
  | 'integer'
  | 'flag'
  | 'text'
  | 'callerData'
  | 'calleeData'
  | 'qos'
  | 'recordingPeer'
  | 'winsockVersion'
  | 'cleanupRepeat'
  | ConstantGroup;

/** A socket handle as passed to the stack: a number, or the all-ones INVALID_SOCKET. */
export type SocketHandle = number | bigint;

/** A FLOWSPEC with every field given (the reader fills in QOS_NOT_SPECIFIED). */
export type Flowspec = Readonly<Record<FlowspecField, number>>;
export type FlowspecField =
  | 'tokenRate'
  | 'tokenBucketSize'
  | 'peakBandwidth'
  | 'latency'
  | 'delayVariation'
  | 'serviceType'
  | 'maxSduSize'
  | 'minimumPolicedSize';

export interface QosSpec {
  readonly sending: Flowspec;
  readonly receiving: Flowspec;
}

/** The value a call receives for each kind, once read and checked. NULL pointers are `null`. */
export interface ArgValues {
  readonly socket: SocketHandle;
  readonly socketAddress: SockAddr | null;
  readonly count: number;
  readonly integer: number;
  readonly flag: boolean;
  readonly text: string;
  /** lpCallerData: the bytes of the WSABUF, or NULL. */
  readonly callerData: { readonly data: string } | null;
  /** lpCalleeData: a WSABUF with a buffer of this many bytes, or NULL. */
  readonly calleeData: { readonly length: number } | null;
  readonly qos: QosSpec | null;
  readonly recordingPeer: string;
  /** MAKEWORD(major, minor), as WSAStartup takes it. */
  readonly winsockVersion: number;
  readonly cleanupRepeat: 'until-error';
  readonly addressFamily: number;
  readonly socketType: number;
  readonly protocol: number;
  readonly optionLevel: number;
  readonly socketOption: number;
  readonly ioctlCommand: number;
  readonly shutdownHow: number;
  readonly messageFlags: number;
}

export interface ArgSpec<K extends ArgKind = ArgKind, R extends boolean = boolean> {
  readonly kind: K;
  readonly description: string;
  readonly required: R;
  /** What the provider needs to pass a value other than NULL here. */
  readonly needs?: Capability;
}

export type ArgSpecs = { readonly [name: string]: ArgSpec };

/** The checked arguments a call receives: optional ones are undefined when the case leaves them out. */
export type CallArgs<A extends ArgSpecs> = {
  readonly [K in keyof A]: A[K] extends ArgSpec<infer Kind, infer Required>
    ? Required extends true
      ? ArgValues[Kind]
      : ArgValues[Kind] | undefined
    : never;
};

export const arg = {
  required<K extends ArgKind>(kind: K, description: string): ArgSpec<K, true> {
    return { kind, description, required: true };
  },
  optional<K extends ArgKind>(kind: K, description: string, needs?: Capability): ArgSpec<K, false> {
    return { kind, description, required: false, ...(needs === undefined ? {} : { needs }) };
  },
};

/**
 * What the return value is, which fixes the symbolic returns an outcome may name:
 * - `int`: a number, or SOCKET_ERROR (-1) with the error;
 * - `socket`: `socket` (any valid handle) or INVALID_SOCKET with the error;
 * - `errorCode`: 0, or the error code itself (WSAStartup), named in `error`;
 * - `count`: a number the harness counted (never fails).
 */
export type ReturnKind = 'int' | 'socket' | 'errorCode' | 'count';

/** What `as` keeps of a step: the resource the call creates, or else the whole observation. */
export type ResourceKind = 'socket';

/**
 * Where a call can put packets, for the traffic guard: the argument naming
 * where it connects or sends, the one naming a local address it binds, and
 * whether it sends data (to that destination, or to the socket's own).
 */
export interface Traffic {
  readonly destination?: string;
  readonly local?: string;
  readonly sendsData: boolean;
}

interface CommonDeclaration<A extends ArgSpecs> {
  readonly name: string;
  /** One sentence: what the call does, for the schema and cases/CALLS.md. */
  readonly summary: string;
  readonly args: A;
  /** Outputs besides `returns` and `error`, by name, with what they hold. */
  readonly outputs: { readonly [name: string]: string };
  readonly returns: ReturnKind;
  readonly creates?: ResourceKind;
  /** What a provider needs to make the call at all. */
  readonly needs?: Capability;
  /** Calls that connect, bind or send say so, so that nothing leaves loopback. */
  readonly traffic?: Traffic;
}

/** How the Winsock binding makes a call. */
export interface WinsockImplementation<A extends ArgSpecs> {
  /** The ws2_32 functions the call uses, as koffi prototypes (`int __stdcall bind(…)`). */
  readonly functions: readonly string[];
  /** Structures those prototypes name, as koffi struct definitions, in the order they must be declared. */
  readonly structs?: { readonly [name: string]: { readonly [field: string]: string } };
  perform(ws: WinsockContext, args: CallArgs<A>): Observation;
}

/** A call made inside the provider, on the stack under test. */
export interface ProviderCallDeclaration<A extends ArgSpecs = ArgSpecs> extends CommonDeclaration<A> {
  readonly madeBy: 'provider';
  readonly winsock: WinsockImplementation<A>;
}

/** An observation the harness makes itself, on a peer, between provider calls. */
export interface HarnessCallDeclaration<A extends ArgSpecs = ArgSpecs> extends CommonDeclaration<A> {
  readonly madeBy: 'harness';
}

export type CallDeclaration = ProviderCallDeclaration | HarnessCallDeclaration;

/** Declares a provider call, keeping its argument types for `perform`. */
export function providerCall<A extends ArgSpecs>(declaration: Omit<ProviderCallDeclaration<A>, 'madeBy'>): ProviderCallDeclaration {
  return { madeBy: 'provider', ...declaration } as unknown as ProviderCallDeclaration;
}

export function harnessCall<A extends ArgSpecs>(declaration: Omit<HarnessCallDeclaration<A>, 'madeBy'>): HarnessCallDeclaration {
  return { madeBy: 'harness', ...declaration };
}

/** A ws2_32 function as koffi binds it. */
export type NativeFunction = (...args: unknown[]) => unknown;

/**
 * What the Winsock binding offers a call's `perform`: its ws2_32 functions,
 * and the conventions every call shares (here with the last error set to a
 * sentinel before each call).
 */
export interface WinsockContext extends CallConventions<unknown, SocketHandle> {
  /** A function the call declared in `functions`, by name. */
  fn(name: string): NativeFunction;
  /** Records a successful WSAStartup (+1) or WSACleanup (-1), so the end of the case can restore the count. */
  startupCounted(change: 1 | -1): void;
  /** The name of a Winsock error code. */
  errorName(code: number): string;
}

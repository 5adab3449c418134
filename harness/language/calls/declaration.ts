/**
 * The declaration of a call of the case language: its arguments and their
 * kinds, its outputs, what its return value is, the resources it creates,
 * what a provider needs to make it, and — for calls made on the stack under
 * test — how the Winsock binding makes it. Everything else is derived from
 * these declarations: the case schema's step branches, the loader's list of
 * calls and reference checks, the worker's dispatch and its koffi
 * declarations, the type of the call names that the bindings' tables are
 * checked against, and the list of calls in cases/CALLS.md. What each kind
 * of argument is (its type, schema, reader and description) is declared
 * once in kinds/.
 */
import type { SockAddr } from '../../common/net/sockaddr.js';
import type { Bounds } from './bounds.js';
import type { Observation } from './observation.js';
import type { Capability } from '../vocabulary/capabilities.js';
import { ARG_KINDS, kindNamed, type ArgKind, type ArgValues, type BoundedKind } from './kinds/index.js';
import type { Handle } from './kinds/handles.js';

export type { ArgKind, ArgValues } from './kinds/index.js';
export type { Handle, SocketHandle } from './kinds/handles.js';
export type { Flowspec, QosSpec } from './kinds/qos.js';

export interface ArgSpec<K extends ArgKind = ArgKind, R extends boolean = boolean> {
  readonly kind: K;
  readonly description: string;
  readonly required: R;
  /** What the provider needs to pass a value other than NULL here. */
  readonly needs?: Capability;
  /** For a kind of number (BoundedKind): the range the call takes, when narrower than its kind's (harness/language/calls/bounds.ts). */
  readonly bounds?: Bounds;
}

interface ArgOptions<K extends ArgKind> {
  readonly needs?: Capability;
  readonly bounds?: K extends BoundedKind ? Bounds : never;
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
  required<K extends ArgKind>(kind: K, description: string, options: ArgOptions<K> = {}): ArgSpec<K, true> {
    return { kind, description, required: true, ...options };
  },
  optional<K extends ArgKind>(kind: K, description: string, options: ArgOptions<K> = {}): ArgSpec<K, false> {
    return { kind, description, required: false, ...options };
  },
};

/**
 * What a call can create, which `as` keeps (for other calls `as` keeps the
 * whole observation), which arguments of that kind take, and which the
 * binding releases at the end of a case.
 */
export type ResourceKind = 'socket' | 'event' | 'window';

/** What a call that creates a resource returns: `created` for any valid handle, or `failed` (with the error). */
export const RESOURCE_RETURNS = {
  socket: { created: 'socket', failed: 'INVALID_SOCKET' },
  event: { created: 'event', failed: 'WSA_INVALID_EVENT' },
  window: { created: 'window', failed: 'NULL' },
} as const satisfies { readonly [K in ResourceKind]: { readonly created: string; readonly failed: string } };

/** The argument kinds that take a resource kept with `as`: one of them, or a list of them (as each kind says). */
export const RESOURCE_ARGUMENTS: { readonly [K in ArgKind]?: { readonly resource: ResourceKind; readonly list: boolean } } = Object.fromEntries(
  ARG_KINDS.flatMap((kind) => {
    const { takes } = kindNamed(kind);
    return takes === undefined ? [] : [[kind, takes]];
  }),
);

/**
 * What the return value is, which fixes the symbolic returns an outcome may name:
 * - `int`: a number, or SOCKET_ERROR (-1) with the error;
 * - a resource kind: the call creates one (RESOURCE_RETURNS);
 * - `errorCode`: 0, or the error code itself (WSAStartup), named in `error`;
 * - `bool`: `TRUE`, or `FALSE` with the error;
 * - `wait`: the index of what was signalled (WSA_WAIT_EVENT_0 + i), `WSA_WAIT_TIMEOUT`,
 *   `WSA_WAIT_IO_COMPLETION`, or `WSA_WAIT_FAILED` with the error;
 * - `count`: a number the harness counted (never fails).
 */
export type ReturnKind = 'int' | ResourceKind | 'errorCode' | 'bool' | 'wait' | 'count';

/** The symbolic returns of each kind, beside numbers. */
export const RETURN_SYMBOLS: { readonly [K in ReturnKind]: readonly string[] } = {
  int: ['SOCKET_ERROR'],
  socket: Object.values(RESOURCE_RETURNS.socket),
  event: Object.values(RESOURCE_RETURNS.event),
  window: Object.values(RESOURCE_RETURNS.window),
  errorCode: [],
  bool: ['TRUE', 'FALSE'],
  wait: ['WSA_WAIT_TIMEOUT', 'WSA_WAIT_IO_COMPLETION', 'WSA_WAIT_FAILED'],
  count: [],
};

export const RETURN_KINDS = Object.keys(RETURN_SYMBOLS) as ReturnKind[];

/**
 * Where a call can put packets, for the traffic guard: the argument naming
 * where it connects or sends, the one naming a local address it binds, and
 * whether it sends data (to that destination, or to the socket's own).
 */
export interface Traffic {
  readonly destination?: string;
  /** The argument holding a list of socket addresses the call may connect to: each is judged as a destination. */
  readonly destinations?: string;
  /** The argument naming the host to connect to as text, a name or an address literal, which the call resolves itself. */
  readonly host?: string;
  readonly local?: string;
  readonly sendsData: boolean;
  /** For a call that sends data only when it is given some (ConnectEx's send buffer): the argument holding it. */
  readonly dataArgument?: string;
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
  /** Functions of other system DLLs the call uses, by DLL (`user32.dll` for windows and their messages). */
  readonly otherLibraries?: { readonly [dll: string]: readonly string[] };
  /** Structures those prototypes name, as koffi struct definitions, in the order they must be declared. */
  readonly structs?: { readonly [name: string]: { readonly [field: string]: string } };
  perform(ws: WinsockContext, args: CallArgs<A>): Observation;
  /** For a call that creates a resource: how the binding releases one a case leaves behind. */
  release?(ws: WinsockContext, handle: number): void;
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

/**
 * What a declaration keeps of itself for the compiler: its name, and the
 * capability it needs (never, when it needs none). CALLS (index.ts) derives
 * the type of the call names from these, and the bindings' tables check
 * against them that each call is either made or lacked for a capability.
 */
export interface Declared<N extends string, C extends Capability> {
  readonly name: N;
  readonly needs?: C;
}

/** A declaration as written: its name and needs are kept as Declared says. */
type Written<D, N extends string, C extends Capability> = Omit<D, 'madeBy' | 'name' | 'needs'> & Declared<N, C>;

/** Declares a provider call, keeping its argument types for `perform`. */
export function providerCall<const N extends string, A extends ArgSpecs, C extends Capability = never>(
  declaration: Written<ProviderCallDeclaration<A>, N, C>,
): ProviderCallDeclaration & Declared<N, C> {
  return { madeBy: 'provider', ...declaration } as unknown as ProviderCallDeclaration & Declared<N, C>;
}

export function harnessCall<const N extends string, A extends ArgSpecs, C extends Capability = never>(
  declaration: Written<HarnessCallDeclaration<A>, N, C>,
): HarnessCallDeclaration & Declared<N, C> {
  return { madeBy: 'harness', ...declaration };
}

/** A ws2_32 function as koffi binds it. */
export type NativeFunction = (...args: unknown[]) => unknown;

/**
 * What the Winsock binding offers a call's `perform`: its ws2_32 functions,
 * and the conventions every call shares (here with the last error set to a
 * sentinel before each call).
 */
export interface WinsockContext {
  /** A function the call declared in `functions`, by name. */
  fn(name: string): NativeFunction;
  /** Calls with the last error set to a sentinel; SOCKET_ERROR is reported with the error by name. */
  int(call: () => unknown): Observation;
  /**
   * Like `int` for a call that returns a new resource (a socket, an event, a
   * window), which is tracked until the case releases it or ends.
   */
  created(kind: ResourceKind, call: () => unknown): Observation;
  /** Forgets a resource the case released itself. */
  released(kind: ResourceKind, handle: Handle): void;
  /** Like `int` for a call that returns a BOOL: `TRUE`, or `FALSE` with the error. */
  bool(call: () => unknown): Observation;
  /** Like `int` for a call that returns a wait result (WSAWaitForMultipleEvents, MsgWaitForMultipleObjectsEx). */
  wait(call: () => unknown): Observation;
  /** Passes a socket address (or NULL) and its length (`length`, or the size of its structure) to `call`. */
  withName(address: SockAddr | null, length: number | undefined, call: (name: Buffer | null, namelen: number) => unknown): Observation;
  /** Gives `call` room for an address it writes, reported under `output` when it succeeded. */
  withNameOut(call: (name: Buffer, namelen: Buffer) => Observation, output?: string): Observation;
  /** Records a successful WSAStartup (+1) or WSACleanup (-1), so the end of the case can restore the count. */
  startupCounted(change: 1 | -1): void;
  /** The name of a Winsock error code. */
  errorName(code: number): string;
  /**
   * Asks the provider of socket `s` for an extension function (WSAIoctl
   * SIO_GET_EXTENSION_FUNCTION_POINTER with its GUID), as programs find
   * ConnectEx: the function, callable through the pointer as `prototype`
   * declares it, or the observation of the WSAIoctl that failed.
   */
  extensionFunction(s: Handle, guid: Buffer, prototype: string): NativeFunction | { readonly failed: Observation };
  /**
   * A new OVERLAPPED, zeroed, whose hEvent is `event`, and its number within
   * the case. The binding keeps its memory for as long as the provider may
   * write to it: after the case too, since an operation may still complete.
   */
  newOverlapped(event: Handle): { readonly number: number; readonly buffer: Buffer };
  /** The OVERLAPPED this case passed under that number (newOverlapped). */
  passedOverlapped(number: number): Buffer;
  /**
   * A new WSABUF whose len is `length` and whose buf points at `length`
   * zeroed bytes (NULL for 0), both in memory that stays where it is until
   * the case ends, so that the provider may write it after the call that was
   * given it returns; its number within the case, and the pointer to pass.
   */
  newWsabuf(length: number): { readonly number: number; readonly pointer: unknown };
  /** The WSABUF this case passed under that number (newWsabuf), as it is now. */
  passedWsabuf(number: number): { readonly len: number };
  /**
   * The addresses the stack's own resolver (getaddrinfo) gives for a host
   * name, any family, as text; an empty list when it resolves to none. The
   * traffic guard's check of a name before a call that resolves it.
   */
  resolve(host: string): readonly string[];
  /** A SOCKET_ADDRESS_LIST of these encoded socket addresses, in order, as a pointer argument of a declared function. */
  socketAddressList(names: readonly Buffer[]): unknown;
}

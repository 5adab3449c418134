/**
 * Reads a call's arguments as the runner sends them (references resolved,
 * constants still by name) into the values the declaration's kinds promise.
 * The schema has checked the case already, numbers against the same bounds
 * (bounds.ts); these checks catch what only the resolved values show (a
 * reference to the wrong kind of thing, or to a number out of range).
 */
import { sockaddrMismatch, type SockAddr } from '../../common/net/sockaddr.js';
import { CONSTANT_GROUPS, type ConstantGroup } from '../vocabulary/constants.js';
import { CONSTANT_BOUNDS, COUNT_BOUNDS, describeBounds, HANDLE_BOUNDS, INT_BOUNDS, LENGTH_BOUNDS, ULONG_BOUNDS, USHORT_BOUNDS, withinBounds, type Bounds } from './bounds.js';
import type { ArgKind, ArgSpec, ArgSpecs, ArgValues, CallArgs, Flowspec, FlowspecField, QosSpec, SocketHandle } from './declaration.js';

/** The call cannot be made with these arguments: a mistake of the case or the harness, not of the provider. */
export class ArgumentError extends Error {}

export type RawArgs = Readonly<Record<string, unknown>>;

/** The number a binding passes for a constant's name; undefined when it has none. */
export type ConstantResolver = (group: ConstantGroup, name: string) => number | undefined;

export const INVALID_SOCKET = 2n ** 64n - 1n;
/** QOS_NOT_SPECIFIED: the value of every FLOWSPEC field a case leaves out. */
export const QOS_NOT_SPECIFIED = 0xffffffff;
/** WSA_MAXIMUM_WAIT_EVENTS: how many events one wait can take. */
export const MAX_WAIT_EVENTS = 64;

const FLOWSPEC_FIELDS: readonly FlowspecField[] = [
  'tokenRate',
  'tokenBucketSize',
  'peakBandwidth',
  'latency',
  'delayVariation',
  'serviceType',
  'maxSduSize',
  'minimumPolicedSize',
];

export function readArgs<A extends ArgSpecs>(specs: A, raw: RawArgs, constant: ConstantResolver): CallArgs<A> {
  const unknown = Object.keys(raw).filter((name) => !Object.hasOwn(specs, name));
  if (unknown.length > 0) throw new ArgumentError(`unknown argument ${unknown.join(', ')}`);
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = raw[name];
    if (value === undefined) {
      if (spec.required) throw new ArgumentError(`argument ${name} is missing`);
      continue;
    }
    values[name] = readValue(spec, value, name, constant);
  }
  // Each value was read by the reader of its spec's kind, which is what CallArgs<A> says it is.
  return values as CallArgs<A>;
}

/** `bounds`: the argument's own range, for the kinds whose range an argument may narrow. */
type Reader<K extends ArgKind> = (value: unknown, name: string, constant: ConstantResolver, bounds: Bounds | undefined) => ArgValues[K];

const READERS: { readonly [K in ArgKind]: Reader<K> } = {
  socket: readSocket,
  socketAddress: readSocketAddress,
  count: (value, name, _constant, bounds) => readBounded(value, name, bounds ?? COUNT_BOUNDS),
  integer: (value, name, _constant, bounds) => readBounded(value, name, bounds ?? INT_BOUNDS),
  flag: readFlag,
  text: readText,
  callerData: readCallerData,
  calleeData: (value, name) =>
    value === null ? null : { length: readBounded(objectField(value, name, 'length'), `${name}.length`, LENGTH_BOUNDS) },
  qos: readQos,
  recordingPeer: readText,
  winsockVersion: readWinsockVersion,
  cleanupRepeat: (value, name) => {
    if (value === 'until-error') return value;
    throw new ArgumentError(`argument ${name}: expected until-error, got ${JSON.stringify(value)}`);
  },
  event: (value, name) => readHandle(value, name, 'an event'),
  events: (value, name) => {
    if (!Array.isArray(value) || value.length < 1 || value.length > MAX_WAIT_EVENTS) {
      throw new ArgumentError(`argument ${name}: expected a list of 1 to ${MAX_WAIT_EVENTS} events, got ${JSON.stringify(value)}`);
    }
    return value.map((item: unknown, index) => readHandle(item, `${name}[${index}]`, 'an event'));
  },
  window: (value, name) => readHandle(value, name, 'a window'),
  fdEvents: readNetworkEvents,
  ...constantReaders(),
};

function readValue(spec: ArgSpec, value: unknown, name: string, constant: ConstantResolver): unknown {
  return (READERS[spec.kind] as Reader<ArgKind>)(value, name, constant, spec.bounds);
}

function constantReaders(): { readonly [G in ConstantGroup]: Reader<G> } {
  const reader = (group: ConstantGroup): Reader<ConstantGroup> => (value, name, constant) => {
    if (typeof value === 'number') return readBounded(value, name, CONSTANT_BOUNDS[group]);
    const number = typeof value === 'string' ? constant(group, value) : undefined;
    if (number === undefined) throw new ArgumentError(`argument ${name}: expected a number or a known constant, got ${JSON.stringify(value)}`);
    return number;
  };
  return Object.fromEntries(CONSTANT_GROUPS.map((group) => [group, reader(group)])) as { readonly [G in ConstantGroup]: Reader<G> };
}

function readSocket(value: unknown, name: string): SocketHandle {
  if (value === 'INVALID_SOCKET') return INVALID_SOCKET;
  if (typeof value === 'number' && withinBounds(value, HANDLE_BOUNDS)) return value;
  throw new ArgumentError(`argument ${name}: expected a socket, got ${JSON.stringify(value)}`);
}

/** A handle kept with `as` (a number), or a raw number for a handle that is not one. */
function readHandle(value: unknown, name: string, what: string): number {
  if (typeof value === 'number' && withinBounds(value, HANDLE_BOUNDS)) return value;
  throw new ArgumentError(`argument ${name}: expected ${what}, got ${JSON.stringify(value)}`);
}

/** `[FD_CONNECT, FD_WRITE]` → their mask; an empty list is 0, which selects no event. */
function readNetworkEvents(value: unknown, name: string, constant: ConstantResolver): number {
  if (!Array.isArray(value)) throw new ArgumentError(`argument ${name}: expected a list of network events, got ${JSON.stringify(value)}`);
  return value.reduce((mask: number, event: unknown, index) => {
    const bit = typeof event === 'number' && withinBounds(event, CONSTANT_BOUNDS.networkEvent) ? event : typeof event === 'string' ? constant('networkEvent', event) : undefined;
    if (bit === undefined) throw new ArgumentError(`argument ${name}[${index}]: expected a network event (FD_CONNECT…), got ${JSON.stringify(event)}`);
    return (mask | bit) >>> 0;
  }, 0);
}

function readSocketAddress(value: unknown, name: string): SockAddr | null {
  if (value === null) return null;
  const address = asSocketAddress(value);
  if (address === undefined) throw new ArgumentError(`argument ${name}: expected a socket address { family, address, port }, got ${JSON.stringify(value)}`);
  if (typeof address.family === 'number' && !withinBounds(address.family, USHORT_BOUNDS)) {
    throw new ArgumentError(`argument ${name}: family ${address.family} does not fit sa_family, a u_short (${describeBounds(USHORT_BOUNDS)})`);
  }
  const mismatch = sockaddrMismatch(address);
  if (mismatch !== undefined) throw new ArgumentError(`argument ${name}: ${mismatch.message}`);
  return address;
}

/** A value as a socket address argument takes it (`{ family, address, port, … }`), or undefined when it is none. */
export function asSocketAddress(value: unknown): SockAddr | undefined {
  return value !== null && typeof value === 'object' && 'address' in value && 'port' in value && 'family' in value ? (value as SockAddr) : undefined;
}

function readInteger(value: unknown, name: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new ArgumentError(`argument ${name}: expected an integer, got ${JSON.stringify(value)}`);
}

/** An integer within `bounds`. */
function readBounded(value: unknown, name: string, bounds: Bounds): number {
  const number = readInteger(value, name);
  if (!withinBounds(number, bounds)) throw new ArgumentError(`argument ${name}: expected ${describeBounds(bounds)}, got ${number}`);
  return number;
}

function readFlag(value: unknown, name: string): boolean {
  if (typeof value === 'boolean') return value;
  throw new ArgumentError(`argument ${name}: expected true or false, got ${JSON.stringify(value)}`);
}

function readText(value: unknown, name: string): string {
  if (typeof value === 'string') return value;
  throw new ArgumentError(`argument ${name}: expected text, got ${JSON.stringify(value)}`);
}

function readCallerData(value: unknown, name: string): ArgValues['callerData'] {
  if (value === null) return null;
  const data = readText(objectField(value, name, 'data'), `${name}.data`);
  const len = objectField(value, name, 'len');
  return len === undefined ? { data } : { data, len: readBounded(len, `${name}.len`, LENGTH_BOUNDS) };
}

function readQos(value: unknown, name: string): QosSpec | null {
  if (value === null) return null;
  return {
    sending: readFlowspec(objectField(value, name, 'sending'), `${name}.sending`),
    receiving: readFlowspec(objectField(value, name, 'receiving'), `${name}.receiving`),
  };
}

function readFlowspec(value: unknown, name: string): Flowspec {
  const given = value ?? {};
  return Object.fromEntries(
    FLOWSPEC_FIELDS.map((field) => {
      const fieldValue = objectField(given, name, field);
      return [field, fieldValue === undefined ? QOS_NOT_SPECIFIED : readBounded(fieldValue, `${name}.${field}`, ULONG_BOUNDS)];
    }),
  ) as Flowspec;
}

/** `"2.2"` → MAKEWORD(2, 2); a number is taken as the WORD itself. */
function readWinsockVersion(value: unknown, name: string): number {
  if (typeof value === 'number') return readBounded(value, name, USHORT_BOUNDS);
  const match = typeof value === 'string' ? /^(\d{1,3})\.(\d{1,3})$/.exec(value) : null;
  const [major, minor] = match === null ? [NaN, NaN] : [Number(match[1]), Number(match[2])];
  if (!(major <= 0xff && minor <= 0xff)) throw new ArgumentError(`argument ${name}: expected a version "major.minor", got ${JSON.stringify(value)}`);
  return major | (minor << 8);
}

/** A field of an object argument; an argument that is not an object (or is an array) is refused. */
function objectField(value: unknown, name: string, field: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ArgumentError(`argument ${name}: expected an object or null, got ${JSON.stringify(value)}`);
  }
  return Object.hasOwn(value, field) ? (value as Record<string, unknown>)[field] : undefined;
}

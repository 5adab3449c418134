/** Handles: a socket, an event object, a list of them, a window — each a resource a call creates and `as` keeps. */
import { boundedInteger, HANDLE_BOUNDS } from '../bounds.js';
import { ref } from '../../cases/schema-fragments.js';
import { argumentKind, ArgumentError } from './kind.js';
import { readHandle } from './reading.js';

/** A handle as passed to the stack: a number, or a value too large for one (the all-ones INVALID_SOCKET). */
export type Handle = number | bigint;
export type SocketHandle = Handle;

export const INVALID_SOCKET = 2n ** 64n - 1n;
/** WSA_MAXIMUM_WAIT_EVENTS: how many events one wait can take. */
const MAX_WAIT_EVENTS = 64;

/** A raw handle value: one a JavaScript number holds exactly. */
const RAW_HANDLE = boundedInteger('A raw handle value.', HANDLE_BOUNDS);

export const socket = argumentKind<SocketHandle>({
  title: 'socket',
  description: 'A socket: a reference to one (`$s`), or `INVALID_SOCKET` or a number for a descriptor that is not a socket.',
  schema: {
    anyOf: [ref('reference'), { description: 'The invalid handle, by name.', enum: ['INVALID_SOCKET'] }, boundedInteger('A raw descriptor value.', HANDLE_BOUNDS)],
  },
  takes: { resource: 'socket', list: false },
  read: (value, name) => (value === 'INVALID_SOCKET' ? INVALID_SOCKET : readHandle(value, name, 'a socket')),
});

/** A handle of a resource other than a socket, kept with `as` from the call that creates it (`what`: how messages name one). */
function handleKind(resource: 'event' | 'window', what: string, description: string) {
  return argumentKind<Handle>({
    title: resource,
    description,
    schema: { anyOf: [ref('reference'), RAW_HANDLE] },
    takes: { resource, list: false },
    read: (value, name) => readHandle(value, name, what),
  });
}

/** An event object (WSAEVENT). */
export const event = handleKind('event', 'an event', 'An event object: a reference to one kept from WSACreateEvent (`$e`), or a number for a handle that is not one.');

/** Event objects to wait on, in order (at most WSA_MAXIMUM_WAIT_EVENTS). */
export const events = argumentKind<readonly Handle[]>({
  title: 'events',
  description: `Event objects, in order: \`[$e]\`, \`[$first, $second]\` (1 to ${MAX_WAIT_EVENTS}).`,
  schema: { type: 'array', minItems: 1, maxItems: MAX_WAIT_EVENTS, items: ref('event') },
  takes: { resource: 'event', list: true },
  read(value, name) {
    if (!Array.isArray(value) || value.length < 1 || value.length > MAX_WAIT_EVENTS) {
      throw new ArgumentError(`argument ${name}: expected a list of 1 to ${MAX_WAIT_EVENTS} events, got ${JSON.stringify(value)}`);
    }
    return value.map((item: unknown, index) => readHandle(item, `${name}[${index}]`, 'an event'));
  },
});

/** A window (HWND). */
export const window = handleKind('window', 'a window', 'A window: a reference to one kept from createMessageWindow (`$w`), or a number for a handle that is not one.');

/**
 * WSAEventSelect and the event objects it signals: create one, select network
 * events on a socket, wait for it (always with a bound), read which events
 * occurred with their errors, close it. The binding closes every event a
 * case leaves open.
 */
import { WAIT_BOUNDS } from './bounds.js';
import { arg, providerCall } from './declaration.js';
import { eventErrorName, networkEventNames, NETWORK_EVENT_BITS } from '../vocabulary/network-events.js';
import type { Observation } from './observation.js';

/** WSANETWORKEVENTS: a LONG of events, then one int error per event bit. */
const NETWORK_EVENTS_SIZE = 4 + NETWORK_EVENT_BITS * 4;
/** The longest wait a case may ask for: a minute (a case's own limit ends it sooner). */
const MAX_WAIT_MS = WAIT_BOUNDS.maximum;

const EVENT = arg.required('event', 'The event object (`$e`, kept from WSACreateEvent).');

export const WSACreateEvent = providerCall({
  name: 'WSACreateEvent',
  summary: 'Creates an event object (manual reset, not signalled); `as` keeps it.',
  args: {},
  outputs: {},
  returns: 'event',
  creates: 'event',
  needs: 'event-select',
  winsock: {
    functions: ['uintptr_t __stdcall WSACreateEvent()'],
    // queueApc's APC signals an event: one still queued (a wait that was not alertable) runs here, while its
    // event is open, so that it can never signal a handle a later case is given again.
    otherLibraries: { 'kernel32.dll': ['uint32_t __stdcall SleepEx(uint32_t dwMilliseconds, int bAlertable)'] },
    perform: (ws) => ws.created('event', () => ws.fn('WSACreateEvent')()),
    release: (ws, event) => {
      ws.fn('SleepEx')(0, 1);
      ws.fn('WSACloseEvent')(event);
    },
  },
});

export const WSAEventSelect = providerCall({
  name: 'WSAEventSelect',
  summary: 'Asks for the network events of a socket to be signalled on an event object.',
  args: {
    s: arg.required('socket', 'The socket.'),
    event: EVENT,
    events: arg.required('fdEvents', 'lNetworkEvents: the events to signal, `[FD_CONNECT]`…; `[]` cancels.'),
  },
  outputs: {},
  returns: 'int',
  needs: 'event-select',
  winsock: {
    functions: ['int __stdcall WSAEventSelect(uintptr_t s, uintptr_t hEventObject, int32_t lNetworkEvents)'],
    perform: (ws, { s, event, events }) => ws.int(() => ws.fn('WSAEventSelect')(s, event, events | 0)),
  },
});

export const WSAWaitForMultipleEvents = providerCall({
  name: 'WSAWaitForMultipleEvents',
  summary: 'Waits, up to `timeout` milliseconds, until one of the event objects is signalled (fWaitAll and fAlertable FALSE).',
  args: {
    events: arg.required('events', 'The event objects, in order: `[$e]`.'),
    timeout: arg.required('count', 'dwTimeout: how long to wait, in milliseconds.', { bounds: WAIT_BOUNDS }),
  },
  outputs: {},
  returns: 'wait',
  needs: 'event-select',
  winsock: {
    functions: ['uint32_t __stdcall WSAWaitForMultipleEvents(uint32_t cEvents, const void *lphEvents, int fWaitAll, uint32_t dwTimeout, int fAlertable)'],
    perform(ws, { events, timeout }) {
      const handles = Buffer.alloc(8 * events.length);
      events.forEach((event, index) => handles.writeBigUInt64LE(BigInt(event), 8 * index));
      return ws.wait(() => ws.fn('WSAWaitForMultipleEvents')(events.length, handles, 0, Math.min(timeout, MAX_WAIT_MS), 0));
    },
  },
});

export const WSAEnumNetworkEvents = providerCall({
  name: 'WSAEnumNetworkEvents',
  summary: 'Reads (and clears) the network events that occurred on a socket, with the error of each; resets the event object when one is given.',
  args: {
    s: arg.required('socket', 'The socket.'),
    event: arg.optional('event', 'hEventObject: the event object to reset; left out for NULL.'),
  },
  outputs: {
    events: 'lNetworkEvents: the events that occurred, lowest bit first (`[FD_CONNECT]`).',
    errors: 'iErrorCode of each event that occurred, by event: `{ FD_CONNECT: WSAECONNREFUSED }`, `none` for 0.',
  },
  returns: 'int',
  needs: 'event-select',
  winsock: {
    functions: ['int __stdcall WSAEnumNetworkEvents(uintptr_t s, uintptr_t hEventObject, void *lpNetworkEvents)'],
    perform(ws, { s, event }) {
      const networkEvents = Buffer.alloc(NETWORK_EVENTS_SIZE);
      const observation = ws.int(() => ws.fn('WSAEnumNetworkEvents')(s, event ?? 0, networkEvents));
      return observation.error === undefined ? { ...observation, ...readNetworkEvents(networkEvents, (code) => ws.errorName(code)) } : observation;
    },
  },
});

export const WSACloseEvent = providerCall({
  name: 'WSACloseEvent',
  summary: 'Closes an event object.',
  args: { event: EVENT },
  outputs: {},
  returns: 'bool',
  needs: 'event-select',
  winsock: {
    functions: ['int __stdcall WSACloseEvent(uintptr_t hEvent)'],
    perform(ws, { event }) {
      const observation = ws.bool(() => ws.fn('WSACloseEvent')(event));
      if (observation.returns === 'TRUE') ws.released('event', event);
      return observation;
    },
  },
});

/** WSANETWORKEVENTS as outputs: the events by name, and the error of each by name. */
function readNetworkEvents(buffer: Buffer, errorName: (code: number) => string): Pick<Observation, 'events' | 'errors'> {
  const mask = buffer.readUInt32LE(0);
  const events = networkEventNames(mask);
  const errors: Record<string, string> = {};
  for (let bit = 0; bit < NETWORK_EVENT_BITS; bit++) {
    const name = networkEventNames(1 << bit)[0];
    if (((mask >>> bit) & 1) === 0 || name === undefined) continue;
    errors[name] = eventErrorName(buffer.readInt32LE(4 + 4 * bit), errorName);
  }
  return { events, errors };
}

/**
 * An asynchronous procedure call queued to the worker's own thread, for the
 * page's Note that Winsock waits alertably in a blocking call, "which can be
 * interrupted by an asynchronous procedure call (APC) scheduled on the same
 * thread". The APC is kernel32's SetEvent on an event the case made, so
 * whether it has run is read from the event with a wait that is not
 * alertable itself (WSAWaitForMultipleEvents, timeout 0): no callback into
 * JavaScript runs inside the provider's call, and no second thread is needed,
 * for an APC queued before a call runs as soon as the call waits alertably.
 */
export const queueApc = providerCall({
  name: 'queueApc',
  summary:
    "Queues to the worker's thread an APC that signals the event (QueueUserAPC with kernel32's SetEvent); it runs when the thread next waits alertably. Leave the event to the harness: before it closes a case's events it runs an APC still queued.",
  args: { event: EVENT },
  outputs: {},
  returns: 'bool',
  needs: 'apc',
  winsock: {
    functions: [],
    otherLibraries: {
      'kernel32.dll': [
        'void *__stdcall GetModuleHandleW(const char16_t *lpModuleName)',
        'void *__stdcall GetProcAddress(void *hModule, const char *lpProcName)',
        'void *__stdcall GetCurrentThread()',
        'uint32_t __stdcall QueueUserAPC(void *pfnAPC, void *hThread, uintptr_t dwData)',
      ],
    },
    perform(ws, { event }) {
      let setEvent: unknown = null;
      // Never queue a NULL routine, which the thread would jump to: GetProcAddress's failure is the call's, with its error.
      const found = ws.bool(() => (setEvent = ws.fn('GetProcAddress')(ws.fn('GetModuleHandleW')('kernel32.dll'), 'SetEvent')) === null ? 0 : 1);
      if (found['returns'] !== 'TRUE') return found;
      return ws.bool(() => ws.fn('QueueUserAPC')(setEvent, ws.fn('GetCurrentThread')(), event));
    },
  },
});

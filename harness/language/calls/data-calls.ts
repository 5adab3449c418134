/** Sending and receiving: send, recv, sendto, recvfrom. Data is text, sent as its UTF-8 bytes. */
import { withData } from './buffers.js';
import { ArgumentError } from './arguments.js';
import { LENGTH_BOUNDS, MAX_LENGTH } from './bounds.js';
import { arg, providerCall } from './declaration.js';

/** Upper bound of a receive buffer a case asks for: enough for every test, small enough to allocate. */
export const MAX_RECEIVE_BUFFER = MAX_LENGTH;

const SOCKET = arg.required('socket', 'The socket.');
const DATA = arg.required('text', 'The data to send, as text.');
const LENGTH = arg.required('count', 'Size of the receive buffer in bytes.', { bounds: LENGTH_BOUNDS });
const FLAGS = arg.optional('messageFlags', 'flags: `MSG_PEEK`, `MSG_OOB`… (default 0).');

/** A receive buffer of `length` bytes; a length past MAX_RECEIVE_BUFFER is an ArgumentError. */
export function receiveBuffer(length: number): Buffer {
  if (length > MAX_RECEIVE_BUFFER) throw new ArgumentError(`argument length: expected 0 to ${MAX_RECEIVE_BUFFER}, got ${length}`);
  return Buffer.alloc(length);
}

export const send = providerCall({
  name: 'send',
  summary: 'Sends text on a connected socket.',
  args: { s: SOCKET, data: DATA, flags: FLAGS },
  outputs: {},
  returns: 'int',
  traffic: { sendsData: true },
  winsock: {
    functions: ['int __stdcall send(uintptr_t s, const void *buf, int len, int flags)'],
    perform(ws, { s, data, flags }) {
      const bytes = Buffer.from(data);
      return ws.int(() => ws.fn('send')(s, bytes, bytes.length, flags ?? 0));
    },
  },
});

export const recv = providerCall({
  name: 'recv',
  summary: 'Receives data.',
  args: { s: SOCKET, length: LENGTH, flags: FLAGS },
  outputs: { data: 'The data received, as text.' },
  returns: 'int',
  winsock: {
    functions: ['int __stdcall recv(uintptr_t s, void *buf, int len, int flags)'],
    perform(ws, { s, length, flags }) {
      const buffer = receiveBuffer(length);
      return withData(ws.int(() => ws.fn('recv')(s, buffer, buffer.length, flags ?? 0)), buffer);
    },
  },
});

export const sendto = providerCall({
  name: 'sendto',
  summary: 'Sends a datagram to an address.',
  args: {
    s: SOCKET,
    data: DATA,
    to: arg.required('socketAddress', 'The destination address.'),
    tolen: arg.optional('count', "tolen: defaults to the size of the family's structure (16 or 28).", { bounds: LENGTH_BOUNDS }),
  },
  outputs: {},
  returns: 'int',
  traffic: { destination: 'to', sendsData: true },
  winsock: {
    functions: ['int __stdcall sendto(uintptr_t s, const void *buf, int len, int flags, const void *to, int tolen)'],
    perform(ws, { s, data, to, tolen }) {
      const bytes = Buffer.from(data);
      return ws.withName(to, tolen, (buffer, length) => ws.fn('sendto')(s, bytes, bytes.length, 0, buffer, length));
    },
  },
});

export const recvfrom = providerCall({
  name: 'recvfrom',
  summary: 'Receives a datagram and its source.',
  args: { s: SOCKET, length: LENGTH },
  outputs: { data: 'The data received, as text.', from: 'The address the datagram came from.' },
  returns: 'int',
  winsock: {
    functions: ['int __stdcall recvfrom(uintptr_t s, void *buf, int len, int flags, void *from, void *fromlen)'],
    perform(ws, { s, length }) {
      const buffer = receiveBuffer(length);
      return ws.withNameOut((from, fromlen) => withData(ws.int(() => ws.fn('recvfrom')(s, buffer, buffer.length, 0, from, fromlen)), buffer), 'from');
    },
  },
});

import { SELECT_TIMEOUT_BOUNDS } from './bounds.js';
import { arg, providerCall, type SocketHandle } from './declaration.js';

/** Winsock's fd_set: u_int fd_count, then up to 64 SOCKETs (8-byte aligned on 64-bit). */
const FD_SET_SIZE = 8 + 64 * 8;
/** The longest wait a case may ask for (`lint` refuses more). */
export const MAX_TIMEOUT_MS = SELECT_TIMEOUT_BOUNDS.maximum;

export const select = providerCall({
  name: 'select',
  summary: 'Waits until a socket is ready.',
  args: {
    s: arg.required('socket', 'The socket to watch.'),
    read: arg.optional('flag', 'Put the socket in readfds.'),
    write: arg.optional('flag', 'Put the socket in writefds.'),
    except: arg.optional('flag', 'Put the socket in exceptfds.'),
    timeout: arg.required('count', 'How long to wait, in milliseconds.', { bounds: SELECT_TIMEOUT_BOUNDS }),
  },
  outputs: {
    readable: 'Whether the socket was reported readable.',
    writable: 'Whether the socket was reported writable.',
    except: 'Whether the socket was reported in exceptfds.',
  },
  returns: 'int',
  winsock: {
    functions: ['int __stdcall select(int nfds, void *readfds, void *writefds, void *exceptfds, const void *timeout)'],
    perform(ws, { s, read, write, except, timeout }) {
      const sets = { readable: fdSet(s, read), writable: fdSet(s, write), except: fdSet(s, except) };
      const observation = ws.int(() => ws.fn('select')(0, sets.readable, sets.writable, sets.except, timeval(timeout)));
      if (observation.returns === 'SOCKET_ERROR') return observation;
      // select leaves in each set only the sockets that are ready.
      const ready = (set: Buffer | null) => set !== null && set.readUInt32LE(0) > 0;
      return { ...observation, readable: ready(sets.readable), writable: ready(sets.writable), except: ready(sets.except) };
    },
  },
});

/** An fd_set holding `s` when the case asks for that set, else NULL. */
function fdSet(s: SocketHandle, wanted: boolean | undefined): Buffer | null {
  if (wanted !== true) return null;
  const set = Buffer.alloc(FD_SET_SIZE);
  set.writeUInt32LE(1, 0);
  set.writeBigUInt64LE(BigInt(s), 8);
  return set;
}

/** A `struct timeval` of Winsock (two 32-bit longs) holding `ms`, at most MAX_TIMEOUT_MS. */
export function timeval(ms: number): Buffer {
  const clamped = Math.min(ms, MAX_TIMEOUT_MS);
  const buffer = Buffer.alloc(8);
  buffer.writeInt32LE(Math.floor(clamped / 1000), 0);
  buffer.writeInt32LE((clamped % 1000) * 1000, 4);
  return buffer;
}

/**
 * What every binding offers the calls it makes, whatever its stack: a
 * failing call reported as Winsock reports it (SOCKET_ERROR or
 * INVALID_SOCKET with the error by name), the sockets a case opens tracked
 * until they are closed, and socket address buffers in the stack's layout.
 * `Returns` is what the stack's functions return; `Handle` what a binding
 * tracks.
 */
import type { SockAddr } from '../../common/net/sockaddr.js';
import type { Observation } from './observation.js';

export interface CallConventions<Returns, Handle> {
  /** Makes a call that returns an int; -1 (SOCKET_ERROR) is reported with the error by name. */
  int(call: () => Returns): Observation;
  /** Like `int` for a call that returns a new socket, which is tracked until it is closed. */
  newSocket(call: () => Returns): Observation;
  /** Forgets a socket the case closed itself. */
  closed(s: Handle): void;
  /** Passes a socket address (or NULL) and its length (`length`, or the size of its structure) to `call`. */
  withName(address: SockAddr | null, length: number | undefined, call: (name: Buffer | null, namelen: number) => Returns): Observation;
  /** Gives `call` room for an address it writes, reported under `output` when it succeeded. */
  withNameOut(call: (name: Buffer, namelen: Buffer) => Observation, output?: string): Observation;
}

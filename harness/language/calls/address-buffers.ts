/**
 * Socket addresses as C callers pass them and get them back: shared by every
 * binding, each with its own family numbers (Winsock's AF_INET6 is 23,
 * Linux's 10).
 */
import { readsOtherThanWritten } from '../../common/net/sockaddr-destination.js';
import { decodeSockaddr, encodeSockaddr, sockaddrSize, SOCKADDR_STORAGE_SIZE, type FamilyNumbers, type SockAddr } from '../../common/net/sockaddr.js';
import type { Observation } from './observation.js';
import { ArgumentError } from './arguments.js';
import { MAX_LENGTH } from './bounds.js';
import { int32 } from '../../common/net/c-int.js';

export interface NameArgument {
  /** The encoded address, or null for a NULL pointer. */
  readonly buffer: Buffer | null;
  readonly namelen: number;
}

/**
 * A socket address argument (or NULL) and its length: `length` as the case
 * gives it, else the size of the family's structure. The buffer is as long
 * as the length the call is told, so a too-large namelen reads zeros, never
 * past the buffer.
 */
export function nameArgument(address: SockAddr | null, length: number | undefined, families: FamilyNumbers): NameArgument {
  const namelen = length ?? (address ? sockaddrSize(address) : 0);
  if (namelen > MAX_LENGTH) throw new ArgumentError(`argument namelen: expected 0 to ${MAX_LENGTH}, got ${namelen}`);
  if (!address) return { buffer: null, namelen };
  const buffer = encodeSockaddr(address, families, namelen);
  // A backstop behind the runner's traffic guard: never pass bytes that lead elsewhere than the address written.
  const elsewhere = readsOtherThanWritten(buffer, address.address, families);
  if (elsewhere !== undefined) throw new ArgumentError(`argument name: ${elsewhere}; write the family the address belongs to`);
  return { buffer, namelen };
}

/**
 * Gives `call` room for an address it writes (and its length, an int), and
 * adds the address to the observation under `output` when the call succeeded.
 */
export function withNameOutput(families: FamilyNumbers, call: (name: Buffer, namelen: Buffer) => Observation, output: string): Observation {
  const name = Buffer.alloc(SOCKADDR_STORAGE_SIZE);
  const length = int32(SOCKADDR_STORAGE_SIZE);
  const observation = call(name, length);
  if (observation.error !== undefined) return observation;
  return { ...observation, [output]: decodeSockaddr(name, length.readInt32LE(0), families) };
}

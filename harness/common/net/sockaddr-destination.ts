/**
 * Where the bytes of a socket address lead, read as a socket stack reads
 * them: by the family number in their first two bytes, whatever a case
 * wrote. The traffic guard judges this reading, not the case's text, so
 * that no field of a name can smuggle another address past it (a
 * sockaddr_in6's flowinfo sits where a sockaddr_in's address does).
 */
import { addressClass, type AddressClass } from './address-class.js';
import { canonicalAddress, formatIPv6, type FamilyNumbers } from './sockaddr.js';

export interface SockaddrDestination {
  /** The family the stack reads: its name, or the raw number it has no name for. AF_UNSPEC and raw numbers have two readings. */
  readonly readAs: 'AF_INET' | 'AF_INET6' | 'AF_UNSPEC' | number;
  /** The address the bytes hold, as text (both readings, for a family the stack does not know). */
  readonly address: string;
  readonly place: AddressClass;
}

/** From the least to the most that a call may not reach: a family with two readings takes the worse. */
const PLACE_RISK: readonly AddressClass[] = ['loopback', 'unspecified', 'broadcast', 'elsewhere'];

/**
 * Reads the address the bytes hold. Any family but AF_INET and AF_INET6 is
 * read both ways and judged by the worse reading: Linux's UDP sends to an
 * AF_UNSPEC name's sin_addr as though it were AF_INET (udp_sendmsg), and
 * the harness does not know what a stack does with a family it has no name
 * for. Bytes past the end of the buffer read as zeros.
 */
export function sockaddrDestination(bytes: Buffer, families: FamilyNumbers): SockaddrDestination {
  const family = bytes.length >= 2 ? bytes.readUInt16LE(0) : 0;
  const v4 = ipv4At(bytes);
  const v6 = ipv6At(bytes);
  if (family === families.AF_INET6) return { readAs: 'AF_INET6', ...v6 };
  if (family === families.AF_INET) return { readAs: 'AF_INET', ...v4 };
  const worse = PLACE_RISK.indexOf(v6.place) > PLACE_RISK.indexOf(v4.place) ? v6.place : v4.place;
  return { readAs: family === families.AF_UNSPEC ? 'AF_UNSPEC' : family, address: `${v4.address} or ${v6.address}`, place: worse };
}

/**
 * Why the bytes would not reach the address written, or undefined: a
 * family the stack reads as AF_INET or AF_INET6 must read back as the
 * address the case wrote (a raw family 2 laid out as sockaddr_in6 would
 * read its flowinfo as the IPv4 address).
 */
export function readsOtherThanWritten(bytes: Buffer, written: string, families: FamilyNumbers): string | undefined {
  const read = sockaddrDestination(bytes, families);
  if (typeof read.readAs === 'number' || read.readAs === 'AF_UNSPEC') return undefined;
  return read.address === canonicalAddress(written) ? undefined : `the stack would read these bytes as ${read.readAs} ${read.address}, not ${written}`;
}

function ipv4At(bytes: Buffer): { address: string; place: AddressClass } {
  const address = Array.from(padded(bytes, 8).subarray(4, 8)).join('.');
  return { address, place: addressClass(address) };
}

function ipv6At(bytes: Buffer): { address: string; place: AddressClass } {
  const address = formatIPv6(padded(bytes, 24).subarray(8, 24));
  return { address, place: addressClass(address) };
}

function padded(bytes: Buffer, length: number): Buffer {
  if (bytes.length >= length) return bytes;
  const copy = Buffer.alloc(length);
  bytes.copy(copy);
  return copy;
}

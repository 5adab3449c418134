/**
 * Socket addresses as cases write them, and their wire layout. The layout of
 * sockaddr_in / sockaddr_in6 is the same on Windows and Linux except for the
 * numeric value of AF_INET6, so the encoder takes the family numbers of the
 * stack it encodes for.
 */
import { isIPv4, isIPv6 } from 'node:net';

export type FamilyName = 'AF_UNSPEC' | 'AF_INET' | 'AF_INET6';

export interface SockAddr {
  /** A family name, or a raw number for families the harness has no name for. */
  readonly family: FamilyName | number;
  readonly address: string;
  readonly port: number;
  readonly flowinfo?: number;
  readonly scopeId?: number;
}

export interface FamilyNumbers {
  readonly AF_UNSPEC: number;
  readonly AF_INET: number;
  readonly AF_INET6: number;
}

/** Winsock's family numbers (ws2def.h); Linux's are in host-abi.ts. */
export const WINSOCK_FAMILIES: FamilyNumbers = { AF_UNSPEC: 0, AF_INET: 2, AF_INET6: 23 };

export const SOCKADDR_IN_SIZE = 16;
export const SOCKADDR_IN6_SIZE = 28;
/** Large enough for any address a call can return (SOCKADDR_STORAGE is 128 bytes). */
export const SOCKADDR_STORAGE_SIZE = 128;

/** The address cannot be laid out as written (sockaddrMismatch). */
export class SockaddrMismatch extends Error {}

export function familyNumber(family: SockAddr['family'], numbers: FamilyNumbers): number {
  return typeof family === 'number' ? family : numbers[family];
}

/**
 * Which structure an address is laid out as: AF_INET takes sockaddr_in and
 * AF_INET6 sockaddr_in6; AF_UNSPEC (which has no structure of its own: the
 * page's all-zero names come in both sizes) and a raw family number take
 * the one their address text needs.
 */
export function sockaddrLayout(addr: SockAddr): 'sockaddr_in' | 'sockaddr_in6' {
  if (addr.family === 'AF_INET') return 'sockaddr_in';
  if (addr.family === 'AF_INET6') return 'sockaddr_in6';
  return isIPv6(addr.address) ? 'sockaddr_in6' : 'sockaddr_in';
}

/** Why an address cannot be laid out as written, and the field that does not belong. */
export interface SockaddrMismatchDetail {
  readonly field: 'address' | 'flowinfo' | 'scopeId';
  readonly message: string;
}

/**
 * Why an address cannot be laid out as written, or undefined: text of the
 * other family, or sin6_flowinfo / sin6_scope_id on a sockaddr_in. Such a
 * name would not be the address it reads as — the stack reads the bytes by
 * their family (an AF_INET name holding "::1" and a flowinfo would reach the
 * IPv4 address the flowinfo spells) — so it is never encoded.
 */
export function sockaddrMismatch(addr: SockAddr): SockaddrMismatchDetail | undefined {
  const family = typeof addr.family === 'number' ? `family ${addr.family}` : addr.family;
  if (sockaddrLayout(addr) === 'sockaddr_in6') {
    return isIPv6(addr.address) ? undefined : { field: 'address', message: `${family} takes an IPv6 address (sockaddr_in6), not ${JSON.stringify(addr.address)}` };
  }
  if (!isIPv4(addr.address)) return { field: 'address', message: `${family} takes an IPv4 address (sockaddr_in), not ${JSON.stringify(addr.address)}` };
  const extra = (['flowinfo', 'scopeId'] as const).find((field) => addr[field] !== undefined);
  return extra === undefined ? undefined : { field: extra, message: `${extra} belongs to sockaddr_in6; ${family} (sockaddr_in) has no such field` };
}

/** The size of the structure a family uses: what `namelen` defaults to. */
export function sockaddrSize(addr: SockAddr): number {
  return sockaddrLayout(addr) === 'sockaddr_in6' ? SOCKADDR_IN6_SIZE : SOCKADDR_IN_SIZE;
}

/** Encodes into a zero-filled buffer of at least `minLength` bytes. */
export function encodeSockaddr(addr: SockAddr, numbers: FamilyNumbers, minLength = 0): Buffer {
  const mismatch = sockaddrMismatch(addr);
  if (mismatch !== undefined) throw new SockaddrMismatch(mismatch.message);
  const size = sockaddrSize(addr);
  const buffer = Buffer.alloc(Math.max(size, minLength));
  buffer.writeUInt16LE(familyNumber(addr.family, numbers), 0);
  buffer.writeUInt16BE(addr.port, 2);
  if (size === SOCKADDR_IN6_SIZE) {
    buffer.writeUInt32BE(addr.flowinfo ?? 0, 4);
    ipv6Bytes(addr.address).copy(buffer, 8);
    buffer.writeUInt32LE(addr.scopeId ?? 0, 24);
  } else {
    ipv4Bytes(addr.address).copy(buffer, 4);
  }
  return buffer;
}

export function decodeSockaddr(buffer: Buffer, length: number, numbers: FamilyNumbers): SockAddr {
  const raw = buffer.readUInt16LE(0);
  const port = buffer.readUInt16BE(2);
  if (raw === numbers.AF_INET6 && length >= SOCKADDR_IN6_SIZE) {
    return {
      family: 'AF_INET6',
      address: formatIPv6(buffer.subarray(8, 24)),
      port,
      flowinfo: buffer.readUInt32BE(4),
      scopeId: buffer.readUInt32LE(24),
    };
  }
  const family = raw === numbers.AF_INET ? 'AF_INET' : raw === numbers.AF_UNSPEC ? 'AF_UNSPEC' : raw;
  return { family, address: Array.from(buffer.subarray(4, 8)).join('.'), port };
}

function ipv4Bytes(address: string): Buffer {
  if (!isIPv4(address)) throw new Error(`not an IPv4 address: ${address}`);
  return Buffer.from(address.split('.').map(Number));
}

function ipv6Bytes(text: string): Buffer {
  if (!isIPv6(text)) throw new Error(`not an IPv6 address: ${text}`);
  if (text.includes('%')) throw new Error(`${text}: write the zone as scopeId, not as %zone`);
  const address = withHexTail(text);
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  const missing = 8 - before.length - after.length;
  const all = [...before, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...after];
  const bytes = Buffer.alloc(16);
  all.forEach((group, index) => bytes.writeUInt16BE(parseInt(group, 16), index * 2));
  return bytes;
}

/** `::ffff:127.0.0.1` → `::ffff:7f00:1`: an IPv4 tail as the two groups it stands for. */
function withHexTail(address: string): string {
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (!tail) return address;
  const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
  return `${address.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/** An address as inet_ntop would write it back: IPv6 text compressed and lower-case; anything else unchanged. */
export function canonicalAddress(text: string): string {
  return isIPv6(text) && !text.includes('%') ? formatIPv6(ipv6Bytes(text)) : text;
}

/** The text of the 16 bytes of an IPv6 address, as inet_ntop writes it. */
export function formatIPv6(bytes: Buffer): string {
  // IPv4-mapped addresses print with their IPv4 tail, as inet_ntop does.
  if (bytes.subarray(0, 10).every((byte) => byte === 0) && bytes.readUInt16BE(10) === 0xffff) {
    return `::ffff:${Array.from(bytes.subarray(12, 16)).join('.')}`;
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
  // Compress the longest run of zero groups, as inet_ntop does.
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

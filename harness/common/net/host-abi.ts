/**
 * The numbers of the host's C socket interface, by operating system: the
 * one table of them. Socket constants, the fd_set and struct timeval
 * layouts and libc's file name differ between Linux, macOS and the BSDs;
 * everything that calls libc (the libc binding, the fixtures' raw sockets)
 * takes them from here, so no module bakes in one system's values.
 *
 * errno numbers are not listed: Node's own `os.constants.errno` has them
 * for the system it runs on.
 *
 * Only Linux is filled in. The others are named, with what is missing, so
 * a run there stops with that sentence instead of passing Linux's numbers
 * to another kernel.
 */
import { endianness } from 'node:os';
import type { FamilyNumbers } from './sockaddr.js';

/** The host constants the harness passes, by their C names. */
export type HostConstantName =
  | 'AF_UNSPEC'
  | 'AF_INET'
  | 'AF_INET6'
  | 'SOCK_STREAM'
  | 'SOCK_DGRAM'
  | 'SOCK_RAW'
  | 'SOCK_CLOEXEC'
  | 'IPPROTO_IP'
  | 'IPPROTO_TCP'
  | 'IPPROTO_UDP'
  | 'IPPROTO_IPV6'
  | 'SOL_SOCKET'
  | 'SO_DEBUG'
  | 'SO_ACCEPTCONN'
  | 'SO_REUSEADDR'
  | 'SO_KEEPALIVE'
  | 'SO_DONTROUTE'
  | 'SO_BROADCAST'
  | 'SO_OOBINLINE'
  | 'SO_SNDBUF'
  | 'SO_RCVBUF'
  | 'SO_ERROR'
  | 'SO_TYPE'
  | 'TCP_NODELAY'
  | 'IPV6_V6ONLY'
  | 'F_GETFD'
  | 'F_GETFL'
  | 'F_SETFL'
  | 'O_NONBLOCK'
  | 'FIONREAD'
  | 'SHUT_RD'
  | 'SHUT_WR'
  | 'SHUT_RDWR'
  | 'MSG_OOB'
  | 'MSG_PEEK'
  | 'MSG_DONTROUTE';

export interface HostAbi {
  /** What `process.platform` calls the system. */
  readonly platform: NodeJS.Platform;
  /** The C library's file, as koffi.load takes it. */
  readonly library: string;
  readonly constants: Readonly<Record<HostConstantName, number>>;
  /**
   * FD_SETSIZE: an fd_set is a bit array of this many bits, descriptor n at bit n % 8 of byte n / 8 on a
   * little-endian host, whatever the size of the words C declares it in.
   */
  readonly fdSetSize: number;
  /** struct timeval's fields as koffi types, in order. */
  readonly timeval: { readonly tv_sec: string; readonly tv_usec: string };
}

/** The host cannot call its sockets through this table; the message says why. */
export class HostUnsupported extends Error {}

/**
 * Linux with the generic socket numbers (include/uapi/asm-generic/socket.h: x86-64, arm64, riscv64…;
 * mips, sparc and parisc number SO_* their own way). sockaddr starts with a two-byte sa_family and has
 * no sa_len, which is the layout harness/common/net/sockaddr.ts writes; the BSDs and macOS start it with a
 * one-byte sa_len and a one-byte sa_family.
 */
const LINUX: HostAbi = {
  platform: 'linux',
  library: 'libc.so.6',
  constants: {
    AF_UNSPEC: 0,
    AF_INET: 2,
    AF_INET6: 10,
    SOCK_STREAM: 1,
    SOCK_DGRAM: 2,
    SOCK_RAW: 3,
    SOCK_CLOEXEC: 0o2000000,
    IPPROTO_IP: 0,
    IPPROTO_TCP: 6,
    IPPROTO_UDP: 17,
    IPPROTO_IPV6: 41,
    SOL_SOCKET: 1,
    SO_DEBUG: 1,
    SO_REUSEADDR: 2,
    SO_TYPE: 3,
    SO_ERROR: 4,
    SO_DONTROUTE: 5,
    SO_BROADCAST: 6,
    SO_SNDBUF: 7,
    SO_RCVBUF: 8,
    SO_KEEPALIVE: 9,
    SO_OOBINLINE: 10,
    SO_ACCEPTCONN: 30,
    TCP_NODELAY: 1,
    IPV6_V6ONLY: 26,
    F_GETFD: 1,
    F_GETFL: 3,
    F_SETFL: 4,
    O_NONBLOCK: 0o4000,
    FIONREAD: 0x541b,
    SHUT_RD: 0,
    SHUT_WR: 1,
    SHUT_RDWR: 2,
    MSG_OOB: 1,
    MSG_PEEK: 2,
    MSG_DONTROUTE: 4,
  },
  // include/uapi/linux/posix_types.h: __FD_SETSIZE 1024, in unsigned longs.
  fdSetSize: 1024,
  timeval: { tv_sec: 'long', tv_usec: 'long' },
};

/** Systems named but not described yet: why their numbers cannot be Linux's. */
const NOT_DESCRIBED: { readonly [P in NodeJS.Platform]?: string } = {
  darwin:
    "macOS's numbers are not in the table yet (its libc is libSystem, sockaddr starts with sa_len, AF_INET6 is 30, and most SO_* and errno values differ from Linux's)",
  freebsd:
    "FreeBSD's numbers are not in the table yet (sockaddr starts with sa_len, AF_INET6 is 28, and most SO_* and errno values differ from Linux's)",
  openbsd: "OpenBSD's numbers are not in the table yet (sockaddr starts with sa_len, AF_INET6 is 24)",
  win32: 'Windows has no POSIX sockets through libc; its sockets are Winsock (use --provider native)',
};

const DESCRIBED: { readonly [P in NodeJS.Platform]?: HostAbi } = { linux: LINUX };

/**
 * The numbers of `platform` (the running system by default); throws HostUnsupported for a system not
 * described, and on a big-endian host (sockaddr.ts and the int buffers write sa_family and ints little-endian).
 */
export function hostAbi(platform: NodeJS.Platform = process.platform, byteOrder: 'BE' | 'LE' = endianness()): HostAbi {
  if (byteOrder !== 'LE') throw new HostUnsupported('POSIX sockets through libc are described for little-endian hosts only (this one is big-endian)');
  const abi = DESCRIBED[platform];
  if (abi !== undefined) return abi;
  const why = NOT_DESCRIBED[platform] ?? `${platform} is not described`;
  throw new HostUnsupported(`POSIX sockets through libc are described for linux only (harness/common/net/host-abi.ts): ${why}`);
}

/** The address family numbers sockaddr.ts encodes with, for this host. */
export function hostFamilies(abi: HostAbi): FamilyNumbers {
  const { AF_UNSPEC, AF_INET, AF_INET6 } = abi.constants;
  return { AF_UNSPEC, AF_INET, AF_INET6 };
}

/**
 * The case language's constants (Winsock's names, harness/language/vocabulary/
 * constants.ts) as the host's: each name, group by group, and the POSIX
 * name whose number (harness/common/net/host-abi.ts) the libc binding passes in
 * its place. The mapped types make the table complete: a name added to the
 * vocabulary does not compile until it is given a counterpart here, or the
 * reason it has none.
 *
 * A name is translated; a number a case writes is passed unchanged (it has
 * no name to translate by; cases use numbers for values no stack defines,
 * to provoke an error). ioctlsocket's commands are not constants of the
 * host at all: the ioctlsocket translation (calls.ts) makes FIONBIO an
 * fcntl and FIONREAD an ioctl.
 */
import type { HostAbi, HostConstantName } from '../../../common/net/host-abi.js';
import type { ConstantGroup, ConstantName } from '../../../language/vocabulary/constants.js';
import { Unsupported } from '../../worker/binding.js';

/** A Winsock constant that POSIX does not have, and why. */
export interface NoCounterpart {
  readonly none: string;
}

/** Groups only Winsock's own calls take (socket groups, WSAEventSelect's events): POSIX has none of them. */
export const WINSOCK_ONLY_GROUPS = ['socketGroup', 'networkEvent'] as const satisfies readonly ConstantGroup[];

/** The groups whose names are host constants; ioctlCommand is translated call by call. */
export type TranslatedGroup = Exclude<ConstantGroup, 'ioctlCommand' | (typeof WINSOCK_ONLY_GROUPS)[number]>;

export const HOST_NAMES: { readonly [G in TranslatedGroup]: { readonly [N in ConstantName<G>]: HostConstantName | NoCounterpart } } = {
  addressFamily: { AF_INET: 'AF_INET', AF_INET6: 'AF_INET6', AF_UNSPEC: 'AF_UNSPEC' },
  socketType: { SOCK_STREAM: 'SOCK_STREAM', SOCK_DGRAM: 'SOCK_DGRAM', SOCK_RAW: 'SOCK_RAW' },
  protocol: { IPPROTO_IP: 'IPPROTO_IP', IPPROTO_TCP: 'IPPROTO_TCP', IPPROTO_UDP: 'IPPROTO_UDP', IPPROTO_IPV6: 'IPPROTO_IPV6' },
  optionLevel: { SOL_SOCKET: 'SOL_SOCKET', IPPROTO_IP: 'IPPROTO_IP', IPPROTO_TCP: 'IPPROTO_TCP', IPPROTO_IPV6: 'IPPROTO_IPV6' },
  socketOption: {
    SO_DEBUG: 'SO_DEBUG',
    SO_ACCEPTCONN: 'SO_ACCEPTCONN',
    SO_REUSEADDR: 'SO_REUSEADDR',
    SO_KEEPALIVE: 'SO_KEEPALIVE',
    SO_DONTROUTE: 'SO_DONTROUTE',
    SO_BROADCAST: 'SO_BROADCAST',
    SO_LINGER: { none: 'SO_LINGER takes a struct linger (two u_shorts in Winsock, two ints in POSIX), and setsockopt here passes an int' },
    SO_OOBINLINE: 'SO_OOBINLINE',
    SO_SNDBUF: 'SO_SNDBUF',
    SO_RCVBUF: 'SO_RCVBUF',
    SO_ERROR: 'SO_ERROR',
    SO_TYPE: 'SO_TYPE',
    SO_EXCLUSIVEADDRUSE: { none: 'SO_EXCLUSIVEADDRUSE is a Windows option; POSIX has no counterpart' },
    SO_GROUP_ID: { none: 'SO_GROUP_ID reads a Winsock socket group; POSIX has no socket groups' },
    SO_CONNECT_TIME: { none: 'SO_CONNECT_TIME is a Windows option of sockets ConnectEx connects; POSIX has no counterpart' },
    SO_UPDATE_CONNECT_CONTEXT: { none: 'SO_UPDATE_CONNECT_CONTEXT completes a ConnectEx, which POSIX does not have' },
    TCP_NODELAY: 'TCP_NODELAY',
    TCP_MAXRT: { none: 'TCP_MAXRT is a Windows option; POSIX has no counterpart' },
    IPV6_V6ONLY: 'IPV6_V6ONLY',
  },
  shutdownHow: { SD_RECEIVE: 'SHUT_RD', SD_SEND: 'SHUT_WR', SD_BOTH: 'SHUT_RDWR' },
  messageFlags: { MSG_OOB: 'MSG_OOB', MSG_PEEK: 'MSG_PEEK', MSG_DONTROUTE: 'MSG_DONTROUTE' },
};

/**
 * The host number of a Winsock constant name of `group`: what readArgs
 * resolves names to for the libc binding. Undefined for a name the group
 * does not have; Unsupported (the case is SKIP) for one POSIX lacks.
 */
export function hostConstant(abi: HostAbi, group: TranslatedGroup, name: string): number | undefined {
  const names: Readonly<Record<string, HostConstantName | NoCounterpart>> = HOST_NAMES[group];
  if (!Object.hasOwn(names, name)) return undefined;
  const host = names[name];
  if (host === undefined) return undefined;
  if (typeof host !== 'string') throw new Unsupported(`${name} has no POSIX counterpart: ${host.none}`);
  return abi.constants[host];
}

/** The Winsock name of a host number of `group`, for values a call reads back (SO_TYPE); undefined when none has it. */
export function winsockNameOf(abi: HostAbi, group: TranslatedGroup, hostNumber: number): string | undefined {
  const names: Readonly<Record<string, HostConstantName | NoCounterpart>> = HOST_NAMES[group];
  return Object.entries(names).find(([, host]) => typeof host === 'string' && abi.constants[host] === hostNumber)?.[0];
}

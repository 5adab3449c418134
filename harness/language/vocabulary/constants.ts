/**
 * The symbolic constants cases may write, by the kind of argument that takes
 * them, with their Winsock values (winsock2.h, ws2def.h, ws2ipdef.h). The
 * case schema offers exactly these names for each argument, so a typo is a
 * load error; the Winsock binding passes these numbers, and another binding
 * translates the names into its own.
 */
export const CONSTANTS = {
  addressFamily: {
    description: 'An address family',
    values: { AF_INET: 2, AF_INET6: 23, AF_UNSPEC: 0 },
  },
  socketType: {
    description: 'A socket type',
    values: { SOCK_STREAM: 1, SOCK_DGRAM: 2, SOCK_RAW: 3 },
  },
  protocol: {
    description: 'A protocol',
    values: { IPPROTO_IP: 0, IPPROTO_TCP: 6, IPPROTO_UDP: 17, IPPROTO_IPV6: 41 },
  },
  optionLevel: {
    description: 'A socket option level',
    values: { SOL_SOCKET: 0xffff, IPPROTO_IP: 0, IPPROTO_TCP: 6, IPPROTO_IPV6: 41 },
  },
  socketOption: {
    description: 'A socket option',
    values: {
      SO_DEBUG: 0x0001,
      SO_ACCEPTCONN: 0x0002,
      SO_REUSEADDR: 0x0004,
      SO_KEEPALIVE: 0x0008,
      SO_DONTROUTE: 0x0010,
      SO_BROADCAST: 0x0020,
      SO_LINGER: 0x0080,
      SO_OOBINLINE: 0x0100,
      SO_SNDBUF: 0x1001,
      SO_RCVBUF: 0x1002,
      SO_ERROR: 0x1007,
      SO_TYPE: 0x1008,
      SO_EXCLUSIVEADDRUSE: ~0x0004,
      SO_GROUP_ID: 0x2001,
      // mswsock.h: the options of sockets ConnectEx connected.
      SO_CONNECT_TIME: 0x700c,
      SO_UPDATE_CONNECT_CONTEXT: 0x7010,
      TCP_NODELAY: 0x0001,
      TCP_MAXRT: 5,
      IPV6_V6ONLY: 27,
    },
  },
  ioctlCommand: {
    description: 'An ioctlsocket command',
    values: { FIONBIO: 0x8004667e, FIONREAD: 0x4004667f },
  },
  shutdownHow: {
    description: 'What shutdown stops',
    values: { SD_RECEIVE: 0, SD_SEND: 1, SD_BOTH: 2 },
  },
  messageFlags: {
    description: 'Flags of send and recv',
    values: { MSG_OOB: 1, MSG_PEEK: 2, MSG_DONTROUTE: 4 },
  },
  socketGroup: {
    description: 'A socket group to create with WSASocket (or the id of one to join)',
    values: { SG_UNCONSTRAINED_GROUP: 0x01, SG_CONSTRAINED_GROUP: 0x02 },
  },
  networkEvent: {
    description: 'A network event of WSAEventSelect and WSAAsyncSelect',
    // Each is 1 << its FD_*_BIT, the index of its error in WSANETWORKEVENTS.iErrorCode.
    values: {
      FD_READ: 0x01,
      FD_WRITE: 0x02,
      FD_OOB: 0x04,
      FD_ACCEPT: 0x08,
      FD_CONNECT: 0x10,
      FD_CLOSE: 0x20,
      FD_QOS: 0x40,
      FD_GROUP_QOS: 0x80,
      FD_ROUTING_INTERFACE_CHANGE: 0x100,
      FD_ADDRESS_LIST_CHANGE: 0x200,
    },
  },
} as const;

export type ConstantGroup = keyof typeof CONSTANTS;

export const CONSTANT_GROUPS = Object.keys(CONSTANTS) as ConstantGroup[];

export type ConstantName<G extends ConstantGroup = ConstantGroup> = keyof (typeof CONSTANTS)[G]['values'] & string;

/** The names a group offers. */
export function constantNames(group: ConstantGroup): string[] {
  return Object.keys(CONSTANTS[group].values);
}

/** The Winsock value of a name of `group`; undefined for a name the group does not have. */
export function winsockConstant(group: ConstantGroup, name: string): number | undefined {
  const values: Readonly<Record<string, number>> = CONSTANTS[group].values;
  return Object.hasOwn(values, name) ? values[name] : undefined;
}

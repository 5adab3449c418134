import { arg, providerCall, type WinsockContext } from './declaration.js';

/** How a socket a case leaves open is released, whichever call made it. */
export function closeSocket(ws: WinsockContext, s: number): void {
  ws.fn('closesocket')(s);
}

/** WSASocket's dwFlags: the attribute socket() gives every socket. */
const WSA_FLAG_OVERLAPPED = 0x01;

export const socket = providerCall({
  name: 'socket',
  summary: 'Creates a socket; `as` keeps it.',
  args: {
    af: arg.required('addressFamily', 'af: the address family.'),
    type: arg.required('socketType', 'type: the socket type.'),
    protocol: arg.required('protocol', 'protocol: the protocol.'),
  },
  outputs: {},
  returns: 'socket',
  creates: 'socket',
  winsock: {
    functions: ['uintptr_t __stdcall socket(int af, int type, int protocol)'],
    perform: (ws, { af, type, protocol }) => ws.created('socket', () => ws.fn('socket')(af, type, protocol)),
    release: closeSocket,
  },
});

export const WSASocket = providerCall({
  name: 'WSASocket',
  summary: 'Creates a socket as socket() does (WSA_FLAG_OVERLAPPED, no protocol info), optionally creating or joining a socket group; `as` keeps it.',
  args: {
    af: arg.required('addressFamily', 'af: the address family.'),
    type: arg.required('socketType', 'type: the socket type.'),
    protocol: arg.required('protocol', 'protocol: the protocol.'),
    group: arg.optional(
      'socketGroup',
      'g: `SG_CONSTRAINED_GROUP` or `SG_UNCONSTRAINED_GROUP` to create a group, the id of one to join (from getsockopt SO_GROUP_ID), or 0 (the default) for none.',
      { needs: 'socket-groups' },
    ),
  },
  outputs: {},
  returns: 'socket',
  creates: 'socket',
  winsock: {
    functions: ['uintptr_t __stdcall WSASocketW(int af, int type, int protocol, void *lpProtocolInfo, uint32_t g, uint32_t dwFlags)'],
    perform: (ws, { af, type, protocol, group }) =>
      ws.created('socket', () => ws.fn('WSASocketW')(af, type, protocol, null, (group ?? 0) >>> 0, WSA_FLAG_OVERLAPPED)),
    release: closeSocket,
  },
});

import { arg, providerCall, type WinsockContext } from './declaration.js';

/** How a socket a case leaves open is released, whichever call made it. */
export function closeSocket(ws: WinsockContext, s: number): void {
  ws.fn('closesocket')(s);
}

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

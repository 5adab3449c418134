import { arg, providerCall } from './declaration.js';
import { closeSocket } from './socket.js';

export const accept = providerCall({
  name: 'accept',
  summary: 'Accepts a connection; `as` keeps the new socket.',
  args: { s: arg.required('socket', 'The listening socket.') },
  outputs: { name: 'The address of the connecting peer.' },
  returns: 'socket',
  creates: 'socket',
  winsock: {
    functions: ['uintptr_t __stdcall accept(uintptr_t s, void *addr, void *addrlen)'],
    perform: (ws, { s }) => ws.withNameOut((name, namelen) => ws.created('socket', () => ws.fn('accept')(s, name, namelen))),
    release: closeSocket,
  },
});

import { arg, providerCall } from './declaration.js';

export const shutdown = providerCall({
  name: 'shutdown',
  summary: 'Disables sends and/or receives.',
  args: {
    s: arg.required('socket', 'The socket.'),
    how: arg.required('shutdownHow', 'how: `SD_RECEIVE`, `SD_SEND` or `SD_BOTH`.'),
  },
  outputs: {},
  returns: 'int',
  winsock: {
    functions: ['int __stdcall shutdown(uintptr_t s, int how)'],
    perform: (ws, { s, how }) => ws.int(() => ws.fn('shutdown')(s, how)),
  },
});

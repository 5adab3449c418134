import { arg, providerCall } from './declaration.js';

export const listen = providerCall({
  name: 'listen',
  summary: 'Makes a socket listen.',
  args: {
    s: arg.required('socket', 'The socket.'),
    backlog: arg.required('count', 'backlog: the queue length.'),
  },
  outputs: {},
  returns: 'int',
  winsock: {
    functions: ['int __stdcall listen(uintptr_t s, int backlog)'],
    perform: (ws, { s, backlog }) => ws.int(() => ws.fn('listen')(s, backlog)),
  },
});

import { arg, providerCall } from './declaration.js';

export const ioctlsocket = providerCall({
  name: 'ioctlsocket',
  summary: "Controls the socket's mode.",
  args: {
    s: arg.required('socket', 'The socket.'),
    command: arg.required('ioctlCommand', 'cmd: `FIONBIO`…'),
    value: arg.required('count', 'The u_long argument (for FIONBIO: 1 non-blocking, 0 blocking).'),
  },
  outputs: {},
  returns: 'int',
  winsock: {
    functions: ['int __stdcall ioctlsocket(uintptr_t s, uint32_t cmd, void *argp)'],
    perform(ws, { s, command, value }) {
      const argp = Buffer.alloc(4);
      argp.writeUInt32LE(value >>> 0);
      return ws.int(() => ws.fn('ioctlsocket')(s, command >>> 0, argp));
    },
  },
});

import { arg, providerCall } from './declaration.js';

export const closesocket = providerCall({
  name: 'closesocket',
  summary: 'Closes a socket.',
  args: { s: arg.required('socket', 'The socket to close.') },
  outputs: {},
  returns: 'int',
  winsock: {
    functions: ['int __stdcall closesocket(uintptr_t s)'],
    perform(ws, { s }) {
      const observation = ws.int(() => ws.fn('closesocket')(s));
      if (observation.returns === 0) ws.released('socket', s);
      return observation;
    },
  },
});

/** setsockopt and getsockopt, on integer options. */
import { int32 } from '../../common/net/c-int.js';
import { arg, providerCall } from './declaration.js';

const OPTION_ARGS = {
  s: arg.required('socket', 'The socket.'),
  level: arg.required('optionLevel', 'level: the option level.'),
  option: arg.required('socketOption', 'optname: the option.'),
};

export const setsockopt = providerCall({
  name: 'setsockopt',
  summary: 'Sets an integer socket option, or one that takes no value (optval NULL, optlen 0).',
  args: {
    ...OPTION_ARGS,
    value: arg.optional('integer', 'The option value (an int); left out for an option that takes none (SO_UPDATE_CONNECT_CONTEXT): optval NULL and optlen 0.'),
  },
  outputs: {},
  returns: 'int',
  winsock: {
    functions: ['int __stdcall setsockopt(uintptr_t s, int level, int optname, const void *optval, int optlen)'],
    perform: (ws, { s, level, option, value }) =>
      ws.int(() => (value === undefined ? ws.fn('setsockopt')(s, level, option, null, 0) : ws.fn('setsockopt')(s, level, option, int32(value), 4))),
  },
});

export const getsockopt = providerCall({
  name: 'getsockopt',
  summary: 'Reads an integer socket option.',
  args: OPTION_ARGS,
  outputs: { value: 'The option value read (an int).' },
  returns: 'int',
  winsock: {
    functions: ['int __stdcall getsockopt(uintptr_t s, int level, int optname, void *optval, void *optlen)'],
    perform(ws, { s, level, option }) {
      const value = int32(0);
      const observation = ws.int(() => ws.fn('getsockopt')(s, level, option, value, int32(4)));
      return observation.returns === 0 ? { ...observation, value: value.readInt32LE(0) } : observation;
    },
  },
});

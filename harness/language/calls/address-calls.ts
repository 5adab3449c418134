/** Calls that take one socket address (bind, connect) or give one back (getsockname, getpeername). */
import { LENGTH_BOUNDS } from './bounds.js';
import { arg, providerCall } from './declaration.js';

const NAMELEN = arg.optional('count', "namelen: defaults to the size of the family's structure (16 or 28).", { bounds: LENGTH_BOUNDS });

function takingAddress<const N extends 'bind' | 'connect'>(name: N, summary: string, socket: string, address: string) {
  return providerCall({
    name,
    summary,
    args: { s: arg.required('socket', socket), name: arg.required('socketAddress', address), namelen: NAMELEN },
    outputs: {},
    returns: 'int',
    traffic: name === 'bind' ? { local: 'name', sendsData: false } : { destination: 'name', sendsData: false },
    winsock: {
      functions: [`int __stdcall ${name}(uintptr_t s, const void *name, int namelen)`],
      perform: (ws, { s, name: address, namelen }) => ws.withName(address, namelen, (buffer, length) => ws.fn(name)(s, buffer, length)),
    },
  });
}

function givingAddress<const N extends 'getsockname' | 'getpeername'>(name: N, summary: string, output: string) {
  return providerCall({
    name,
    summary,
    args: { s: arg.required('socket', 'The socket.') },
    outputs: { name: output },
    returns: 'int',
    winsock: {
      functions: [`int __stdcall ${name}(uintptr_t s, void *name, void *namelen)`],
      perform: (ws, { s }) => ws.withNameOut((buffer, length) => ws.int(() => ws.fn(name)(s, buffer, length))),
    },
  });
}

export const bind = takingAddress('bind', 'Binds a socket to a local address.', 'The socket to bind.', 'The local address.');
export const connect = takingAddress('connect', 'Connects a socket.', 'The socket to connect.', 'name: the address to connect to.');
export const getsockname = givingAddress('getsockname', 'Reads the local address of a socket.', 'The local address.');
export const getpeername = givingAddress('getpeername', 'Reads the remote address of a socket.', 'The remote address.');

/**
 * The calls that resolve and connect in one: WSAConnectByNameW and
 * WSAConnectByNameA (a host and a service as text, UTF-16 or ANSI) and
 * WSAConnectByList (a SOCKET_ADDRESS_LIST). All three take the same
 * in/out address buffers, timeout and Reserved pointer, and return a BOOL.
 */
import { isIP } from 'node:net';
import { WINSOCK_FAMILIES, decodeSockaddr, type SockAddr } from '../../common/net/sockaddr.js';
import { nameArgument } from './address-buffers.js';
import { ArgumentError } from './arguments.js';
import { SELECT_TIMEOUT_BOUNDS } from './bounds.js';
import { arg, providerCall, type WinsockContext } from './declaration.js';
import type { AddressRoom } from './kinds/address-room.js';
import type { Observation } from './observation.js';
import { timeval } from './select.js';
import { resolvedHostRefusal } from './traffic-rule.js';

/** sizeof(WSAOVERLAPPED) on 64-bit Windows: Internal, InternalHigh, Offset, OffsetHigh, hEvent. */
const WSAOVERLAPPED_SIZE = 32;
/** What a non-NULL Reserved points at: a zeroed WSAOVERLAPPED that lives as long as the worker, in case a stack kept it. */
const RESERVED_OVERLAPPED = Buffer.alloc(WSAOVERLAPPED_SIZE);

/** The arguments the three calls share after their destination. */
const COMMON_ARGS = {
  local: arg.optional('addressRoom', 'LocalAddressLength and LocalAddress: `{ length: n }` for an n-byte buffer and a DWORD holding n, or null/left out for NULL pointers.'),
  remote: arg.optional('addressRoom', 'RemoteAddressLength and RemoteAddress: `{ length: n }` for an n-byte buffer and a DWORD holding n, or null/left out for NULL pointers.'),
  timeout: arg.optional('count', 'timeout: a `struct timeval` of this many milliseconds, or left out for NULL.', { bounds: SELECT_TIMEOUT_BOUNDS }),
  reserved: arg.optional('flag', 'Reserved: `true` passes a pointer to a zeroed WSAOVERLAPPED; false or left out, NULL.'),
} as const;

const COMMON_OUTPUTS = {
  localAddressLength: 'The DWORD LocalAddressLength points at, after the call (only when `local` was given).',
  localAddress: 'The address written into LocalAddress, read for the length the call left (only when it returned TRUE and `local` was given).',
  remoteAddressLength: 'The DWORD RemoteAddressLength points at, after the call (only when `remote` was given).',
  remoteAddress: 'The address written into RemoteAddress, read for the length the call left (only when it returned TRUE and `remote` was given).',
} as const;

/** `SOCKET s, …, LPDWORD LocalAddressLength, LPSOCKADDR LocalAddress, LPDWORD RemoteAddressLength, LPSOCKADDR RemoteAddress, const timeval *timeout, LPWSAOVERLAPPED Reserved`. */
const COMMON_PARAMETERS =
  'void *LocalAddressLength, void *LocalAddress, void *RemoteAddressLength, void *RemoteAddress, const void *timeout, void *Reserved';

interface Common {
  readonly local?: AddressRoom;
  readonly remote?: AddressRoom;
  readonly timeout?: number;
  readonly reserved?: boolean;
}

interface Room {
  readonly length: Buffer | null;
  readonly address: Buffer | null;
}

function room(spec: AddressRoom | undefined): Room {
  if (!spec) return { length: null, address: null };
  const length = Buffer.alloc(4);
  length.writeUInt32LE(spec.length, 0);
  return { length, address: Buffer.alloc(spec.length) };
}

/** The length the call left, and the address it wrote when it returned TRUE, under the output names of `side`. */
function observedRoom(side: 'local' | 'remote', { length, address }: Room, connected: boolean): Observation {
  if (length === null || address === null) return { returns: 0 };
  const left = length.readUInt32LE(0);
  const written = connected && left > 0 ? { [`${side}Address`]: decodeSockaddr(address, Math.min(left, address.length), WINSOCK_FAMILIES) } : {};
  return { returns: 0, [`${side}AddressLength`]: left, ...written };
}

/** Makes the call with the shared pointers laid out, and reports its BOOL with the address buffers as they were left. */
function connectWith(ws: WinsockContext, common: Common, call: (rest: unknown[]) => unknown): Observation {
  const local = room(common.local);
  const remote = room(common.remote);
  const timeout = common.timeout === undefined ? null : timeval(common.timeout);
  const reserved = common.reserved === true ? RESERVED_OVERLAPPED : null;
  const observation = ws.bool(() => call([local.length, local.address, remote.length, remote.address, timeout, reserved]));
  const connected = observation.returns === 'TRUE';
  const { returns: _local, ...localOutputs } = observedRoom('local', local, connected);
  const { returns: _remote, ...remoteOutputs } = observedRoom('remote', remote, connected);
  return { ...observation, ...localOutputs, ...remoteOutputs };
}

/** A NUL-terminated string in the call's encoding, or NULL. */
function cString(text: string | null, encoding: 'utf16le' | 'latin1'): Buffer | null {
  return text === null ? null : Buffer.from(`${text}\0`, encoding);
}

function connectByName<const N extends 'WSAConnectByNameW' | 'WSAConnectByNameA'>(name: N, encoding: 'utf16le' | 'latin1', characters: string) {
  return providerCall({
    name,
    summary: `Resolves a host and a service given as ${characters} text and connects a stream socket to it, blocking, within an optional timeout.`,
    args: {
      s: arg.required('socket', 'The socket to connect.'),
      nodename: arg.required('hostText', 'nodename: the host, as a name or an address literal, or null for NULL.'),
      servicename: arg.required('hostText', 'servicename: the service, as a name or a port number, or null for NULL.'),
      ...COMMON_ARGS,
    },
    outputs: COMMON_OUTPUTS,
    returns: 'bool',
    needs: 'connect-by-name',
    traffic: { host: 'nodename', sendsData: false },
    winsock: {
      functions: [`int __stdcall ${name}(uintptr_t s, const void *nodename, const void *servicename, ${COMMON_PARAMETERS})`],
      perform(ws, { s, nodename, servicename, ...common }) {
        refuseNameLeavingLoopback(ws, name, nodename);
        return connectWith(ws, common, (rest) => ws.fn(name)(s, cString(nodename, encoding), cString(servicename, encoding), ...rest));
      },
    },
  });
}

/**
 * The traffic guard's last word on a host given by name, made in the
 * provider just before the call: what the stack's own resolver gives for
 * it must be loopback. (An address literal was judged from its text when
 * the case was loaded and before the step.)
 */
function refuseNameLeavingLoopback(ws: WinsockContext, call: string, host: string | null): void {
  if (host === null || isIP(host) !== 0) return;
  const refusal = resolvedHostRefusal(call, host, ws.resolve(host));
  if (refusal !== undefined) throw new ArgumentError(`the traffic guard refused the call: ${refusal}`);
}

export const WSAConnectByNameW = connectByName('WSAConnectByNameW', 'utf16le', 'UTF-16');
export const WSAConnectByNameA = connectByName('WSAConnectByNameA', 'latin1', 'ANSI');

/** A socket address as the binding passes a name, behind the same backstop: bytes that lead elsewhere than written are refused. */
function encodedName(address: SockAddr): Buffer {
  const { buffer } = nameArgument(address, undefined, WINSOCK_FAMILIES);
  if (buffer === null) throw new ArgumentError('a SOCKET_ADDRESS of the list has no address');
  return buffer;
}

export const WSAConnectByList = providerCall({
  name: 'WSAConnectByList',
  summary: 'Connects a stream socket to one of a list of socket addresses, blocking, within an optional timeout.',
  args: {
    s: arg.required('socket', 'The socket to connect.'),
    addresses: arg.required('socketAddressList', 'SocketAddress: the SOCKET_ADDRESS_LIST, as a list of socket addresses, or null for NULL.'),
    ...COMMON_ARGS,
  },
  outputs: COMMON_OUTPUTS,
  returns: 'bool',
  needs: 'connect-by-list',
  traffic: { destinations: 'addresses', sendsData: false },
  winsock: {
    functions: [`int __stdcall WSAConnectByList(uintptr_t s, const void *SocketAddress, ${COMMON_PARAMETERS})`],
    perform(ws, { s, addresses, ...common }) {
      const list = addresses === null ? null : ws.socketAddressList(addresses.map((address) => encodedName(address)));
      return connectWith(ws, common, (rest) => ws.fn('WSAConnectByList')(s, list, ...rest));
    },
  },
});

/**
 * ConnectEx, as programs reach it: its pointer asked of the socket's provider
 * with WSAIoctl (SIO_GET_EXTENSION_FUNCTION_POINTER, WSAID_CONNECTEX), then
 * called through that pointer with an OVERLAPPED whose event the completion
 * signals; and WSAGetOverlappedResult, which reads how the operation ended.
 */
import { WINSOCK_FAMILIES } from '../../common/net/sockaddr.js';
import { nameArgument } from './address-buffers.js';
import { LENGTH_BOUNDS } from './bounds.js';
import { arg, providerCall } from './declaration.js';
import { cleanupUntilError } from './wsa-startup.js';

/** WSAID_CONNECTEX (mswsock.h): {25a207b9-ddf3-4660-8ee9-76e58c74063e}, as the GUID's bytes lie in memory. */
const WSAID_CONNECTEX = guidBytes(0x25a207b9, 0xddf3, 0x4660, [0x8e, 0xe9, 0x76, 0xe5, 0x8c, 0x74, 0x06, 0x3e]);

/** LPFN_CONNECTEX, as the pointer WSAIoctl returns is called. */
const CONNECTEX_PROTOTYPE =
  'int __stdcall ConnectEx(uintptr_t s, const void *name, int namelen, const void *lpSendBuffer, uint32_t dwSendDataLength, void *lpdwBytesSent, void *lpOverlapped)';

/** Written into lpdwBytesSent before the call, so that a provider that leaves it untouched shows. */
const BYTES_SENT_SENTINEL = 0xdeadbeef;

export const ConnectEx = providerCall({
  name: 'ConnectEx',
  summary:
    'Connects a bound stream socket with overlapped I/O, optionally sending data once connected, through the pointer WSAIoctl (SIO_GET_EXTENSION_FUNCTION_POINTER, WSAID_CONNECTEX) gives.',
  args: {
    s: arg.required('socket', 'The socket to connect (bound, not connected).'),
    name: arg.required('socketAddress', 'name: the address to connect to.'),
    namelen: arg.optional('count', "namelen: defaults to the size of the family's structure (16 or 28).", { bounds: LENGTH_BOUNDS }),
    sendData: arg.optional('text', 'lpSendBuffer and dwSendDataLength: the bytes to send once connected; left out, NULL and 0.'),
    overlapped: arg.required('overlapped', 'lpOverlapped: `{ event: $e }`, or null for NULL.'),
    lookup: arg.optional('socket', 'The socket whose provider WSAIoctl asks for the pointer; left out, `s` itself.'),
    endStartupsFirst: arg.optional(
      'flag',
      'true: once WSAIoctl has given the pointer, WSACleanup is called until it fails, so that ConnectEx is called with no start-up in effect, as a program that kept the pointer past its WSACleanup calls it (the harness starts Winsock again after the case).',
    ),
  },
  outputs: {
    bytesSent:
      '*lpdwBytesSent, when the call returned TRUE and `sendData` was given (3735928559, 0xdeadbeef, when the provider left it untouched). The page defines it on successful return only, so a pending call reports none.',
    overlapped: 'The number of the OVERLAPPED passed, within the case (1, 2…), for WSAGetOverlappedResult (only when one was passed).',
    lookupFailed: "WSAIoctl's error, when asking for the pointer failed: ConnectEx was then not called.",
  },
  returns: 'bool',
  needs: 'overlapped-io',
  traffic: { destination: 'name', sendsData: true, dataArgument: 'sendData' },
  winsock: {
    functions: [
      'int __stdcall WSAIoctl(uintptr_t s, uint32_t dwIoControlCode, const void *lpvInBuffer, uint32_t cbInBuffer, void *lpvOutBuffer, uint32_t cbOutBuffer, void *lpcbBytesReturned, void *lpOverlapped, void *lpCompletionRoutine)',
    ],
    perform(ws, { s, name, namelen, sendData, overlapped, lookup, endStartupsFirst }) {
      const connectEx = ws.extensionFunction(lookup ?? s, WSAID_CONNECTEX, CONNECTEX_PROTOTYPE);
      if ('failed' in connectEx) return { ...connectEx.failed, lookupFailed: connectEx.failed.error };
      if (endStartupsFirst === true) cleanupUntilError(ws);
      const data = sendData === undefined ? null : Buffer.from(sendData);
      const bytesSent = Buffer.alloc(4);
      bytesSent.writeUInt32LE(BYTES_SENT_SENTINEL, 0);
      const passed = overlapped === null ? null : ws.newOverlapped(overlapped.event);
      // The name as every call passes one, in Winsock's layout: ConnectEx is Winsock's alone.
      const target = nameArgument(name, namelen, WINSOCK_FAMILIES);
      const observation = ws.bool(() => connectEx(s, target.buffer, target.namelen, data, data?.length ?? 0, bytesSent, passed?.buffer ?? null));
      return {
        ...observation,
        // Only "on successful return": a pending call's provider may write it as the operation completes.
        ...(data === null || observation.returns !== 'TRUE' ? {} : { bytesSent: bytesSent.readUInt32LE(0) }),
        ...(passed === null ? {} : { overlapped: passed.number }),
      };
    },
  },
});

export const WSAGetOverlappedResult = providerCall({
  name: 'WSAGetOverlappedResult',
  summary: 'Reads how an overlapped operation on a socket ended: the bytes it transferred and its flags, or its error.',
  args: {
    s: arg.required('socket', 'The socket the operation was started on.'),
    overlapped: arg.required('passedOverlapped', 'lpOverlapped: the OVERLAPPED an earlier step passed, `$cx.overlapped`.'),
    wait: arg.optional('flag', 'fWait: wait for the operation to end (default false).'),
  },
  outputs: {
    bytes: '*lpcbTransfer: the bytes the operation transferred (on TRUE).',
    flags: '*lpdwFlags: the completion flags (on TRUE).',
  },
  returns: 'bool',
  needs: 'overlapped-io',
  winsock: {
    functions: ['int __stdcall WSAGetOverlappedResult(uintptr_t s, void *lpOverlapped, void *lpcbTransfer, int fWait, void *lpdwFlags)'],
    perform(ws, { s, overlapped, wait }) {
      const transferred = Buffer.alloc(4);
      const flags = Buffer.alloc(4);
      const observation = ws.bool(() => ws.fn('WSAGetOverlappedResult')(s, ws.passedOverlapped(overlapped), transferred, wait === true ? 1 : 0, flags));
      return observation.returns === 'TRUE' ? { ...observation, bytes: transferred.readUInt32LE(0), flags: flags.readUInt32LE(0) } : observation;
    },
  },
});

/** A GUID as it lies in memory: Data1 to Data3 little-endian, Data4 as written. */
function guidBytes(data1: number, data2: number, data3: number, data4: readonly number[]): Buffer {
  const guid = Buffer.alloc(16);
  guid.writeUInt32LE(data1, 0);
  guid.writeUInt16LE(data2, 4);
  guid.writeUInt16LE(data3, 6);
  Buffer.from(data4).copy(guid, 8);
  return guid;
}

/** Every call of the case language, by name: the one list the schema, the loader and the workers derive from. */
import { accept } from './accept.js';
import { createMessageWindow, waitForMessage, WSAAsyncSelect } from './async-select.js';
import { bind, connect, getpeername, getsockname } from './address-calls.js';
import { closesocket } from './closesocket.js';
import { recv, recvfrom, send, sendto } from './data-calls.js';
import type { CallDeclaration, HarnessCallDeclaration, ProviderCallDeclaration } from './declaration.js';
import { WSACloseEvent, WSACreateEvent, WSAEnumNetworkEvents, WSAEventSelect, WSAWaitForMultipleEvents } from './event-select.js';
import { ioctlsocket } from './ioctlsocket.js';
import { listen } from './listen.js';
import { peerDatagrams } from './peer-datagrams.js';
import { select } from './select.js';
import { shutdown } from './shutdown.js';
import { socket, WSASocket } from './socket.js';
import { getsockopt, setsockopt } from './socket-options.js';
import { WSAConnect } from './wsa-connect.js';
import { WSACleanup, WSAStartup } from './wsa-startup.js';

/** In the order cases/CALLS.md and the schema list them. */
export const CALLS: readonly CallDeclaration[] = [
  WSAStartup,
  WSACleanup,
  socket,
  WSASocket,
  closesocket,
  bind,
  listen,
  accept,
  setsockopt,
  getsockopt,
  ioctlsocket,
  WSAConnect,
  connect,
  select,
  send,
  recv,
  sendto,
  recvfrom,
  getsockname,
  getpeername,
  shutdown,
  WSACreateEvent,
  WSAEventSelect,
  WSAWaitForMultipleEvents,
  WSAEnumNetworkEvents,
  WSACloseEvent,
  createMessageWindow,
  WSAAsyncSelect,
  waitForMessage,
  peerDatagrams,
];

const BY_NAME: ReadonlyMap<string, CallDeclaration> = new Map(CALLS.map((call) => [call.name, call]));

export const CALL_NAMES: readonly string[] = CALLS.map((call) => call.name);

/** The declaration of a call, or undefined for a name no call has. */
export function callNamed(name: string): CallDeclaration | undefined {
  return BY_NAME.get(name);
}

export function isProviderCall(call: CallDeclaration): call is ProviderCallDeclaration {
  return call.madeBy === 'provider';
}

export function isHarnessCall(call: CallDeclaration): call is HarnessCallDeclaration {
  return call.madeBy === 'harness';
}

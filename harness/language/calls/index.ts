/** Every call of the case language, by name: the one list the schema, the loader and the workers derive from. */
import { accept } from './accept.js';
import { createMessageWindow, waitForMessage, WSAAsyncSelect } from './async-select.js';
import { bind, connect, getpeername, getsockname } from './address-calls.js';
import { closesocket } from './closesocket.js';
import { ConnectEx, WSAGetOverlappedResult } from './connect-ex.js';
import { WSAConnectByList, WSAConnectByNameA, WSAConnectByNameW } from './connect-by-name.js';
import { recv, recvfrom, send, sendto } from './data-calls.js';
import type { CallDeclaration, HarnessCallDeclaration, ProviderCallDeclaration } from './declaration.js';
import { queueApc, WSACloseEvent, WSACreateEvent, WSAEnumNetworkEvents, WSAEventSelect, WSAWaitForMultipleEvents } from './event-select.js';
import { ioctlsocket } from './ioctlsocket.js';
import { listen } from './listen.js';
import { peerDatagrams } from './peer-datagrams.js';
import { select } from './select.js';
import { shutdown } from './shutdown.js';
import { socket, WSASocket } from './socket.js';
import { getsockopt, setsockopt } from './socket-options.js';
import { readWsabuf, WSAConnect } from './wsa-connect.js';
import { WSACleanup, WSAStartup } from './wsa-startup.js';

/** In the order cases/CALLS.md and the schema list them. */
export const CALLS = [
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
  readWsabuf,
  connect,
  // The calls that resolve or choose their destination themselves.
  WSAConnectByNameW,
  WSAConnectByNameA,
  WSAConnectByList,
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
  queueApc,
  createMessageWindow,
  WSAAsyncSelect,
  waitForMessage,
  peerDatagrams,
  // ConnectEx and the overlapped I/O it needs.
  ConnectEx,
  WSAGetOverlappedResult,
] as const satisfies readonly CallDeclaration[];

type Declarations = (typeof CALLS)[number];
type ProviderDeclarations = Extract<Declarations, { readonly madeBy: 'provider' }>;

/** The name of a call of the case language. */
export type CallName = Declarations['name'];

/** The name of a call made in the provider, which every binding either makes or lacks a capability for. */
export type ProviderCallName = ProviderDeclarations['name'];

/** The capability a provider call needs, as its declaration says; never for a call every provider must make. */
export type CapabilityNeededBy<N extends ProviderCallName> = NonNullable<Extract<ProviderDeclarations, { readonly name: N }>['needs']>;

const BY_NAME: ReadonlyMap<string, Declarations> = new Map(CALLS.map((call) => [call.name, call]));

export const CALL_NAMES: readonly CallName[] = CALLS.map((call) => call.name);

/** The declaration of a call, or undefined for a name no call has. */
export function callNamed(name: string): CallDeclaration | undefined {
  return BY_NAME.get(name);
}

/** The declaration of a call made in the provider, by name (its own, which the bindings' tables are keyed by), or undefined for a name no such call has. */
export function providerCallNamed(name: string): ProviderDeclarations | undefined {
  const call = BY_NAME.get(name);
  return call !== undefined && isProviderCall(call) ? call : undefined;
}

export function isProviderCall<C extends CallDeclaration>(call: C): call is Extract<C, ProviderCallDeclaration> {
  return call.madeBy === 'provider';
}

export function isHarnessCall<C extends CallDeclaration>(call: C): call is Extract<C, HarnessCallDeclaration> {
  return call.madeBy === 'harness';
}

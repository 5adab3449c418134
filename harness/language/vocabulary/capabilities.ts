/**
 * What a provider's binding can express. A step that needs a capability the
 * provider lacks is not run: its case is SKIP with the reason, never ERROR.
 * Calls and arguments name what they need (harness/language/calls/); bindings say
 * what they have (harness/stacks/bindings/).
 */
export const CAPABILITIES = {
  'winsock-startup': "Winsock's per-process start-up and clean-up (WSAStartup, WSACleanup)",
  'connect-data': 'connect data (lpCallerData and lpCalleeData of WSAConnect)',
  qos: 'quality of service at connect time (lpSQOS and lpGQOS of WSAConnect)',
  'event-select': 'network events signalled on event objects (WSAEventSelect, with WSACreateEvent, WSAWaitForMultipleEvents, WSAEnumNetworkEvents and WSACloseEvent)',
  'async-select': 'network events posted as window messages (WSAAsyncSelect, with a window to receive them)',
  'socket-groups': 'socket groups (the g of WSASocket, and SO_GROUP_ID)',
  apc: "asynchronous procedure calls queued to the calling thread (QueueUserAPC), which run when it waits alertably",
  'overlapped-io':
    "overlapped I/O signalled on event objects, through Winsock's extension functions (ConnectEx, found with WSAIoctl SIO_GET_EXTENSION_FUNCTION_POINTER) and WSAGetOverlappedResult",
  'connect-by-name': 'connecting to a host given by name and service, with a timeout (WSAConnectByNameW, WSAConnectByNameA)',
  'connect-by-list': 'connecting to one of a list of socket addresses, with a timeout (WSAConnectByList)',
} as const;

export type Capability = keyof typeof CAPABILITIES;

export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

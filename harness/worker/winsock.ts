/**
 * ws2_32.dll through koffi: the function table of the stack under test.
 * Pointers are declared `void *` and passed as Buffers the caller fills, so
 * a case can pass lengths and contents that do not match (namelen too small,
 * a NULL name) exactly as a C caller could.
 */
type Koffi = typeof import('koffi');
type Fn = (...args: unknown[]) => unknown;

export interface Winsock {
  readonly koffi: Koffi;
  readonly socket: Fn;
  readonly closesocket: Fn;
  readonly bind: Fn;
  readonly listen: Fn;
  readonly accept: Fn;
  readonly setsockopt: Fn;
  readonly getsockopt: Fn;
  readonly ioctlsocket: Fn;
  readonly WSAConnect: Fn;
  readonly connect: Fn;
  readonly select: Fn;
  readonly send: Fn;
  readonly recv: Fn;
  readonly sendto: Fn;
  readonly recvfrom: Fn;
  readonly getsockname: Fn;
  readonly getpeername: Fn;
  readonly shutdown: Fn;
  readonly WSAGetLastError: () => number;
  readonly WSASetLastError: (code: number) => void;
}

export function loadWinsock(koffi: Koffi): Winsock {
  const lib = koffi.load('ws2_32.dll');
  // Structures WSAConnect takes: WSABUF for connect data, QOS (two FLOWSPECs and a WSABUF) for quality of service.
  koffi.struct('WSABUF', { len: 'uint32_t', buf: 'void *' });
  koffi.struct('FLOWSPEC', {
    TokenRate: 'uint32_t',
    TokenBucketSize: 'uint32_t',
    PeakBandwidth: 'uint32_t',
    Latency: 'uint32_t',
    DelayVariation: 'uint32_t',
    ServiceType: 'uint32_t',
    MaxSduSize: 'uint32_t',
    MinimumPolicedSize: 'uint32_t',
  });
  koffi.struct('QOS', { SendingFlowspec: 'FLOWSPEC', ReceivingFlowspec: 'FLOWSPEC', ProviderSpecific: 'WSABUF' });

  const f = (declaration: string) => lib.func(declaration) as Fn;
  const startup = f('int __stdcall WSAStartup(uint16_t wVersionRequested, void *lpWSAData)');
  const code = startup(0x0202, Buffer.alloc(1024));
  if (code !== 0) throw new Error(`WSAStartup(2.2) failed with ${String(code)}`);

  return {
    koffi,
    socket: f('uintptr_t __stdcall socket(int af, int type, int protocol)'),
    closesocket: f('int __stdcall closesocket(uintptr_t s)'),
    bind: f('int __stdcall bind(uintptr_t s, const void *name, int namelen)'),
    listen: f('int __stdcall listen(uintptr_t s, int backlog)'),
    accept: f('uintptr_t __stdcall accept(uintptr_t s, void *addr, void *addrlen)'),
    setsockopt: f('int __stdcall setsockopt(uintptr_t s, int level, int optname, const void *optval, int optlen)'),
    getsockopt: f('int __stdcall getsockopt(uintptr_t s, int level, int optname, void *optval, void *optlen)'),
    ioctlsocket: f('int __stdcall ioctlsocket(uintptr_t s, uint32_t cmd, void *argp)'),
    WSAConnect: f(
      'int __stdcall WSAConnect(uintptr_t s, const void *name, int namelen, const WSABUF *lpCallerData, _Inout_ WSABUF *lpCalleeData, const QOS *lpSQOS, const QOS *lpGQOS)',
    ),
    connect: f('int __stdcall connect(uintptr_t s, const void *name, int namelen)'),
    select: f('int __stdcall select(int nfds, void *readfds, void *writefds, void *exceptfds, const void *timeout)'),
    send: f('int __stdcall send(uintptr_t s, const void *buf, int len, int flags)'),
    recv: f('int __stdcall recv(uintptr_t s, void *buf, int len, int flags)'),
    sendto: f('int __stdcall sendto(uintptr_t s, const void *buf, int len, int flags, const void *to, int tolen)'),
    recvfrom: f('int __stdcall recvfrom(uintptr_t s, void *buf, int len, int flags, void *from, void *fromlen)'),
    getsockname: f('int __stdcall getsockname(uintptr_t s, void *name, void *namelen)'),
    getpeername: f('int __stdcall getpeername(uintptr_t s, void *name, void *namelen)'),
    shutdown: f('int __stdcall shutdown(uintptr_t s, int how)'),
    WSAGetLastError: f('int __stdcall WSAGetLastError()') as () => number,
    WSASetLastError: f('void __stdcall WSASetLastError(int iError)') as (code: number) => void,
  };
}

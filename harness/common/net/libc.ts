/**
 * The host's C library through koffi: the socket functions that both the
 * libc binding (harness/stacks/bindings/libc/, the stack under test of the posix
 * provider) and the fixtures' raw sockets (fixtures/host-sockets.ts) call.
 *
 * Pointers are `void *` and passed as Buffers the caller fills, so a caller
 * can pass NULL and lengths that do not match the buffer, exactly as a C
 * caller could. errno is read with koffi right after a call, before any
 * other native call can change it.
 */
import { hostAbi, type HostAbi } from './host-abi.js';

/** What of koffi the loader uses: the worker passes the koffi it loaded, the fixtures theirs. */
export type Koffi = Pick<typeof import('koffi'), 'load' | 'pointer' | 'struct' | 'errno' | 'os'>;

/** A `void *` argument: a Buffer, or NULL. */
export type Pointer = Buffer | null;

export interface Timeval {
  readonly tv_sec: number;
  readonly tv_usec: number;
}

/** The functions, with C's argument order; each returns what C returns (-1 on failure, with errno set). */
export interface Libc {
  readonly abi: HostAbi;
  socket(domain: number, type: number, protocol: number): number;
  close(fd: number): number;
  bind(fd: number, addr: Pointer, addrlen: number): number;
  connect(fd: number, addr: Pointer, addrlen: number): number;
  listen(fd: number, backlog: number): number;
  /** addrlen points to a socklen_t (a 4-byte Buffer). */
  accept(fd: number, addr: Pointer, addrlen: Pointer): number;
  getsockname(fd: number, addr: Pointer, addrlen: Pointer): number;
  getpeername(fd: number, addr: Pointer, addrlen: Pointer): number;
  send(fd: number, buf: Buffer, len: number, flags: number): number;
  recv(fd: number, buf: Buffer, len: number, flags: number): number;
  sendto(fd: number, buf: Buffer, len: number, flags: number, addr: Pointer, addrlen: number): number;
  recvfrom(fd: number, buf: Buffer, len: number, flags: number, addr: Pointer, addrlen: Pointer): number;
  setsockopt(fd: number, level: number, name: number, value: Pointer, len: number): number;
  getsockopt(fd: number, level: number, name: number, value: Pointer, len: Pointer): number;
  shutdown(fd: number, how: number): number;
  select(nfds: number, readfds: Pointer, writefds: Pointer, exceptfds: Pointer, timeout: Timeval | null): number;
  /** fcntl with an int third argument (commands that take none ignore it, as C callers rely on). */
  fcntl(fd: number, command: number, arg: number): number;
  /** ioctl with a pointer third argument. */
  ioctl(fd: number, request: number, argp: Pointer): number;
  /** errno as the last call left it. */
  errno(): number;
  setErrno(value: number): void;
  /** This system's errno numbers by name. */
  readonly errnoNumbers: Readonly<Record<string, number>>;
  /** The C library's version, when it says: glibc's gnu_get_libc_version(); undefined for one without it (musl). */
  version(): string | undefined;
}

const loaded = new WeakMap<Koffi, Libc>();

/** The host's libc, loaded once per koffi; throws HostUnsupported on a system harness/common/net/host-abi.ts does not describe. */
export function loadLibc(koffi: Koffi, abi: HostAbi = hostAbi()): Libc {
  const cached = loaded.get(koffi);
  if (cached) return cached;
  const libc = declare(koffi, abi);
  loaded.set(koffi, libc);
  return libc;
}

type Native = (...args: unknown[]) => number;

function declare(koffi: Koffi, abi: HostAbi): Libc {
  const lib = koffi.load(abi.library);
  const f = (prototype: string) => lib.func(prototype) as Native;
  const timeval = koffi.pointer(koffi.struct({ tv_sec: abi.timeval.tv_sec, tv_usec: abi.timeval.tv_usec }));
  const select = lib.func('select', 'int', ['int', 'void *', 'void *', 'void *', timeval]) as Native;
  const fcntl = f('int fcntl(int fd, int cmd, ...)');
  const ioctl = f('int ioctl(int fd, unsigned long request, ...)');
  const version = libcVersion(lib);
  return {
    abi,
    socket: f('int socket(int domain, int type, int protocol)'),
    close: f('int close(int fd)'),
    bind: f('int bind(int fd, const void *addr, uint32_t addrlen)'),
    connect: f('int connect(int fd, const void *addr, uint32_t addrlen)'),
    listen: f('int listen(int fd, int backlog)'),
    accept: f('int accept(int fd, void *addr, void *addrlen)'),
    getsockname: f('int getsockname(int fd, void *addr, void *addrlen)'),
    getpeername: f('int getpeername(int fd, void *addr, void *addrlen)'),
    send: f('long send(int fd, const void *buf, size_t len, int flags)'),
    recv: f('long recv(int fd, void *buf, size_t len, int flags)'),
    sendto: f('long sendto(int fd, const void *buf, size_t len, int flags, const void *addr, uint32_t addrlen)'),
    recvfrom: f('long recvfrom(int fd, void *buf, size_t len, int flags, void *addr, void *addrlen)'),
    setsockopt: f('int setsockopt(int fd, int level, int name, const void *value, uint32_t len)'),
    getsockopt: f('int getsockopt(int fd, int level, int name, void *value, void *len)'),
    shutdown: f('int shutdown(int fd, int how)'),
    select,
    fcntl: (fd, command, arg) => fcntl(fd, command, 'int', arg),
    ioctl: (fd, request, argp) => ioctl(fd, request, 'void *', argp),
    errno: () => koffi.errno(),
    setErrno: (value) => void koffi.errno(value),
    errnoNumbers: koffi.os.errno,
    version: () => version,
  };
}

function libcVersion(lib: ReturnType<Koffi['load']>): string | undefined {
  try {
    return (lib.func('const char *gnu_get_libc_version()') as () => string)();
  } catch {
    // Not glibc: musl and the BSD libcs have no such function.
    return undefined;
  }
}

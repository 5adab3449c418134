/**
 * Each call of the case language as the POSIX call(s) it becomes: the
 * translation the README's "The POSIX provider" section states. A call is
 * made with the arguments its declaration (harness/language/calls/) reads, constant
 * names already turned into the host's numbers (translation.ts); what comes
 * back is an Observation in Winsock's terms (SOCKET_ERROR, INVALID_SOCKET,
 * error names), so the cases' documented outcomes apply unchanged.
 *
 * The calls with no POSIX counterpart (WSAStartup, the event objects, the
 * windows) are entered as lacking the capability their declaration needs,
 * which the libc binding does not claim (catalogue.ts): the runner SKIPs
 * their cases before anything runs, and the compiler refuses a table that
 * leaves a call out (binding-table.ts).
 */
import type { SocketHandle } from '../../../language/calls/declaration.js';
import { withData } from '../../../language/calls/buffers.js';
import { int32 } from '../../../common/net/c-int.js';
import { receiveBuffer } from '../../../language/calls/data-calls.js';
import { MAX_TIMEOUT_MS } from '../../../language/calls/select.js';
import type { SockAddr } from '../../../common/net/sockaddr.js';
import type { Timeval } from '../../../common/net/libc.js';
import type { Observation } from '../../../language/calls/observation.js';
import { CONSTANTS, winsockConstant, type ConstantName } from '../../../language/vocabulary/constants.js';
import { Unsupported } from '../../worker/binding.js';
import { lacking, type BindingTable } from '../binding-table.js';
import type { CapabilityOf } from '../catalogue.js';
import type { LibcContext } from './context.js';
import { winsockNameOf } from './translation.js';

export interface LibcCall {
  perform(c: LibcContext, args: Readonly<Record<string, unknown>>): Observation;
}

/**
 * A translation whose arguments have the types `A` names. The binding reads
 * them with the call's declaration (readArgs), which gives each the value
 * of its kind; `A` restates those types here, where the declaration's own
 * are erased, and the fake-libc tests check each call's use of them.
 */
function translation<A>(perform: (c: LibcContext, args: A) => Observation): LibcCall {
  return { perform: perform as unknown as LibcCall['perform'] };
}

interface Socket {
  readonly s: SocketHandle;
}
interface TakesName extends Socket {
  readonly name: SockAddr | null;
  readonly namelen?: number;
}
interface Option extends Socket {
  readonly level: number;
  readonly option: number;
}

const passingName =
  (call: 'bind' | 'connect') =>
  (c: LibcContext, { s, name, namelen }: TakesName): Observation => {
    const fd = c.descriptor(s);
    return c.withName(name, namelen, (buffer, length) => c.libc[call](fd, buffer, length));
  };

const givingName = (call: 'getsockname' | 'getpeername') =>
  translation<Socket>((c, { s }) => {
    const fd = c.descriptor(s);
    return c.withNameOut((name, namelen) => c.int(() => c.libc[call](fd, name, namelen)));
  });

/** ioctlsocket's commands, by Winsock name: FIONBIO is the O_NONBLOCK file status flag, FIONREAD an ioctl. */
const IOCTLS: { readonly [N in ConstantName<'ioctlCommand'>]: (c: LibcContext, fd: number, value: number) => Observation } = {
  FIONBIO(c, fd, value) {
    const current = c.int(() => c.libc.fcntl(fd, c.host('F_GETFL'), 0));
    if (typeof current.returns !== 'number') return current;
    const nonBlocking = c.host('O_NONBLOCK');
    const flags = value === 0 ? current.returns & ~nonBlocking : current.returns | nonBlocking;
    return c.int(() => c.libc.fcntl(fd, c.host('F_SETFL'), flags));
  },
  FIONREAD: (c, fd) => c.int(() => c.libc.ioctl(fd, c.host('FIONREAD'), int32(0))),
};

function ioctlNamed(command: number): ConstantName<'ioctlCommand'> {
  const names = Object.keys(IOCTLS) as ConstantName<'ioctlCommand'>[];
  const name = names.find((candidate) => CONSTANTS.ioctlCommand.values[candidate] === command >>> 0);
  if (name === undefined) throw new Unsupported(`ioctlsocket command 0x${(command >>> 0).toString(16)} has no POSIX translation (FIONBIO and FIONREAD have)`);
  return name;
}

/** An fd_set holding `fd` when the case asks for that set, else NULL. */
function fdSet(c: LibcContext, fd: number, wanted: boolean | undefined): Buffer | null {
  if (wanted !== true) return null;
  const set = Buffer.alloc(c.libc.abi.fdSetSize / 8);
  set[fd >> 3] = 1 << (fd & 7);
  return set;
}

function isSet(set: Buffer | null, fd: number): boolean {
  return set !== null && ((set[fd >> 3] ?? 0) & (1 << (fd & 7))) !== 0;
}

function timeval(ms: number): Timeval {
  const clamped = Math.min(ms, MAX_TIMEOUT_MS);
  return { tv_sec: Math.floor(clamped / 1000), tv_usec: (clamped % 1000) * 1000 };
}

/** An option's value as Winsock reports it: SO_ERROR's errno as a Winsock error code, SO_TYPE's type as Winsock numbers it. */
function optionValue(c: LibcContext, level: number, option: number, value: number): number | string {
  if (level !== c.host('SOL_SOCKET')) return value;
  if (option === c.host('SO_ERROR')) return c.errnoValue(value);
  if (option === c.host('SO_TYPE')) {
    const name = winsockNameOf(c.libc.abi, 'socketType', value);
    return name === undefined ? value : (winsockConstant('socketType', name) ?? value);
  }
  return value;
}

export const LIBC_CALLS: BindingTable<LibcCall, CapabilityOf<'libc'>> = {
  // POSIX sockets need no per-process start-up.
  WSAStartup: lacking('winsock-startup'),
  WSACleanup: lacking('winsock-startup'),
  socket: translation<{ af: number; type: number; protocol: number }>((c, { af, type, protocol }) =>
    c.newSocket(() => c.libc.socket(af, type, protocol)),
  ),
  // Without a group (which needs a capability the libc binding lacks), WSASocket is socket().
  WSASocket: translation<{ af: number; type: number; protocol: number }>((c, { af, type, protocol }) =>
    c.newSocket(() => c.libc.socket(af, type, protocol)),
  ),
  closesocket: translation<Socket>((c, { s }) => {
    const fd = c.descriptor(s);
    const observation = c.int(() => c.libc.close(fd));
    if (observation.returns === 0) c.closed(fd);
    return observation;
  }),
  bind: translation(passingName('bind')),
  listen: translation<Socket & { backlog: number }>((c, { s, backlog }) => {
    const fd = c.descriptor(s);
    return c.int(() => c.libc.listen(fd, backlog));
  }),
  accept: translation<Socket>((c, { s }) => {
    const fd = c.descriptor(s);
    return c.withNameOut((name, namelen) => c.newSocket(() => c.libc.accept(fd, name, namelen)));
  }),
  setsockopt: translation<Option & { value?: number }>((c, { s, level, option, value }) => {
    const fd = c.descriptor(s);
    return c.int(() => (value === undefined ? c.libc.setsockopt(fd, level, option, null, 0) : c.libc.setsockopt(fd, level, option, int32(value), 4)));
  }),
  getsockopt: translation<Option>((c, { s, level, option }) => {
    const fd = c.descriptor(s);
    const value = int32(0);
    const observation = c.int(() => c.libc.getsockopt(fd, level, option, value, int32(4)));
    return observation.returns === 0 ? { ...observation, value: optionValue(c, level, option, value.readInt32LE(0)) } : observation;
  }),
  ioctlsocket: translation<Socket & { command: number; value: number }>((c, { s, command, value }) => {
    const perform = IOCTLS[ioctlNamed(command)];
    return perform(c, c.descriptor(s), value);
  }),
  WSAConnect: translation<TakesName & { callerData?: unknown; calleeData?: unknown; sqos?: unknown; gqos?: unknown }>((c, args) => {
    const extras = (['callerData', 'calleeData', 'sqos', 'gqos'] as const).filter((name) => args[name] !== undefined && args[name] !== null);
    if (extras.length > 0) throw new Unsupported(`connect() has no counterpart of WSAConnect's ${extras.join(', ')}`);
    return passingName('connect')(c, args);
  }),
  // No WSABUF is passed where nothing takes connect data.
  readWsabuf: lacking('connect-data'),
  connect: translation(passingName('connect')),
  // POSIX resolves (getaddrinfo) and connects (connect) in separate calls, with no timeout of its own and no list of destinations.
  WSAConnectByNameW: lacking('connect-by-name'),
  WSAConnectByNameA: lacking('connect-by-name'),
  WSAConnectByList: lacking('connect-by-list'),
  select: translation<Socket & { read?: boolean; write?: boolean; except?: boolean; timeout: number }>(
    (c, { s, read, write, except, timeout }) => {
      const fd = c.descriptor(s);
      const size = c.libc.abi.fdSetSize;
      if (fd < 0 || fd >= size) throw new Unsupported(`select: descriptor ${fd} cannot be put in an fd_set (0 to FD_SETSIZE - 1 = ${size - 1})`);
      const sets = { readable: fdSet(c, fd, read), writable: fdSet(c, fd, write), except: fdSet(c, fd, except) };
      const observation = c.int(() => c.libc.select(fd + 1, sets.readable, sets.writable, sets.except, timeval(timeout)));
      if (observation.returns === 'SOCKET_ERROR') return observation;
      // select leaves in each set only the descriptors that are ready.
      return { ...observation, readable: isSet(sets.readable, fd), writable: isSet(sets.writable, fd), except: isSet(sets.except, fd) };
    },
  ),
  send: translation<Socket & { data: string; flags?: number }>((c, { s, data, flags }) => {
    const fd = c.descriptor(s);
    const bytes = Buffer.from(data);
    return c.int(() => c.libc.send(fd, bytes, bytes.length, flags ?? 0));
  }),
  recv: translation<Socket & { length: number; flags?: number }>((c, { s, length, flags }) => {
    const fd = c.descriptor(s);
    const buffer = receiveBuffer(length);
    return withData(c.int(() => c.libc.recv(fd, buffer, buffer.length, flags ?? 0)), buffer);
  }),
  sendto: translation<Socket & { data: string; to: SockAddr | null; tolen?: number }>((c, { s, data, to, tolen }) => {
    const fd = c.descriptor(s);
    const bytes = Buffer.from(data);
    return c.withName(to, tolen, (buffer, length) => c.libc.sendto(fd, bytes, bytes.length, 0, buffer, length));
  }),
  recvfrom: translation<Socket & { length: number }>((c, { s, length }) => {
    const fd = c.descriptor(s);
    const buffer = receiveBuffer(length);
    return c.withNameOut((from, fromlen) => withData(c.int(() => c.libc.recvfrom(fd, buffer, buffer.length, 0, from, fromlen)), buffer), 'from');
  }),
  getsockname: givingName('getsockname'),
  getpeername: givingName('getpeername'),
  shutdown: translation<Socket & { how: number }>((c, { s, how }) => {
    const fd = c.descriptor(s);
    return c.int(() => c.libc.shutdown(fd, how));
  }),
  // POSIX signals no event objects: readiness is polled (select, poll), never set on a handle.
  WSACreateEvent: lacking('event-select'),
  WSAEventSelect: lacking('event-select'),
  WSAWaitForMultipleEvents: lacking('event-select'),
  WSAEnumNetworkEvents: lacking('event-select'),
  WSACloseEvent: lacking('event-select'),
  // Nor queues procedure calls to a thread: a signal is delivered to the process, not to a wait of one thread.
  queueApc: lacking('apc'),
  // Nor has it windows to post messages to.
  createMessageWindow: lacking('async-select'),
  WSAAsyncSelect: lacking('async-select'),
  waitForMessage: lacking('async-select'),
  // ConnectEx is an extension function of Winsock's providers; POSIX connects with connect() alone and has no OVERLAPPED.
  ConnectEx: lacking('overlapped-io'),
  WSAGetOverlappedResult: lacking('overlapped-io'),
};

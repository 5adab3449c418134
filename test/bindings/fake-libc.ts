/**
 * A stand-in for the host's libc behind the Libc interface: plain functions
 * that record what they receive and do what a test scripts, with an errno
 * store behind errno() / setErrno(). Tests of the libc binding drive it to
 * check the C-level contract (numbers, buffer layouts, NULLs, the order of
 * calls) without koffi or a real kernel. It has Linux's numbers, whatever
 * the machine running the tests.
 */
import { hostAbi } from '../../harness/common/net/host-abi.js';
import type { Libc } from '../../harness/common/net/libc.js';
import { ScriptedFake, snapshot, type LoggedCall } from './scripted-fake.js';

export { bufferArg } from './scripted-fake.js';

/** The functions a test can script: every one of Libc but the errno pair and the version. */
export type LibcFunction = Exclude<keyof Libc, 'abi' | 'errno' | 'setErrno' | 'errnoNumbers' | 'version'>;
export type RecordedFunction = LibcFunction | 'setErrno';

export const LINUX = hostAbi('linux', 'LE');

/** Linux's numbers of the errno values the tests use: the fake's errnoNumbers, whatever the host. */
export const LINUX_ERRNO = {
  EPERM: 1,
  EBADF: 9,
  EAGAIN: 11,
  EWOULDBLOCK: 11,
  EFAULT: 14,
  EINVAL: 22,
  EPIPE: 32,
  ENOTSOCK: 88,
  EDESTADDRREQ: 89,
  EOPNOTSUPP: 95,
  ENOTSUP: 95,
  EAFNOSUPPORT: 97,
  EISCONN: 106,
  ECONNREFUSED: 111,
  EALREADY: 114,
  EINPROGRESS: 115,
} as const;

export interface RecordedCall extends LoggedCall<RecordedFunction> {
  /** errno when the call was entered. */
  readonly errnoOnEntry: number;
}

/** What a scripted function does, given the live arguments (it may write into their Buffers) and the fake. */
export type Behaviour = (args: readonly unknown[], fake: FakeLibc) => number;

export const FAILED = -1;

/** Unscripted functions return 0 and leave errno alone; fcntl(F_GETFD) fails with EBADF but on ownDescriptors. */
export class FakeLibc extends ScriptedFake<LibcFunction, RecordedFunction, RecordedCall, Behaviour> {
  errno = 0;
  /** Descriptors open in the process that are not the case's sockets (its stdio, Node's event loop). */
  readonly ownDescriptors = new Set<number>([0, 1, 2]);
  readonly libc: Libc;

  /** `version`: what gnu_get_libc_version says, or null for a C library without it. */
  constructor(version: string | null = '2.36') {
    super();
    const fn =
      (name: LibcFunction) =>
      (...args: unknown[]): number => {
        this.record(name, args);
        const behaviour = this.behaviours.get(name) ?? this.defaultBehaviour(name);
        return behaviour(args, this);
      };
    this.libc = {
      abi: LINUX,
      socket: fn('socket'),
      close: fn('close'),
      bind: fn('bind'),
      connect: fn('connect'),
      listen: fn('listen'),
      accept: fn('accept'),
      getsockname: fn('getsockname'),
      getpeername: fn('getpeername'),
      send: fn('send'),
      recv: fn('recv'),
      sendto: fn('sendto'),
      recvfrom: fn('recvfrom'),
      setsockopt: fn('setsockopt'),
      getsockopt: fn('getsockopt'),
      shutdown: fn('shutdown'),
      select: fn('select'),
      fcntl: fn('fcntl'),
      ioctl: fn('ioctl'),
      errno: () => this.errno,
      setErrno: (value) => {
        this.record('setErrno', [value]);
        this.errno = value;
      },
      errnoNumbers: LINUX_ERRNO,
      version: () => version ?? undefined,
    };
  }

  /** The names of the functions called, in order, leaving out the descriptor checks (fcntl F_GETFD). */
  sequence(): RecordedFunction[] {
    return this.calls.filter((call) => !isDescriptorCheck(call)).map((call) => call.name);
  }

  private defaultBehaviour(name: LibcFunction): Behaviour {
    if (name !== 'fcntl') return () => 0;
    return ([fd, command], fake) => {
      if (command !== LINUX.constants.F_GETFD) return 0;
      return fake.ownDescriptors.has(Number(fd)) ? 0 : failingWith(LINUX_ERRNO.EBADF)([], fake);
    };
  }

  private record(name: RecordedFunction, args: readonly unknown[]): void {
    this.calls.push({ name, args: args.map(snapshot), errnoOnEntry: this.errno });
  }
}

function isDescriptorCheck(call: RecordedCall): boolean {
  return call.name === 'fcntl' && call.args[1] === LINUX.constants.F_GETFD;
}

/** Returns `value` and leaves errno as it is. */
export function returning(value: number): Behaviour {
  return () => value;
}

/** Fails as libc does: sets errno and returns -1. */
export function failingWith(errno: number): Behaviour {
  return (_args, fake) => {
    fake.errno = errno;
    return FAILED;
  };
}

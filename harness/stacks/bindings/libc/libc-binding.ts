/**
 * The libc binding of the worker: makes each call of the case language as
 * the POSIX call calls.ts translates it to, through the host's libc, and
 * keeps every descriptor a case opened so that `reset` closes them on every
 * path.
 */
import { nameArgument, withNameOutput } from '../../../language/calls/address-buffers.js';
import { ArgumentError, INVALID_SOCKET, readArgs, type RawArgs } from '../../../language/calls/arguments.js';
import type { SocketHandle } from '../../../language/calls/declaration.js';
import { providerCallNamed } from '../../../language/calls/index.js';
import { hostFamilies, type HostConstantName } from '../../../common/net/host-abi.js';
import type { Libc } from '../../../common/net/libc.js';
import type { FamilyNumbers, SockAddr } from '../../../common/net/sockaddr.js';
import type { Observation } from '../../../language/calls/observation.js';
import { CAPABILITIES } from '../../../language/vocabulary/capabilities.js';
import { CONSTANTS, winsockConstant, type ConstantGroup } from '../../../language/vocabulary/constants.js';
import { Unsupported, type WorkerBinding } from '../../worker/binding.js';
import type { ProviderInfo } from '../../worker/protocol.js';
import { isLacking } from '../binding-table.js';
import { LIBC_CALLS } from './calls.js';
import type { LibcContext } from './context.js';
import { ErrnoNames } from './errno-names.js';
import { hostConstant, WINSOCK_ONLY_GROUPS } from './translation.js';

const FAILED = -1;
/** The largest descriptor: an int. */
const MAX_DESCRIPTOR = 0x7fffffff;

export class LibcBinding implements WorkerBinding, LibcContext {
  private readonly open = new Set<number>();
  private readonly errnos: ErrnoNames;
  private readonly families: FamilyNumbers;

  constructor(
    readonly libc: Libc,
    private readonly describe: () => ProviderInfo,
  ) {
    this.errnos = new ErrnoNames(libc.errnoNumbers);
    this.families = hostFamilies(libc.abi);
  }

  call(name: string, raw: RawArgs): Observation {
    const declaration = providerCallNamed(name);
    if (declaration === undefined) throw new ArgumentError(`unknown call ${name}`);
    const translation = LIBC_CALLS[declaration.name];
    if (isLacking(translation)) throw new Unsupported(`${name} has no POSIX counterpart: the libc binding lacks ${CAPABILITIES[translation.lacks]}`);
    return translation.perform(this, readArgs(declaration.args, raw, (group, constant) => this.constant(group, constant)));
  }

  reset(): number {
    const count = this.open.size;
    for (const fd of this.open) this.libc.close(fd);
    this.open.clear();
    return count;
  }

  info(): ProviderInfo {
    return this.describe();
  }

  host(name: HostConstantName): number {
    return this.libc.abi.constants[name];
  }

  /**
   * A case names a socket it opened, INVALID_SOCKET (-1 here), or a number
   * meant to be no socket at all. Such a number that is open in this very
   * process is one of the worker's own descriptors (its pipes to the runner,
   * Node's event loop): passing it on could close or write to the worker's
   * link, so it is refused (SKIP) instead.
   */
  descriptor(s: SocketHandle): number {
    if (s === INVALID_SOCKET) return FAILED;
    if (typeof s !== 'number' || s > MAX_DESCRIPTOR) throw new ArgumentError(`argument s: ${String(s)} cannot be a descriptor (an int)`);
    if (this.open.has(s)) return s;
    if (this.libc.fcntl(s, this.host('F_GETFD'), 0) !== FAILED) {
      throw new Unsupported(`descriptor ${s} is one of the worker's own (not a socket of this case); the libc binding does not pass it on`);
    }
    return s;
  }

  int(call: () => number): Observation {
    this.libc.setErrno(0);
    const returns = Number(call());
    const errno = this.libc.errno();
    if (returns !== FAILED) return { returns };
    return { returns: 'SOCKET_ERROR', error: this.errnos.describe(errno) };
  }

  newSocket(call: () => number): Observation {
    this.libc.setErrno(0);
    const fd = Number(call());
    const errno = this.libc.errno();
    if (fd === FAILED) return { returns: 'INVALID_SOCKET', error: this.errnos.describe(errno) };
    this.open.add(fd);
    return { returns: 'socket', handle: fd };
  }

  closed(fd: number): void {
    this.open.delete(fd);
  }

  withName(address: SockAddr | null, length: number | undefined, call: (name: Buffer | null, namelen: number) => number): Observation {
    const { buffer, namelen } = nameArgument(address, length, this.families);
    return this.int(() => call(buffer, namelen));
  }

  withNameOut(call: (name: Buffer, namelen: Buffer) => Observation, output = 'name'): Observation {
    return withNameOutput(this.families, call, output);
  }

  errnoValue(errno: number): number | string {
    return this.errnos.asWinsockCode(errno);
  }

  /** Constant names become the host's numbers; ioctlsocket's commands stay Winsock's, for calls.ts to translate. */
  private constant(group: ConstantGroup, name: string): number | undefined {
    if (group === 'ioctlCommand') return winsockConstant(group, name);
    if (isWinsockOnly(group)) throw new Unsupported(`${name} belongs to Winsock (${CONSTANTS[group].description.toLowerCase()}); POSIX has no counterpart`);
    return hostConstant(this.libc.abi, group, name);
  }
}

function isWinsockOnly(group: ConstantGroup): group is (typeof WINSOCK_ONLY_GROUPS)[number] {
  return (WINSOCK_ONLY_GROUPS as readonly ConstantGroup[]).includes(group);
}

/**
 * The Winsock binding of the worker: makes each call as its declaration says,
 * against ws2_32 (Wine's or Windows'), and keeps what a case must not leave
 * behind — every socket it opened, and every WSAStartup or WSACleanup it made
 * — so that `reset` restores a clean state on every path.
 */
import { readArgs, ArgumentError, INVALID_SOCKET, type RawArgs } from '../../calls/arguments.js';
import { nameArgument, withNameOutput } from '../../calls/address-buffers.js';
import { callNamed, isProviderCall } from '../../calls/index.js';
import type { NativeFunction, SocketHandle, WinsockContext } from '../../calls/declaration.js';
import type { FamilyNumbers, SockAddr } from '../../net/sockaddr.js';
import type { Observation } from '../../results/result.js';
import { winsockConstant } from '../../vocabulary/constants.js';
import { wsaErrorName } from '../../vocabulary/errors.js';
import type { ProviderInfo } from '../../worker/protocol.js';
import type { WorkerBinding } from '../../worker/binding.js';
import type { Ws2_32 } from './ws2-32.js';

const SOCKET_ERROR = -1;
const WINSOCK_FAMILIES: FamilyNumbers = { AF_UNSPEC: 0, AF_INET: 2, AF_INET6: 23 };
/** The version the worker starts Winsock with for its own use. */
const WINSOCK_2_2 = 0x0202;
const WSADATA_SIZE = 512;

/** Set before each call, so that a failing call that leaves the error untouched is visible. */
export const LAST_ERROR_SENTINEL = 0xdeadbeef | 0;

export class WinsockBinding implements WorkerBinding, WinsockContext {
  private readonly open = new Set<number>();
  /** WSAStartup minus WSACleanup made by the current case's steps. */
  private startups = 0;

  constructor(
    private readonly ws2: Ws2_32,
    private readonly describe: () => ProviderInfo,
  ) {}

  /** Starts Winsock for the worker's own use; the cases' WSAStartup and WSACleanup steps count from there. */
  start(): void {
    const code = Number(this.fn('WSAStartup')(WINSOCK_2_2, Buffer.alloc(WSADATA_SIZE)));
    if (code !== 0) throw new Error(`WSAStartup(2.2) failed with ${this.errorName(code)}`);
  }

  call(name: string, raw: RawArgs): Observation {
    const declaration = callNamed(name);
    if (declaration === undefined || !isProviderCall(declaration)) throw new ArgumentError(`unknown call ${name}`);
    return declaration.winsock.perform(this, readArgs(declaration.args, raw, winsockConstant));
  }

  reset(): number {
    // A case that cleaned Winsock up must get it back before its sockets can be closed.
    for (; this.startups < 0; this.startups++) this.fn('WSAStartup')(WINSOCK_2_2, Buffer.alloc(WSADATA_SIZE));
    const count = this.open.size;
    for (const s of this.open) this.fn('closesocket')(s);
    this.open.clear();
    for (; this.startups > 0; this.startups--) this.fn('WSACleanup')();
    return count;
  }

  info(): ProviderInfo {
    return this.describe();
  }

  fn(name: string): NativeFunction {
    const fn = this.ws2.functions.get(name);
    if (fn === undefined) throw new Error(`ws2_32 function ${name} is not declared by any call`);
    return fn;
  }

  int(call: () => unknown): Observation {
    this.ws2.WSASetLastError(LAST_ERROR_SENTINEL);
    const returns = Number(call());
    if (returns !== SOCKET_ERROR) return { returns };
    return { returns: 'SOCKET_ERROR', error: this.lastErrorName() };
  }

  newSocket(call: () => unknown): Observation {
    this.ws2.WSASetLastError(LAST_ERROR_SENTINEL);
    const handle = call() as number | bigint;
    if (BigInt(handle) === INVALID_SOCKET) return { returns: 'INVALID_SOCKET', error: this.lastErrorName() };
    this.open.add(Number(handle));
    return { returns: 'socket', handle: Number(handle) };
  }

  closed(s: SocketHandle): void {
    if (typeof s === 'number') this.open.delete(s);
  }

  withName(address: SockAddr | null, length: number | undefined, call: (name: Buffer | null, namelen: number) => unknown): Observation {
    const { buffer, namelen } = nameArgument(address, length, WINSOCK_FAMILIES);
    return this.int(() => call(buffer, namelen));
  }

  withNameOut(call: (name: Buffer, namelen: Buffer) => Observation, output = 'name'): Observation {
    return withNameOutput(WINSOCK_FAMILIES, call, output);
  }

  startupCounted(change: 1 | -1): void {
    this.startups += change;
  }

  errorName(code: number): string {
    return wsaErrorName(code);
  }

  private lastErrorName(): string {
    const code = this.ws2.WSAGetLastError();
    return code === LAST_ERROR_SENTINEL ? 'unchanged (0xdeadbeef)' : wsaErrorName(code);
  }
}

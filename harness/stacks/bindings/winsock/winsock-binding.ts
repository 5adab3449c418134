/**
 * The Winsock binding of the worker: makes each call as its declaration says,
 * against ws2_32 (Wine's or Windows') and the system DLLs some calls need, and
 * keeps what a case must not leave behind — every socket, event object and
 * window it created, and every WSAStartup or WSACleanup it made — so that
 * `reset` restores a clean state on every path.
 */
import { readArgs, ArgumentError, INVALID_SOCKET, type RawArgs } from '../../../language/calls/arguments.js';
import { nameArgument, withNameOutput } from '../../../language/calls/address-buffers.js';
import { CALLS, isProviderCall, providerCallNamed } from '../../../language/calls/index.js';
import { RESOURCE_RETURNS, type Handle, type NativeFunction, type ResourceKind, type WinsockContext } from '../../../language/calls/declaration.js';
import { WINSOCK_FAMILIES, type SockAddr } from '../../../common/net/sockaddr.js';
import type { Observation } from '../../../language/calls/observation.js';
import { winsockConstant } from '../../../language/vocabulary/constants.js';
import { wsaErrorName } from '../../../language/vocabulary/errors.js';
import type { ProviderInfo } from '../../worker/protocol.js';
import { Unsupported, type WorkerBinding } from '../../worker/binding.js';
import type { NativeBlock, Ws2_32 } from './ws2-32.js';

const SOCKET_ERROR = -1;
/** The version the worker starts Winsock with for its own use. */
const WINSOCK_2_2 = 0x0202;
const WSADATA_SIZE = 512;

/** Set before each call, so that a failing call that leaves the error untouched is visible. */
export const LAST_ERROR_SENTINEL = 0xdeadbeef | 0;

/** What a call that creates each kind of resource returns when it fails: INVALID_SOCKET, or NULL. */
const FAILED_HANDLE: { readonly [K in ResourceKind]: bigint } = { socket: INVALID_SOCKET, event: 0n, window: 0n };

/**
 * The order `reset` releases resources in: sockets first, since closing a
 * socket ends its WSAEventSelect or WSAAsyncSelect, so nothing signals an
 * event or posts to a window any more once they go.
 */
const RELEASE_ORDER: readonly ResourceKind[] = ['socket', 'event', 'window'];

const WAIT_RESULTS: ReadonlyMap<number, string> = new Map([
  [0x102, 'WSA_WAIT_TIMEOUT'],
  [0xc0, 'WSA_WAIT_IO_COMPLETION'],
]);
const WAIT_FAILED = 0xffffffff;

type Release = (ws: WinsockContext, handle: number) => void;

/** How each kind of resource is released: as the declaration of a call that creates it says. */
export const RELEASES: ReadonlyMap<ResourceKind, Release> = new Map(
  CALLS.filter(isProviderCall).flatMap((call): [ResourceKind, Release][] =>
    call.creates !== undefined && call.winsock.release !== undefined ? [[call.creates, call.winsock.release]] : [],
  ),
);

/** SIO_GET_EXTENSION_FUNCTION_POINTER (mswsock.h): _WSAIORW(IOC_WS2, 6). */
const SIO_GET_EXTENSION_FUNCTION_POINTER = 0xc8000006;
/** An OVERLAPPED on 64-bit Windows: Internal, InternalHigh, Offset and OffsetHigh, then hEvent. */
const OVERLAPPED_SIZE = 32;
const OVERLAPPED_EVENT_OFFSET = 24;
/** A WSABUF on 64-bit Windows: ULONG len, 4 bytes of padding, then the pointer buf. */
const WSABUF_SIZE = 16;
const WSABUF_LEN_OFFSET = 0;
const WSABUF_BUF_OFFSET = 8;

export class WinsockBinding implements WorkerBinding, WinsockContext {
  private readonly open: { readonly [K in ResourceKind]: Set<number> } = { socket: new Set(), event: new Set(), window: new Set() };
  /** The OVERLAPPEDs the current case passed, by number less one. */
  private overlappeds: Buffer[] = [];
  /**
   * Every OVERLAPPED any case passed, kept for the worker's life: an
   * operation a case left pending may complete, and be written, after it.
   */
  private readonly retained: Buffer[] = [];
  /**
   * The WSABUFs the current case passed, by number less one, each with the
   * buffer it points at (none for a NULL buf): freed when the case ends,
   * once its sockets are closed and no provider can write them any more.
   */
  private wsabufs: { readonly wsabuf: NativeBlock; readonly buffer: NativeBlock | null }[] = [];
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
    const declaration = providerCallNamed(name);
    if (declaration === undefined) throw new ArgumentError(`unknown call ${name}`);
    return declaration.winsock.perform(this, readArgs(declaration.args, raw, winsockConstant));
  }

  reset(): number {
    // A case that cleaned Winsock up must get it back before its sockets can be closed.
    for (; this.startups < 0; this.startups++) this.fn('WSAStartup')(WINSOCK_2_2, Buffer.alloc(WSADATA_SIZE));
    const sockets = this.open.socket.size;
    for (const kind of RELEASE_ORDER) {
      for (const handle of this.open[kind]) this.release(kind, handle);
      this.open[kind].clear();
    }
    for (; this.startups > 0; this.startups--) this.fn('WSACleanup')();
    this.overlappeds = [];
    for (const { wsabuf, buffer } of this.wsabufs) {
      this.ws2.memory.free(wsabuf);
      if (buffer !== null) this.ws2.memory.free(buffer);
    }
    this.wsabufs = [];
    return sockets;
  }

  info(): ProviderInfo {
    return this.describe();
  }

  fn(name: string): NativeFunction {
    const fn = this.ws2.functions.get(name);
    if (fn !== undefined) return fn;
    // The case cannot be made on this stack: SKIP, with which function it lacks.
    const missing = this.ws2.missing.get(name);
    if (missing !== undefined) throw new Unsupported(missing);
    throw new Error(`ws2_32 function ${name} is not declared by any call`);
  }

  resolve(host: string): readonly string[] {
    return this.ws2.resolve(host);
  }

  socketAddressList(names: readonly Buffer[]): unknown {
    return this.ws2.socketAddressList(names);
  }

  int(call: () => unknown): Observation {
    this.ws2.WSASetLastError(LAST_ERROR_SENTINEL);
    const returns = Number(call());
    if (returns !== SOCKET_ERROR) return { returns };
    return { returns: 'SOCKET_ERROR', error: this.lastErrorName() };
  }

  created(kind: ResourceKind, call: () => unknown): Observation {
    this.ws2.WSASetLastError(LAST_ERROR_SENTINEL);
    const handle = call() as Handle;
    if (BigInt(handle) === FAILED_HANDLE[kind]) return { returns: RESOURCE_RETURNS[kind].failed, error: this.lastErrorName() };
    this.open[kind].add(Number(handle));
    return { returns: RESOURCE_RETURNS[kind].created, handle: Number(handle) };
  }

  released(kind: ResourceKind, handle: Handle): void {
    if (typeof handle === 'number') this.open[kind].delete(handle);
  }

  bool(call: () => unknown): Observation {
    this.ws2.WSASetLastError(LAST_ERROR_SENTINEL);
    if (Number(call()) !== 0) return { returns: 'TRUE' };
    return { returns: 'FALSE', error: this.lastErrorName() };
  }

  wait(call: () => unknown): Observation {
    this.ws2.WSASetLastError(LAST_ERROR_SENTINEL);
    const result = Number(call()) >>> 0;
    if (result === WAIT_FAILED) return { returns: 'WSA_WAIT_FAILED', error: this.lastErrorName() };
    return { returns: WAIT_RESULTS.get(result) ?? result };
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

  extensionFunction(s: Handle, guid: Buffer, prototype: string): NativeFunction | { readonly failed: Observation } {
    const pointer = Buffer.alloc(8);
    const lookup = this.int(() => this.fn('WSAIoctl')(s, SIO_GET_EXTENSION_FUNCTION_POINTER, guid, guid.length, pointer, pointer.length, Buffer.alloc(4), null, null));
    if (lookup.returns !== 0) return { failed: lookup };
    return this.ws2.through(pointer.readBigUInt64LE(0), prototype);
  }

  newOverlapped(event: Handle): { readonly number: number; readonly buffer: Buffer } {
    const buffer = Buffer.alloc(OVERLAPPED_SIZE);
    buffer.writeBigUInt64LE(BigInt(event), OVERLAPPED_EVENT_OFFSET);
    this.overlappeds.push(buffer);
    this.retained.push(buffer);
    return { number: this.overlappeds.length, buffer };
  }

  passedOverlapped(number: number): Buffer {
    const buffer = this.overlappeds[number - 1];
    if (buffer === undefined) throw new ArgumentError(`argument overlapped: this case passed ${this.overlappeds.length} OVERLAPPED(s), not a number ${number}`);
    return buffer;
  }

  newWsabuf(length: number): { readonly number: number; readonly pointer: unknown } {
    const buffer = length === 0 ? null : this.ws2.memory.alloc(length);
    const wsabuf = this.ws2.memory.alloc(WSABUF_SIZE);
    wsabuf.bytes.writeUInt32LE(length, WSABUF_LEN_OFFSET);
    wsabuf.bytes.writeBigUInt64LE(buffer?.address ?? 0n, WSABUF_BUF_OFFSET);
    this.wsabufs.push({ wsabuf, buffer });
    return { number: this.wsabufs.length, pointer: wsabuf.pointer };
  }

  passedWsabuf(number: number): { readonly len: number } {
    const passed = this.wsabufs[number - 1];
    if (passed === undefined) throw new ArgumentError(`argument wsabuf: this case passed ${this.wsabufs.length} WSABUF(s), not a number ${number}`);
    return { len: passed.wsabuf.bytes.readUInt32LE(WSABUF_LEN_OFFSET) };
  }

  /** Releases what a case left, as the declaration of the call that made it says. */
  private release(kind: ResourceKind, handle: number): void {
    const release = RELEASES.get(kind);
    if (release === undefined) throw new Error(`no call says how to release a ${kind}`);
    release(this, handle);
  }

  private lastErrorName(): string {
    const code = this.ws2.WSAGetLastError();
    return code === LAST_ERROR_SENTINEL ? 'unchanged (0xdeadbeef)' : wsaErrorName(code);
  }
}

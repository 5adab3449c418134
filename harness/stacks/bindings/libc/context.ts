/**
 * What the libc binding offers each call's translation (calls.ts): the
 * host's libc and numbers, and the conventions every call shares — here
 * errno is cleared before the call, read right after it and named as
 * Winsock names errors, and a descriptor is what is tracked.
 */
import type { CallConventions } from '../../../language/calls/call-conventions.js';
import type { SocketHandle } from '../../../language/calls/declaration.js';
import type { HostConstantName } from '../../../common/net/host-abi.js';
import type { Libc } from '../../../common/net/libc.js';

export interface LibcContext extends CallConventions<number, number> {
  readonly libc: Libc;
  /** The host's number for a C constant. */
  host(name: HostConstantName): number;
  /** The descriptor to pass for a case's socket; INVALID_SOCKET is -1. */
  descriptor(s: SocketHandle): number;
  /** An errno held as a value (SO_ERROR), as the Winsock error code cases compare with. */
  errnoValue(errno: number): number | string;
}

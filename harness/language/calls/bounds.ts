/**
 * The ranges of the numbers a case writes, each as the C parameter or field
 * it becomes really takes it: the one source for the case schema (so `lint`
 * refuses a number out of range at file:line:column) and for the argument
 * readers (so nothing lint accepts fails at run time for being out of range).
 * koffi wraps an out-of-range number silently (2^32 passed as an int is 0),
 * so a bound is also what keeps a case from testing another value than the
 * one it wrote.
 */
import type { ConstantGroup } from '../vocabulary/constants.js';

/** An inclusive range of integers. */
export interface Bounds {
  readonly minimum: number;
  readonly maximum: number;
}

/** A C `int` (and Windows' 32-bit `long`). */
export const INT_BOUNDS: Bounds = { minimum: -(2 ** 31), maximum: 2 ** 31 - 1 };
/** A non-negative C `int`: the counts and sizes Winsock takes as int. */
export const COUNT_BOUNDS: Bounds = { minimum: 0, maximum: 2 ** 31 - 1 };
/** A `u_long`/`ULONG`/`DWORD`: 32 bits, unsigned. */
export const ULONG_BOUNDS: Bounds = { minimum: 0, maximum: 2 ** 32 - 1 };
/** 32 bits written either way: signed (`-2147195266`) or unsigned (`0x8004667e`), as bit masks and ioctl codes are. */
export const BITS32_BOUNDS: Bounds = { minimum: -(2 ** 31), maximum: 2 ** 32 - 1 };
/** A `u_short`: a port, a WORD, a `sa_family`. */
export const USHORT_BOUNDS: Bounds = { minimum: 0, maximum: 0xffff };
/** A raw handle or descriptor value: any a JavaScript number holds exactly (SOCKET, HANDLE and HWND are pointer-sized). */
export const HANDLE_BOUNDS: Bounds = { minimum: 0, maximum: Number.MAX_SAFE_INTEGER };

/** Upper bound of any length a case gives (namelen, buffer sizes): enough for every test, small enough to allocate. */
export const MAX_LENGTH = 64 * 1024;
export const LENGTH_BOUNDS: Bounds = { minimum: 0, maximum: MAX_LENGTH };

/** The longest select a case may ask for: an hour. */
export const SELECT_TIMEOUT_BOUNDS: Bounds = { minimum: 0, maximum: 3_600_000 };
/** The longest wait for an event or a window message: a minute, longer than any case's default time limit. */
export const WAIT_BOUNDS: Bounds = { minimum: 0, maximum: 60_000 };

/** How a constant group's number is passed: most are `int`s; ioctl commands, groups and event masks are 32-bit words. */
export const CONSTANT_BOUNDS: { readonly [G in ConstantGroup]: Bounds } = {
  addressFamily: INT_BOUNDS,
  socketType: INT_BOUNDS,
  protocol: INT_BOUNDS,
  optionLevel: INT_BOUNDS,
  socketOption: INT_BOUNDS,
  ioctlCommand: BITS32_BOUNDS,
  shutdownHow: INT_BOUNDS,
  messageFlags: INT_BOUNDS,
  socketGroup: BITS32_BOUNDS,
  networkEvent: BITS32_BOUNDS,
};

export function withinBounds(value: number, bounds: Bounds): boolean {
  return Number.isInteger(value) && value >= bounds.minimum && value <= bounds.maximum;
}

/** `0 to 65536`, for messages. */
export function describeBounds(bounds: Bounds): string {
  return `${bounds.minimum} to ${bounds.maximum}`;
}

/** The JSON Schema of an integer within `bounds`. */
export function boundedInteger(description: string, bounds: Bounds): { readonly description: string; readonly type: 'integer'; readonly minimum: number; readonly maximum: number } {
  return { description, type: 'integer', minimum: bounds.minimum, maximum: bounds.maximum };
}

/**
 * Reading a call's arguments, as the runner sends them (references already
 * resolved, symbolic constants still by name), into what a C caller passes.
 */
import type { SockAddr } from '../net/sockaddr.js';

export type Args = Readonly<Record<string, unknown>>;

export class ArgumentError extends Error {}

export const INVALID_SOCKET = 2n ** 64n - 1n;

export function constant(args: Args, name: string, table: Readonly<Record<string, number>>, fallback?: number): number {
  const value = args[name] ?? fallback;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && Object.hasOwn(table, value)) return table[value] as number;
  throw new ArgumentError(`argument ${name}: expected a number or a known constant, got ${JSON.stringify(value)}`);
}

export function integer(args: Args, name: string, fallback?: number): number {
  const value = args[name] ?? fallback;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new ArgumentError(`argument ${name}: expected an integer, got ${JSON.stringify(value)}`);
}

/** A size or count: an integer from 0 to `max`. */
export function count(args: Args, name: string, max: number, fallback?: number): number {
  const value = integer(args, name, fallback);
  if (value < 0 || value > max) throw new ArgumentError(`argument ${name}: expected 0 to ${max}, got ${value}`);
  return value;
}

export function flag(args: Args, name: string): boolean {
  const value = args[name] ?? false;
  if (typeof value === 'boolean') return value;
  throw new ArgumentError(`argument ${name}: expected true or false, got ${JSON.stringify(value)}`);
}

export function text(args: Args, name: string, fallback?: string): string {
  const value = args[name] ?? fallback;
  if (typeof value === 'string') return value;
  throw new ArgumentError(`argument ${name}: expected text, got ${JSON.stringify(value)}`);
}

/** A socket handle: a number (a handle from an earlier step, or a bogus one), or INVALID_SOCKET by name. */
export function socketHandle(args: Args, name = 's'): number | bigint {
  const value = args[name];
  if (value === 'INVALID_SOCKET') return INVALID_SOCKET;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new ArgumentError(`argument ${name}: expected a socket, got ${JSON.stringify(value)}`);
}

/** A socket address, or null for a NULL pointer. */
export function sockaddr(args: Args, name: string): SockAddr | null {
  const value = args[name];
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && 'address' in value && 'port' in value && 'family' in value) {
    return value as SockAddr;
  }
  throw new ArgumentError(`argument ${name}: expected a socket address { family, address, port }, got ${JSON.stringify(value)}`);
}

export function optionalObject(args: Args, name: string): Readonly<Record<string, unknown>> | null {
  const value = args[name];
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new ArgumentError(`argument ${name}: expected an object or null, got ${JSON.stringify(value)}`);
}

/** Checks the readers of several kinds share: each throws ArgumentError naming the argument and what it expected. */
import { describeBounds, HANDLE_BOUNDS, withinBounds, type Bounds } from '../bounds.js';
import { ArgumentError } from './kind.js';

export function readInteger(value: unknown, name: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new ArgumentError(`argument ${name}: expected an integer, got ${JSON.stringify(value)}`);
}

/** An integer within `bounds`. */
export function readBounded(value: unknown, name: string, bounds: Bounds): number {
  const number = readInteger(value, name);
  if (!withinBounds(number, bounds)) throw new ArgumentError(`argument ${name}: expected ${describeBounds(bounds)}, got ${number}`);
  return number;
}

export function readText(value: unknown, name: string): string {
  if (typeof value === 'string') return value;
  throw new ArgumentError(`argument ${name}: expected text, got ${JSON.stringify(value)}`);
}

/** A handle kept with `as` (a number), or a raw number for a handle that is not one. */
export function readHandle(value: unknown, name: string, what: string): number {
  if (typeof value === 'number' && withinBounds(value, HANDLE_BOUNDS)) return value;
  throw new ArgumentError(`argument ${name}: expected ${what}, got ${JSON.stringify(value)}`);
}

/** A field of an object argument; an argument that is not an object (or is an array) is refused. */
export function objectField(value: unknown, name: string, field: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ArgumentError(`argument ${name}: expected an object or null, got ${JSON.stringify(value)}`);
  }
  return Object.hasOwn(value, field) ? (value as Record<string, unknown>)[field] : undefined;
}

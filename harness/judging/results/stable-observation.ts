/**
 * An observation without what differs from run to run although nothing
 * changed: socket handles (a created socket's `handle`, the `socket` a posted
 * message names), and ports (every peer and every implicit bind gets a new
 * ephemeral port). Two runs behaved alike at a step when their stable
 * observations are equal. Port 0 is kept: it means "not bound", which is
 * behaviour.
 */
import { canonicalJson } from './fingerprint.js';

/** What a masked value is shown as. */
export const MASKED = '*';

const VOLATILE_KEYS: ReadonlySet<string> = new Set(['handle', 'socket', 'port']);

export function stableObservation<T>(observation: T): T {
  return mask(observation) as T;
}

/** The key two observations are compared by: equal keys, same behaviour. */
export function behaviourKey(observation: unknown): string {
  return canonicalJson(mask(observation));
}

function mask(value: unknown, key?: string): unknown {
  if (key !== undefined && VOLATILE_KEYS.has(key) && typeof value === 'number' && value !== 0) return MASKED;
  if (Array.isArray(value)) return value.map((item) => mask(item));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, mask(inner, field)]));
}

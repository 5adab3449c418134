/**
 * Hashes of what a run was judged with — the case set, the provider's
 * expectations, the Windows references — so that two results files can be
 * told to come from the same inputs or not. The hash is over the canonical
 * JSON of the entries (keys sorted, no white space), with where each entry is
 * written (file, line, column) left out: moving a case within its file, or
 * re-indenting it, is not a change of the case set.
 */
import { createHash } from 'node:crypto';
import type { InputFingerprint } from './result.js';

/** The key under which the loaders keep an entry's place in its file. */
const LOCATION_KEY = 'location';

export function fingerprint(entries: readonly object[]): InputFingerprint {
  const sha256 = createHash('sha256').update(canonicalJson(entries.map(withoutLocations))).digest('hex');
  return { count: entries.length, sha256 };
}

/** JSON with every object's keys sorted and no white space; undefined fields are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value));
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, sortedKeys(record[key])]),
  );
}

function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== LOCATION_KEY)
      .map(([key, field]) => [key, withoutLocations(field)]),
  );
}

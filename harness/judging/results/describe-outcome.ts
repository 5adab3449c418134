/**
 * Compact, packetdrill-like text for what a call was documented to do and
 * what it did: `SOCKET_ERROR WSAEWOULDBLOCK`, `0 name=127.0.0.1:5000`.
 * Console, JUnit and HTML all render through here, so a given outcome reads
 * the same in every report.
 */
import type { Outcome } from '../../language/cases/case.js';
import type { Observation } from './result.js';
import { MASKED } from './stable-observation.js';

/** Anything keyed like an outcome: a documented Outcome, a recorded one, or an Observation. */
export type OutcomeLike = Outcome | Observation;

/** One piece of a described outcome; `key` lets the HTML report highlight the pieces that differ. */
export interface OutcomePart {
  readonly key: string;
  readonly text: string;
}

/**
 * `returns` and `error` are shown bare, first, in that order (they are what a
 * reader looks for); every other key is an output and shown as `key=value`.
 */
const BARE_KEYS = ['returns', 'error'] as const;

export function describeOutcomeParts(outcome: OutcomeLike): OutcomePart[] {
  const parts: OutcomePart[] = [];
  for (const key of BARE_KEYS) {
    const value: unknown = outcome[key];
    if (value !== undefined) parts.push({ key, text: describeValue(value) });
  }
  for (const [key, value] of Object.entries(outcome)) {
    if ((BARE_KEYS as readonly string[]).includes(key) || value === undefined) continue;
    parts.push({ key, text: `${key}=${describeValue(value)}` });
  }
  return parts;
}

export function describeOutcome(outcome: OutcomeLike): string {
  const parts = describeOutcomeParts(outcome);
  return parts.length === 0 ? '(nothing)' : parts.map((part) => part.text).join(' ');
}

/** The documented alternatives of a check; a set-up step has none and must merely succeed. */
export function describeExpected(expected: readonly Outcome[]): string {
  if (expected.length === 0) return 'success (set-up step)';
  return expected.map(describeOutcome).join(' or ');
}

/** `WSAConnect(s=3, name=127.0.0.1:5000, namelen=16)`. */
export function describeCall(call: string, args: { readonly [name: string]: unknown }): string {
  const rendered = Object.entries(args)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${describeValue(value)}`);
  return `${call}(${rendered.join(', ')})`;
}

/**
 * One value, compactly. Strings are bare unless quoting is needed to keep
 * the surrounding `a b key=c` form unambiguous (empty, or holding spaces,
 * quotes or control characters).
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"'=]+$/u.test(value) ? value : JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  const record = value as { readonly [key: string]: unknown };
  // The negation matcher of harness/judging/verdicts/match.ts: `{ not: v }`.
  if (Object.keys(record).length === 1 && 'not' in record) return `not(${describeValue(record.not)})`;
  const address = describeSocketAddress(record);
  if (address !== undefined) return address;
  const fields = Object.entries(record)
    .filter(([, field]) => field !== undefined)
    .map(([key, field]) => `${key}=${describeValue(field)}`);
  return `{${fields.join(', ')}}`;
}

/**
 * A socket address (`{ family?, address, port }`) as people write it:
 * `127.0.0.1:5000`, `[::1]:5000`. Anything with more fields than these is
 * not just an address and falls back to the generic form.
 */
function describeSocketAddress(record: { readonly [key: string]: unknown }): string | undefined {
  const { address, port, family, ...rest } = record;
  // A port masked for comparing runs (stable-observation.ts) still reads as an address: `127.0.0.1:*`.
  if (typeof address !== 'string' || (typeof port !== 'number' && port !== MASKED) || Object.keys(rest).length > 0) return undefined;
  if (family !== undefined && typeof family !== 'string') return undefined;
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

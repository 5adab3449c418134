/**
 * Compares what a call did with what the page documents. Expectations are
 * partial: keys an outcome does not name are not compared.
 *   plain value   equal
 *   { not: v }    anything that does not match v
 *   object        each named key matches
 *   list          same length, each element matches
 * Returns undefined on a match, else a short description of the first difference.
 */
import type { Outcome, Value } from '../../language/cases/case.js';

export function matchValue(expected: Value | undefined, observed: unknown, path = ''): string | undefined {
  const where = path === '' ? '' : `${path}: `;
  if (isNegation(expected)) {
    return matchValue(expected.not, observed, path) === undefined ? `${where}expected anything but ${show(expected.not)}` : undefined;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(observed)) return `${where}expected a list, observed ${show(observed)}`;
    if (observed.length !== expected.length) return `${where}expected ${expected.length} items, observed ${observed.length}`;
    for (const [index, item] of expected.entries()) {
      const mismatch = matchValue(item as Value, observed[index], `${path}[${index}]`);
      if (mismatch) return mismatch;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (observed === null || typeof observed !== 'object') return `${where}expected ${show(expected)}, observed ${show(observed)}`;
    for (const [key, value] of Object.entries(expected)) {
      const mismatch = matchValue(value, (observed as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`);
      if (mismatch) return mismatch;
    }
    return undefined;
  }
  return expected === observed ? undefined : `${where}expected ${show(expected)}, observed ${show(observed)}`;
}

/** How an observation compares with the documented alternatives of a step. */
export type Comparison =
  /** `alternative`: the index of the first documented alternative the observation matches (none for a set-up step). */
  | { readonly matches: true; readonly alternative?: number }
  | {
      readonly matches: false;
      /** Why it matches none of them. */
      readonly mismatch: string;
      /** Keys of the observation that differ from the closest alternative. */
      readonly differingKeys: readonly string[];
    };

export function compareOutcomes(alternatives: readonly Outcome[], observed: Readonly<Record<string, unknown>>): Comparison {
  const mismatches = alternatives.map((outcome) => matchValue(outcome, observed));
  const alternative = mismatches.indexOf(undefined);
  if (alternative !== -1) return { matches: true, alternative };
  const mismatch = mismatches.length === 1 ? (mismatches[0] ?? '') : `matches none of the ${mismatches.length} documented outcomes (${mismatches.join('; ')})`;
  return { matches: false, mismatch, differingKeys: closestDifference(alternatives, observed) };
}

/**
 * A set-up step documents nothing but must succeed: a call fails exactly when
 * it reports an error (SOCKET_ERROR, INVALID_SOCKET, or a status code).
 */
export function compareSetup(observed: Readonly<Record<string, unknown>>): Comparison {
  if (observed['error'] === undefined) return { matches: true };
  const returns = String(observed['returns']);
  return {
    matches: false,
    mismatch: `set-up call failed: ${returns} ${String(observed['error'])}`,
    differingKeys: ['returns', 'error'],
  };
}

/** Fewest differing keys wins; between equals, the alternative that agrees on the return value is the closer one. */
function closestDifference(alternatives: readonly Outcome[], observed: Readonly<Record<string, unknown>>): string[] {
  let closest: { readonly keys: string[]; readonly distance: number } | undefined;
  for (const alternative of alternatives) {
    const keys = Object.entries(alternative)
      .filter(([key, value]) => matchValue(value, observed[key]) !== undefined)
      .map(([key]) => key);
    const distance = keys.length * 2 + (keys.includes('returns') ? 1 : 0);
    if (closest === undefined || distance < closest.distance) closest = { keys, distance };
  }
  return closest?.keys ?? [];
}

function isNegation(value: Value | undefined): value is { readonly not: Value } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && 'not' in value;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Compares what a call did with what the page documents. Expectations are
 * partial: keys an outcome does not name are not compared.
 *   plain value   equal
 *   { not: v }    anything that does not match v
 *   object        each named key matches
 *   list          same length, each element matches
 * Returns undefined on a match, else a short description of the first difference.
 */
import type { Outcome, Value } from '../cases/case.js';

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

/** Undefined when the observation matches any of the documented alternatives. */
export function matchOutcomes(alternatives: readonly Outcome[], observed: unknown): string | undefined {
  const mismatches = alternatives.map((outcome) => matchValue(outcome, observed));
  if (mismatches.some((mismatch) => mismatch === undefined)) return undefined;
  return mismatches.length === 1 ? mismatches[0] : `matches none of the ${mismatches.length} documented outcomes (${mismatches.join('; ')})`;
}

function isNegation(value: Value | undefined): value is { readonly not: Value } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && 'not' in value;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

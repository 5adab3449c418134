/**
 * Which parts of an observation to highlight as not matching the
 * documentation. Each documented key is compared with the harness's own
 * matcher (harness/verdicts/match.ts), so `{ not: … }` and partial
 * outcomes are judged here exactly as the verdict judged them.
 */
import type { Outcome } from '../harness/cases/case.js';
import type { CheckResult, Observation } from '../harness/results/result.js';
import { matchValue } from '../harness/verdicts/match.js';

/** Keys of `observed` that differ from the closest documented alternative; empty for a passed check. */
export function mismatchingKeys(check: CheckResult): ReadonlySet<string> {
  if (check.passed) return new Set();
  if (check.expected.length === 0) return setUpFailureKeys(check.observed);
  let closest: Set<string> | undefined;
  for (const alternative of check.expected) {
    const differing = differingKeys(alternative, check.observed);
    if (closest === undefined || differing.size < closest.size) closest = differing;
  }
  return closest ?? new Set();
}

function differingKeys(documented: Outcome, observed: Observation): Set<string> {
  const differing = new Set<string>();
  for (const [key, value] of Object.entries(documented)) {
    if (matchValue(value, observed[key]) !== undefined) differing.add(key);
  }
  return differing;
}

/** A set-up step has no documented outcome; it failed, so its return value and error are what went wrong. */
function setUpFailureKeys(observed: Observation): Set<string> {
  return new Set(['returns', 'error'].filter((key) => observed[key] !== undefined));
}

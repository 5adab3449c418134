/**
 * Named alternatives (`expect: [{ as: rejected, … }, { as: ignored, … }]`):
 * a name tells results which reading of the page the provider followed, so
 * within a step each name is used once, and a named alternative must still
 * document something — a name alone would match any observation.
 */
import { ALTERNATIVE_NAME_KEY, type Outcome, type SourceLocation } from './case.js';
import { problemAt, type Problem } from '../yaml/problem.js';
import type { RawCase } from './raw-case.js';
import type { DataPath } from '../yaml/source-map.js';

/** `locate` maps a path inside the case (`['steps', 2, 'expect', 1, 'as']`) to its location. */
export function checkAlternativeNames(raw: RawCase, locate: (path: DataPath) => SourceLocation): Problem[] {
  return raw.steps.flatMap((step, stepIndex) => {
    if (step.expect === undefined || !isList(step.expect)) return [];
    const firstByName = new Map<string, number>();
    return step.expect.flatMap((outcome, index): Problem[] => {
      const name = outcome[ALTERNATIVE_NAME_KEY];
      if (typeof name !== 'string') return [];
      const at = locate(['steps', stepIndex, 'expect', index, ALTERNATIVE_NAME_KEY]);
      if (Object.keys(outcome).length === 1) {
        return [problemAt(at, `the alternative "${name}" documents nothing besides its name, so it would match anything; say what it returns`)];
      }
      const first = firstByName.get(name);
      if (first === undefined) {
        firstByName.set(name, index);
        return [];
      }
      return [problemAt(at, `the alternative name "${name}" is already used by alternative ${first + 1} of this step; give each its own`)];
    });
  });
}

function isList(expect: Outcome | readonly Outcome[]): expect is readonly Outcome[] {
  return Array.isArray(expect);
}

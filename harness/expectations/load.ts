/**
 * Loads expectations/<provider>.yaml and checks it against the cases: every
 * entry must name an existing case and step, once. Problems are positioned
 * like those of case files (`file:line:column: message`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Case } from '../cases/case.js';
import { problemAt, type Problem } from '../yaml/problem.js';
import { projectRelative } from '../yaml/project-path.js';
import { schemaProblems } from '../yaml/schema-problems.js';
import { didYouMean } from '../yaml/suggest.js';
import { loadYamlFile } from '../yaml/yaml-file.js';
import type { Deviation } from './deviation.js';
import { expectationsFileSchema } from './schema.js';

export type { Deviation } from './deviation.js';

export interface LoadedExpectations {
  readonly deviations: Deviation[];
  readonly problems: Problem[];
}

/**
 * Loads `file` (absolute, or relative to `root`, the project root). A provider
 * without a file has no known deviations.
 */
export function loadExpectations(file: string, root: string): LoadedExpectations {
  const absolutePath = path.resolve(root, file);
  if (!existsSync(absolutePath)) return { deviations: [], problems: [] };
  const loaded = loadYamlFile(absolutePath, projectRelative(file, root), 'a `deviations:` list');
  if ('problems' in loaded) return { deviations: [], problems: [...loaded.problems] };
  const { yaml } = loaded;

  const schema = expectationsFileSchema();
  const problems = schemaProblems(schema, yaml).map((finding) => finding.problem);
  // Validating again narrows the data to the schema's type; it cannot fail once there are no problems.
  if (problems.length > 0 || !schema.validate(yaml.data)) return { deviations: [], problems };
  const deviations = yaml.data.deviations.map(
    (entry, index): Deviation => ({
      case: entry.case,
      step: entry.step,
      observed: entry.observed,
      // Folded YAML scalars (`>`) end with a newline; the reason is one sentence or two.
      reason: entry.reason.trim(),
      ...(entry.bug === undefined ? {} : { bug: entry.bug }),
      location: yaml.sourceMap.valueAt(['deviations', index]),
    }),
  );
  return { deviations, problems: [] };
}

/** Entries that name no case, or no step of their case, and entries listed twice. */
export function checkDeviationsAgainstCases(deviations: readonly Deviation[], cases: readonly Case[]): Problem[] {
  const casesById = new Map(cases.map((entry) => [entry.id, entry]));
  const firstEntry = new Map<string, Deviation>();
  const problems: Problem[] = [];
  for (const deviation of deviations) {
    const target = casesById.get(deviation.case);
    if (target === undefined) {
      problems.push(problemAt(deviation.location, `no case has the id "${deviation.case}"${didYouMean(deviation.case, casesById.keys())}`));
      continue;
    }
    const steps = target.steps.map((step) => step.id);
    if (!steps.includes(deviation.step)) {
      problems.push(
        problemAt(
          deviation.location,
          `case "${deviation.case}" has no step "${deviation.step}"; its steps: ${steps.join(', ')}${didYouMean(deviation.step, steps)}`,
        ),
      );
      continue;
    }
    const key = JSON.stringify([deviation.case, deviation.step]);
    const first = firstEntry.get(key);
    if (first === undefined) {
      firstEntry.set(key, deviation);
    } else {
      problems.push(
        problemAt(
          deviation.location,
          `case "${deviation.case}" step "${deviation.step}" is already listed at line ${first.location.line}; keep one entry per step`,
        ),
      );
    }
  }
  return problems;
}

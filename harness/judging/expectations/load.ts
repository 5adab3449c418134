/**
 * Loads expectations/<provider>.yaml and checks it against the cases: every
 * entry must name an existing case and step, once. Problems are positioned
 * like those of case files (`file:line:column: message`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Case } from '../../language/cases/case.js';
import { placeStepEntries } from '../../language/cases/step-entries.js';
import type { Problem } from '../../language/yaml/problem.js';
import { projectRelative } from '../../language/yaml/project-path.js';
import { schemaProblems } from '../../language/yaml/schema-problems.js';
import { loadYamlFile } from '../../language/yaml/yaml-file.js';
import { versionsOverlap, type Deviation } from './deviation.js';
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
      ...(entry.versions === undefined ? {} : { versions: entry.versions }),
      ...(entry.bug === undefined ? {} : { bug: entry.bug }),
      location: yaml.sourceMap.valueAt(['deviations', index]),
    }),
  );
  return { deviations, problems: [] };
}

/** Entries that name no case, or no step of their case, and entries listed twice. */
export function checkDeviationsAgainstCases(deviations: readonly Deviation[], cases: readonly Case[]): Problem[] {
  return placeStepEntries(
    deviations,
    cases,
    (deviation, firstLine) =>
      `case "${deviation.case}" step "${deviation.step}" is already listed at line ${firstLine} for a version this entry holds for too; keep one entry per step and version (\`versions:\` tells them apart)`,
    versionsOverlap,
  ).problems;
}

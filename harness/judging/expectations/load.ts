/**
 * Loads expectations/<provider>.yaml and checks it against the cases: every
 * entry must name an existing case and step, once. Problems are positioned
 * like those of case files (`file:line:column: message`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Case } from '../../language/cases/case.js';
import { placeStepEntries } from '../../language/cases/step-entries.js';
import { problemAt, type Problem } from '../../language/yaml/problem.js';
import { appliesTo } from '../../language/cases/variations.js';
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
      ...(entry.when === undefined ? {} : { when: entry.when }),
      ...(entry.versions === undefined ? {} : { versions: entry.versions }),
      ...(entry.bug === undefined ? {} : { bug: entry.bug }),
      location: yaml.sourceMap.valueAt(['deviations', index]),
    }),
  );
  return { deviations, problems: [] };
}

/**
 * The deviations as they hold for `cases`: an entry naming a case as written
 * with variations (`tcp.blocking.reconnect-is-wsaeisconn`) becomes one entry
 * per variation it holds for (all, or those its `when` names), each naming the
 * case made for that variation. Problems: entries that name no case, or no
 * step of their case, entries listed twice, and a `when` no variation meets.
 */
export function placeDeviations(deviations: readonly Deviation[], cases: readonly Case[]): { deviations: Deviation[]; problems: Problem[] } {
  const expanded = deviations.map((deviation) => forVariations(deviation, cases));
  const placed = placeStepEntries(
    expanded.flatMap((entry) => ('deviations' in entry ? entry.deviations : [])),
    cases,
    (deviation, firstLine) =>
      `case "${deviation.case}" step "${deviation.step}" is already listed at line ${firstLine} for a version this entry holds for too; keep one entry per step and version (\`versions:\` tells them apart)`,
    versionsOverlap,
  );
  return {
    deviations: placed.placed.map((entry) => entry.entry),
    problems: [...expanded.flatMap((entry) => ('problem' in entry ? [entry.problem] : [])), ...placed.problems],
  };
}

/** Entries that name no case, or no step of their case, entries listed twice, and a `when` no variation meets. */
export function checkDeviationsAgainstCases(deviations: readonly Deviation[], cases: readonly Case[]): Problem[] {
  return placeDeviations(deviations, cases).problems;
}

/** The entry for each case it names: itself for a case's own id, one per variation for an id as written. */
function forVariations(deviation: Deviation, cases: readonly Case[]): { deviations: Deviation[] } | { problem: Problem } {
  const variations = cases.filter((testCase) => testCase.variation?.writtenId === deviation.case);
  if (variations.length === 0) {
    if (deviation.when === undefined) return { deviations: [deviation] };
    return { problem: problemAt(deviation.location, `\`when\` chooses among the variations of a case as written, but no case is written with the id "${deviation.case}" and variations; name the case as written, or drop \`when\``) };
  }
  const chosen = variations.filter((testCase) => testCase.variation !== undefined && appliesTo(deviation.when, testCase.variation.values));
  if (chosen.length === 0) {
    return { problem: problemAt(deviation.location, `no variation of "${deviation.case}" has the values of \`when\`; its variations: ${variations.map((testCase) => testCase.id).join(', ')}`) };
  }
  return { deviations: chosen.map((testCase) => ({ ...deviation, case: testCase.id })) };
}

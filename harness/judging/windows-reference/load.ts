/**
 * Loads references/windows.yaml and checks it against the cases: every entry
 * names an existing case and a documented step of it, once, and its outcome
 * is one that step's `expect` could hold — the same schema and the same
 * reference checks as a case, so that a run judged by Windows can use it in
 * place of the page. Problems are positioned like those of case files.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ALTERNATIVE_NAME_KEY, type Alternative, type Case, type Outcome, type SourceLocation } from '../../language/cases/case.js';
import type { RawCase } from '../../language/cases/raw-case.js';
import { checkReferences } from '../../language/cases/value-references.js';
import { caseFileSchema } from '../../language/cases/schema.js';
import { referencesSchemaDocument } from './references-schema.js';
import { problemAt, sortProblems, type Problem } from '../../language/yaml/problem.js';
import { projectRelative } from '../../language/yaml/project-path.js';
import { explainSchemaErrors } from '../../language/yaml/schema-errors.js';
import { schemaProblems } from '../../language/yaml/schema-problems.js';
import { compileSchema } from '../../language/yaml/schema.js';
import type { DataPath, SourceMap } from '../../language/yaml/source-map.js';
import { placeStepEntries } from '../../language/cases/step-entries.js';
import { loadYamlFile } from '../../language/yaml/yaml-file.js';
import type { ReferenceSource, WindowsReference } from './reference.js';

export type { WindowsReference } from './reference.js';

/** An entry as written, which the schema guarantees. */
interface RawReference {
  readonly case: string;
  readonly step: string;
  readonly windows: Outcome | readonly Outcome[];
  readonly versions: string;
  readonly source: ReferenceSource;
  readonly note?: string;
}

interface RawReferencesFile {
  readonly references: readonly RawReference[];
}

/** A reference with what is needed to point into its file. */
interface LocatedReference extends WindowsReference {
  /** Whether `windows` was written as a list (else as one outcome). */
  readonly writtenAsList: boolean;
  readonly sourceMap: SourceMap;
  readonly index: number;
}

export interface LoadedReferences {
  readonly references: WindowsReference[];
  readonly problems: Problem[];
}

/**
 * Loads `file` (absolute, or relative to `root`) and checks it against
 * `cases`; a missing file has no references. With `forTheseCases` false (another
 * case set runs against the suite's references), entries for cases that are not
 * loaded do not apply and are left out instead of being problems.
 */
export function loadReferences(file: string, root: string, cases: readonly Case[], forTheseCases = true): LoadedReferences {
  const absolutePath = path.resolve(root, file);
  if (!existsSync(absolutePath)) return { references: [], problems: [] };
  const loaded = loadYamlFile(absolutePath, projectRelative(file, root), 'a `references:` list');
  if ('problems' in loaded) return { references: [], problems: [...loaded.problems] };
  const { yaml } = loaded;
  const schema = compileSchema<RawReferencesFile>(referencesSchemaDocument());
  const problems = schemaProblems(schema, yaml).map((finding) => finding.problem);
  // Validating again narrows the data to the schema's type; it cannot fail once there are no problems.
  if (problems.length > 0 || !schema.validate(yaml.data)) return { references: [], problems };
  const loadedIds = new Set(cases.map((testCase) => testCase.id));
  const located = yaml.data.references.flatMap(
    (entry, index): LocatedReference[] => (!forTheseCases && !loadedIds.has(entry.case) ? [] : [{
      case: entry.case,
      step: entry.step,
      windows: isOutcomeList(entry.windows) ? entry.windows : [entry.windows],
      versions: entry.versions.trim(),
      source: entry.source,
      ...(entry.note === undefined ? {} : { note: entry.note.trim() }),
      location: yaml.sourceMap.valueAt(['references', index]),
      writtenAsList: isOutcomeList(entry.windows),
      sourceMap: yaml.sourceMap,
      index,
    }]),
  );
  const checked = checkAgainstCases(located, cases);
  return {
    references: checked.problems.length > 0 ? [] : located.map(({ writtenAsList: _list, sourceMap: _map, index: _index, ...reference }) => reference),
    problems: checked.problems,
  };
}

function checkAgainstCases(references: readonly LocatedReference[], cases: readonly Case[]): { problems: Problem[] } {
  const { placed, problems } = placeStepEntries(
    references,
    cases,
    (reference, firstLine) => `case "${reference.case}" step "${reference.step}" already has a reference at line ${firstLine}; keep one per step`,
  );
  for (const { entry, testCase, stepIndex } of placed) {
    if (testCase.steps[stepIndex]?.expect === undefined) {
      problems.push(
        problemAt(entry.location, `step "${entry.step}" of case "${entry.case}" is a set-up step (it has no expect); a Windows reference stands beside what the page documents, so it names a documented step`),
      );
      continue;
    }
    problems.push(...outcomeProblems(entry, testCase, stepIndex));
  }
  // In the order of the file, as the entries are written.
  return { problems: sortProblems(problems, []) };
}

/**
 * Checks the outcome as the step's own `expect` would be checked: the case,
 * with the outcome in place of the step's expect, against the case schema
 * (the call's outputs, error names, matchers) and the reference checks
 * (`$peer` names something defined before the step).
 */
function outcomeProblems(reference: LocatedReference, testCase: Case, stepIndex: number): Problem[] {
  const raw = withExpect(testCase, stepIndex, reference.windows);
  const locate = (inCase: DataPath): SourceLocation => reference.sourceMap.valueAt(pathInFile(reference, stepIndex, inCase));
  // Checked as a one-case file, with the case schema the build compiled (no second compilation for one case).
  const schema = caseFileSchema();
  if (!schema.validate({ format: 1, cases: [raw] })) {
    return explainSchemaErrors(schema.validate.errors ?? [], schema.root).map((finding) =>
      problemAt(locate(finding.path.slice(2)), `windows: ${finding.message}`),
    );
  }
  return checkReferences(raw, locate).map((problem) => ({ ...problem, message: `windows: ${problem.message}` }));
}

/** Where a path inside the substituted case is written: inside the reference's outcome, or else the entry itself. */
function pathInFile(reference: LocatedReference, stepIndex: number, inCase: DataPath): DataPath {
  const entry = ['references', reference.index];
  const [steps, index, expect, ...rest] = inCase;
  if (steps !== 'steps' || index !== stepIndex || expect !== 'expect') return entry;
  // The case holds a list of alternatives; a single outcome was written without the list.
  const inOutcome = reference.writtenAsList ? rest : rest.slice(1);
  return [...entry, 'windows', ...inOutcome];
}

/** The case as written, with `outcomes` as the expect of step `stepIndex`. */
function withExpect(testCase: Case, stepIndex: number, outcomes: readonly Outcome[]): RawCase {
  return {
    id: testCase.id,
    title: testCase.title,
    clauses: testCase.clauses,
    peers: Object.fromEntries(testCase.peers.map((peer) => [peer.name, { kind: peer.kind, family: peer.family }])),
    steps: testCase.steps.map((step, index) => ({
      call: step.call,
      args: step.args,
      ...(step.as === undefined ? {} : { as: step.as }),
      ...(index === stepIndex ? { expect: outcomes } : step.expect === undefined ? {} : { expect: step.expect.map(asWritten) }),
    })),
  };
}

/** An alternative as a case writes it: its outcome, with its name under `as` when it has one. */
function asWritten(alternative: Alternative): Outcome {
  return alternative.name === undefined ? alternative.outcome : { [ALTERNATIVE_NAME_KEY]: alternative.name, ...alternative.outcome };
}

function isOutcomeList(windows: Outcome | readonly Outcome[]): windows is readonly Outcome[] {
  return Array.isArray(windows);
}

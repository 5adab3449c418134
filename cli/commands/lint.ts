/**
 * `winsock-conformance lint [PATH...]`: every problem of every case file and
 * expectations file in one pass, without starting a provider. Without paths it
 * checks the whole suite: cases/, and expectations/ and the Windows references
 * (references/windows.yaml) against those cases. With paths it checks those
 * case files, and expectations or references only when --expectations or
 * --references names the ones written for them. Citations are checked
 * against the pages of spec/, or of --spec.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCaseSet } from '../../harness/language/cases/case-set.js';
import { disagreementHolderProblems } from '../../harness/language/cases/disagreement-holders.js';
import { findCaseFiles, formatProblem } from '../../harness/language/cases/load.js';
import { checkDeviationsAgainstCases, loadExpectations } from '../../harness/judging/expectations/load.js';
import { CASES_DIR, EXPECTATIONS_DIR, PROJECT_ROOT, SPEC_DIR, WINDOWS_REFERENCES_FILE } from '../../harness/common/project-paths.js';
import { loadReferences } from '../../harness/judging/windows-reference/load.js';
import { EXIT, UsageError } from '../exit-status.js';
import type { Terminal } from '../terminal.js';

export interface LintOptions {
  readonly expectations?: string;
  /** A Windows reference file to check against the cases (default: references/windows.yaml, when the whole suite is linted). */
  readonly references?: string;
  /** The folder of page folders the citations are checked against (default: spec/). */
  readonly spec?: string;
}

export function lintCommand(paths: readonly string[], options: LintOptions, terminal: Terminal): number {
  const caseFiles = (paths.length === 0 ? [CASES_DIR] : paths.map((path) => resolve(path))).flatMap(caseFilesAt);
  const expectationsDir = options.expectations !== undefined ? resolve(options.expectations) : paths.length === 0 ? EXPECTATIONS_DIR : undefined;
  const { cases, problems, pages } = loadCaseSet(caseFiles, PROJECT_ROOT, options.spec === undefined ? SPEC_DIR : resolve(options.spec));
  const expectationProblems = (expectationsDir === undefined ? [] : expectationFiles(expectationsDir)).flatMap((file) => {
    const loaded = loadExpectations(file, PROJECT_ROOT);
    return [...loaded.problems, ...checkDeviationsAgainstCases(loaded.deviations, cases)];
  });
  const referencesFile = options.references !== undefined ? resolve(options.references) : paths.length === 0 ? WINDOWS_REFERENCES_FILE : undefined;
  const referenceProblems = referencesFile === undefined ? [] : loadReferences(referencesFile, PROJECT_ROOT, cases).problems;
  // The cases a disagreement's side lists are the suite's: only the whole suite can show one missing.
  const holderProblems = paths.length === 0 && pages !== undefined ? disagreementHolderProblems(pages, cases) : [];
  const all = [...problems, ...holderProblems, ...expectationProblems, ...referenceProblems];
  for (const problem of all) terminal.log(formatProblem(problem));
  terminal.log(all.length === 0 ? `${cases.length} cases, no problems` : `${all.length} problem(s)`);
  return all.length === 0 ? EXIT.green : EXIT.badInput;
}

function caseFilesAt(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) throw new UsageError(`${path} does not exist; name case files or folders of them`);
  return stat.isDirectory() ? findCaseFiles(path) : [path];
}

function expectationFiles(dir: string): string[] {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (stat?.isDirectory() !== true) throw new UsageError(`--expectations ${dir} is not a folder`);
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * What a run reads before anything starts: the case files and the provider's
 * expectations, every problem of every file collected with its
 * file:line:column. Paths that do not exist are problems too, named with the
 * option that gave them.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Case } from '../../language/cases/case.js';
import { loadCaseSet } from '../../language/cases/case-set.js';
import { CASES_DIR, EXPECTATIONS_DIR, PROJECT_ROOT, WINDOWS_REFERENCES_FILE } from '../../common/project-paths.js';
import { findCaseFiles } from '../../language/cases/load.js';
import type { Deviation } from '../../judging/expectations/deviation.js';
import { loadExpectations, placeDeviations } from '../../judging/expectations/load.js';
import type { Provider } from '../../stacks/providers/provider.js';
import { loadReferences, type WindowsReference } from '../../judging/windows-reference/load.js';
import type { Problem } from '../../language/yaml/problem.js';
import { UnusablePath } from '../../common/files/unusable-path.js';

/** Case files, expectations or references that cannot be used; nothing has run. */
export class BadInput extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.length} problem(s) in the case, expectations or reference files`);
  }
}

/** Where a run's inputs are and how they relate: plain data, which the private network's runner receives as JSON. */
export interface InputFolders {
  readonly root: string;
  readonly casesDir: string;
  readonly expectationsDir: string;
  /** `<provider>.yaml` was named on purpose (--expectations): it must exist. */
  readonly expectationsRequired: boolean;
  /**
   * The expectations were written for exactly these cases, so an entry naming
   * no loaded case is a mistake. Not so when another case set runs against the
   * suite's own expectations: their entries for the suite's cases do not apply.
   */
  readonly expectationsMatchCases: boolean;
  /** The Windows references (references/windows.yaml); none when left out. */
  readonly referencesFile?: string;
  /** The references were written for exactly these cases (the suite's own; the default); else entries for other cases do not apply. */
  readonly referencesMatchCases?: boolean;
}

export interface InputOptions extends InputFolders {
  readonly provider: Provider;
  /** How the folders were given, for the messages about them (default: the CLI's options). */
  readonly folderNames?: FolderNames;
}

/** The input folders of a run's options, alone: what another process needs to load the same inputs. */
export function inputFoldersOf(options: InputFolders): InputFolders {
  const { root, casesDir, expectationsDir, expectationsRequired, expectationsMatchCases, referencesFile, referencesMatchCases } = options;
  return {
    root,
    casesDir,
    expectationsDir,
    expectationsRequired,
    expectationsMatchCases,
    ...(referencesFile === undefined ? {} : { referencesFile }),
    ...(referencesMatchCases === undefined ? {} : { referencesMatchCases }),
  };
}

/** What the user wrote to give the case and expectations folders: an option, an environment variable. */
export interface FolderNames {
  readonly cases: string;
  readonly expectations: string;
}

const OPTION_NAMES: FolderNames = { cases: '--cases', expectations: '--expectations' };

/** Case and expectations folders given instead of the suite's own (`--cases`, `--expectations`); relative ones are from the working directory. */
export interface GivenFolders {
  readonly cases?: string;
  readonly expectations?: string;
  readonly names?: FolderNames;
}

/** The inputs of a run of the suite's own cases, expectations and Windows references, or of the folders given instead. */
export function inputOptionsFor(provider: Provider, given: GivenFolders): InputOptions {
  return {
    provider,
    root: PROJECT_ROOT,
    casesDir: given.cases === undefined ? CASES_DIR : resolve(given.cases),
    expectationsDir: given.expectations === undefined ? EXPECTATIONS_DIR : resolve(given.expectations),
    expectationsRequired: given.expectations !== undefined,
    expectationsMatchCases: given.expectations !== undefined || given.cases === undefined,
    referencesFile: WINDOWS_REFERENCES_FILE,
    referencesMatchCases: given.cases === undefined,
    ...(given.names === undefined ? {} : { folderNames: given.names }),
  };
}

export interface SuiteInputs {
  readonly cases: Case[];
  readonly deviations: Deviation[];
  readonly references: WindowsReference[];
}

export function loadSuiteInputs(options: InputOptions): SuiteInputs {
  const names = options.folderNames ?? OPTION_NAMES;
  requireFolder(options.casesDir, names.cases);
  requireFolder(options.expectationsDir, names.expectations);

  const { cases, problems } = loadCaseSet(findCaseFiles(options.casesDir), options.root);
  const expectationsFile = join(options.expectationsDir, `${options.provider.name}.yaml`);
  if (options.expectationsRequired && statSync(expectationsFile, { throwIfNoEntry: false }) === undefined) {
    throw new UnusablePath(
      `${names.expectations} ${options.expectationsDir} has no ${options.provider.name}.yaml; check the folder, or create the file with "format: 1" and "deviations: []"`,
    );
  }
  const expectations = loadExpectations(expectationsFile, options.root);
  // Entries for cases this run does not load are left out unless the expectations must match the cases.
  const loadedIds = new Set(cases.flatMap((testCase) => [testCase.id, ...(testCase.variation === undefined ? [] : [testCase.variation.writtenId])]));
  const listed = options.expectationsMatchCases ? expectations.deviations : expectations.deviations.filter((deviation) => loadedIds.has(deviation.case));
  const placed = placeDeviations(listed, cases);
  const references =
    options.referencesFile === undefined ? { references: [], problems: [] } : loadReferences(options.referencesFile, options.root, cases, options.referencesMatchCases ?? true);
  const all = [...problems, ...expectations.problems, ...placed.problems, ...references.problems];
  if (all.length > 0) throw new BadInput(all);
  return { cases, deviations: placed.deviations, references: references.references };
}

function requireFolder(dir: string, option: string): void {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (stat?.isDirectory() === true) return;
  const what = stat === undefined ? 'does not exist' : 'is not a folder';
  throw new UnusablePath(`${option} ${dir} ${what}; name a folder of YAML files`);
}

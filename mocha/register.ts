/**
 * The conformance suite as mocha tests, registered when mocha reads
 * mocha/suite.cjs (`npx mocha --config conformance.mocharc.cjs`): a
 * `describe` per case file, named as junit.xml names its suites
 * (`tcp-blocking`), and in it a test per case, titled by the case id. The
 * cases are read as the tests are registered, so --grep, --dry-run and every
 * reporter see every test; the provider starts before the first test mocha
 * runs and ends after the last (outcome.ts says how a verdict shows in
 * mocha, settings.ts which environment variables choose the provider and
 * the case set).
 */
import { resolve } from 'node:path';
import type { Case } from '../harness/language/cases/case.js';
import { formatProblem } from '../harness/language/cases/load.js';
import { ProviderUnavailable } from '../harness/stacks/providers/provider.js';
import { holdsFor } from '../harness/judging/expectations/deviation.js';
import { judgeAgainst } from '../harness/judging/windows-reference/standard.js';
import type { ProviderBuild } from '../harness/stacks/providers/provider.js';
import { BadInput, loadSuiteInputs } from '../harness/run/runner/inputs.js';
import { UnusablePath } from '../harness/common/files/unusable-path.js';
import { projectRelative } from '../harness/language/yaml/project-path.js';
import { toClassName } from '../reporters/junit.js';
import { caseContext, mochaOutcome, type ContextEntry } from './outcome.js';
import { MochaProviderRun } from './provider-run.js';
import { BadSetting, settingsFrom, type MochaSettings } from './settings.js';

/** Registers the suite with mocha's global `describe`, `it`, `before` and `after`, reading the cases as they are now. */
export function registerConformanceSuite(env: NodeJS.ProcessEnv = process.env): void {
  const settings = readable(() => settingsFrom(env));
  const inputs = readable(() => loadSuiteInputs(settings.inputs));
  // Judged as `winsock-conformance run --against` judges: by the page, or by Windows where it has a reference.
  const judged = judgeAgainst(settings.against, inputs.cases, inputs.deviations, inputs.references);
  // Judged again once the provider is prepared, by the deviations that hold for its build.
  const judgeFor = (build: ProviderBuild | undefined) =>
    judgeAgainst(settings.against, inputs.cases, inputs.deviations.filter((deviation) => holdsFor(deviation, build?.version)), inputs.references);
  const run = new MochaProviderRun(settings, judgeFor, (line) => process.stderr.write(`winsock-conformance: ${line}\n`));

  // At the root, so that a provider that cannot start fails once, not once per case file.
  before(async function () {
    this.timeout(0);
    await run.start().catch((error: unknown) => {
      throw explained(error);
    });
  });

  for (const [suiteName, group] of bySuite(judged.cases, settings)) {
    describe(suiteName, function () {
      // Each case has its own time limit and the harness bounds a worker's start: mocha's limit would cut them short.
      this.timeout(0);
      for (const { testCase, index } of group) {
        it(testCase.id, async function () {
          const result = await run.run(testCase, index);
          const test = this.test as Mocha.Runnable & { context?: ContextEntry[] };
          test.context = caseContext(result);
          const outcome = mochaOutcome(result, { ...testCase.location, file: resolve(settings.inputs.root, testCase.location.file) });
          if (outcome.state === 'failed') throw outcome.error;
          // The title stays the case id whatever the verdict: a SKIP's reason (which differs by provider) is in the context.
          if (outcome.state === 'pending') this.skip();
        });
      }
    });
  }

  // At the root: after the last test of any case file, and after a --bail, no worker is left behind.
  after(async function () {
    this.timeout(0);
    await run.close();
  });
}

/** The cases by case file, in the order loaded, each with its place among all the cases. */
function bySuite(loaded: readonly Case[], { inputs }: MochaSettings): Map<string, { testCase: Case; index: number }[]> {
  const casesDir = projectRelative(inputs.casesDir, inputs.root);
  const suites = new Map<string, { testCase: Case; index: number }[]>();
  loaded.forEach((testCase, index) => {
    const name = toClassName(testCase.location.file, casesDir);
    suites.set(name, [...(suites.get(name) ?? []), { testCase, index }]);
  });
  return suites;
}

/**
 * What mocha prints for a spec file it could not load, or a hook that
 * failed, is the error's stack: for bad input and a provider that cannot run
 * here, that is what is wrong (each problem at its file:line:column) and
 * what to do, with no frames of the harness's own.
 */
function readable<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw explained(error);
  }
}

function explained(error: unknown): unknown {
  const message = explanation(error);
  if (message === undefined) return error;
  const readableError = new Error(message);
  readableError.stack = `winsock-conformance: ${message}`;
  return readableError;
}

function explanation(error: unknown): string | undefined {
  if (error instanceof BadInput) return [...error.problems.map(formatProblem), `${error.message}; nothing was run. Fix them and run again.`].join('\n');
  if (error instanceof UnusablePath || error instanceof BadSetting || error instanceof ProviderUnavailable) return error.message;
  return undefined;
}

/** Test helpers: drive a reporter the way the runner does, in a throw-away directory. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { CaseResult, RunInfo } from '../../harness/judging/results/result.js';
import type { Reporter } from '../../harness/run/runner/reporter.js';
import { summarize } from '../../harness/judging/results/summary.js';

export async function runReporter(reporter: Reporter, run: RunInfo, results: readonly CaseResult[]): Promise<void> {
  await reporter.start(run, results.length);
  for (const [index, result] of results.entries()) {
    reporter.caseStarted?.({ id: result.id, title: result.title, index, total: results.length });
    await reporter.caseFinished(result);
  }
  await reporter.end(summarize(results, 6543));
}

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'winsock-reporters-'));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

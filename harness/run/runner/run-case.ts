/**
 * One case as every run runs it — the CLI's lanes, the private network's
 * runner, mocha's tests: on a session of the provider, with the deviations
 * the provider lists for that case, its checks annotated as the run judges
 * (harness/judging/windows-reference/standard.ts), and, when the case crashed or hung the
 * provider, the provider's last output attached (log-excerpt.ts).
 */
import type { Case } from '../../language/cases/case.js';
import type { Provider } from '../../stacks/providers/provider.js';
import type { JudgedInputs } from '../../judging/windows-reference/standard.js';
import type { CaseResult } from '../../judging/results/result.js';
import { executeCase } from './execute-case.js';
import { logMark, withLogExcerpt } from './log-excerpt.js';
import type { ProviderSession } from './session.js';

/** Where a case runs: the provider and one of its sessions, what the run judges by, the log its workers write to. */
export interface CaseSetting {
  readonly session: ProviderSession;
  readonly provider: Pick<Provider, 'name' | 'binding'>;
  /** The run's deviations, of every case (those of the case at hand are picked here), and what it adds to each result. */
  readonly judged: Pick<JudgedInputs, 'deviations' | 'annotate'>;
  /** The provider's log, opened for reading too (`w+`). */
  readonly logFd: number;
  /** Aborted when the whole run is stopped (see CaseContext). */
  readonly stop?: AbortSignal;
}

export async function runCase(testCase: Case, setting: CaseSetting): Promise<CaseResult> {
  const mark = logMark(setting.logFd);
  const result = await executeCase(testCase, {
    session: setting.session,
    providerName: setting.provider.name,
    binding: setting.provider.binding,
    deviations: setting.judged.deviations.filter((deviation) => deviation.case === testCase.id),
    file: testCase.location.file,
    ...(setting.stop === undefined ? {} : { stop: setting.stop }),
  });
  return withLogExcerpt(setting.judged.annotate(result), setting.logFd, mark);
}

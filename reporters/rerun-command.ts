/**
 * The command that runs one case again, as a reader copies it from a report:
 * `winsock-conformance run --provider wine --grep tcp.blocking.success`.
 * `--grep` selects by id or title text, so it may also take a case whose id
 * contains this one; the case itself is always among those it runs.
 */
import type { CaseResult, RunInfo } from '../harness/judging/results/result.js';

/** Where the project's own cases are, relative to its root: a run of them needs no `--cases`. */
const DEFAULT_CASES_DIR = 'cases';

export function rerunCommand(result: CaseResult, run: RunInfo): string {
  const words = ['winsock-conformance', 'run', '--provider', result.provider, '--grep', result.id];
  if (run.casesDir !== DEFAULT_CASES_DIR) words.push('--cases', run.casesDir);
  return words.map(shellQuote).join(' ');
}

/** A word for a POSIX shell: bare when it holds only characters no shell treats specially, else in single quotes. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

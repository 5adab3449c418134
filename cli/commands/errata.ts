/**
 * `winsock-conformance errata [RESULTS.jsonl...] [--json]`: the documentation
 * errata. Where the page and real Windows disagree, from the Windows
 * references (harness/judging/windows-reference/errata.ts); and where the page
 * disagrees with itself or the pages disagree with each other, from the
 * disagreements the catalogues record (harness/uses/disagreements/errata.ts),
 * with what each run given did.
 */
import { findDisagreements } from '../../harness/uses/disagreements/errata.js';
import { disagreementsText } from '../../reporters/disagreement-views.js';
import { errataText } from '../../reporters/errata-views.js';
import { EXIT } from '../exit-status.js';
import { readRecordedRun } from '../results-files.js';
import { loadSpecPages, loadSuiteKnowledge } from '../suite-knowledge.js';
import type { Terminal } from '../terminal.js';

export function errataCommand(resultsFiles: readonly string[], options: { readonly json?: boolean }, terminal: Terminal): number {
  const runs = resultsFiles.map(readRecordedRun);
  const { errata, cases } = loadSuiteKnowledge();
  const disagreements = findDisagreements(loadSpecPages(), cases, runs);
  terminal.stdout.write(
    options.json === true ? `${JSON.stringify({ windows: errata, disagreements }, null, 2)}\n` : `${errataText(errata)}\n${disagreementsText(disagreements)}`,
  );
  return EXIT.green;
}

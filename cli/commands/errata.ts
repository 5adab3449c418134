/**
 * `winsock-conformance errata [RESULTS.jsonl...] [--json]`: the documentation
 * errata of two kinds. Where the page and real Windows disagree, from the
 * Windows references (harness/judging/windows-reference/errata.ts); and where
 * the page disagrees with itself, from the disagreements its catalogue records
 * (harness/uses/disagreements/errata.ts), with what each run given did.
 */
import { findDisagreements, type DisagreementErratum } from '../../harness/uses/disagreements/errata.js';
import { errataText } from '../../reporters/errata-views.js';
import { escapeTerminalLine } from '../../reporters/escape.js';
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

/** Each condition, its sides with the page's words and the cases holding them, and what each run did. */
function disagreementsText(errata: readonly DisagreementErratum[]): string {
  const blocks = errata.map((erratum) =>
    [
      `${erratum.page}/${erratum.id} (${erratum.kind}): ${erratum.condition}`,
      ...erratum.sides.flatMap((side) => [
        `  ${erratum.page}/${side.clause}: ${side.says}`,
        `    page:  "${side.text}"`,
        `    cases: ${side.cases.length === 0 ? 'none yet' : side.cases.join(', ')}`,
        ...side.runs.map((run) => `    ${run.standing.padEnd(7)} ${run.run} (${run.verdicts.map((entry) => `${entry.case} ${entry.verdict ?? 'not in the run'}`).join(', ')})`),
      ]),
    ]
      .map(escapeTerminalLine)
      .join('\n'),
  );
  const count = `${errata.length} ${errata.length === 1 ? 'place' : 'places'} where the page disagrees with itself`;
  const how = errata.some((erratum) => erratum.sides.some((side) => side.runs.length > 0))
    ? 'each side is held by a case of its own; each run follows the side whose cases pass in it.'
    : 'each side is held by a case of its own; give results files to see which side each provider follows.';
  return `${count}: ${how}\n${blocks.map((block) => `\n${block}\n`).join('')}`;
}

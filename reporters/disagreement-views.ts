/**
 * The errata where the page disagrees with itself or the pages disagree with
 * each other (harness/uses/disagreements/errata.ts) as the `errata` command
 * prints them: each condition, each side with the page's words, the cases
 * that hold it (or that none does) and what each run did, then which sides
 * each run follows.
 */
import { DISAGREEMENT_KINDS, type DisagreementKind } from '../harness/language/clauses/clause.js';
import type { DisagreementErratum } from '../harness/uses/disagreements/errata.js';
import { escapeTerminalLine } from './escape.js';

/**
 * Each condition, its sides with the page's words and the cases holding them (a side no case holds says so),
 * what each run did with each side, then which sides each run follows.
 */
export function disagreementsText(errata: readonly DisagreementErratum[]): string {
  const blocks = errata.map((erratum) =>
    [
      `${erratum.page}/${erratum.id} (${erratum.kind}): ${erratum.condition}`,
      ...erratum.sides.flatMap((side) => [
        `  ${side.page}/${side.clause}: ${side.says}`,
        `    page:  "${side.text}"`,
        `    cases: ${side.cases.length === 0 ? 'none: no case holds this side, so no run can say whether a provider follows it' : side.cases.join(', ')}`,
        ...(side.cases.length === 0 ? [] : side.runs.map((run) => `    ${run.standing.padEnd(7)} ${run.run} (${run.verdicts.map((entry) => `${entry.case} ${entry.verdict ?? 'not in the run'}`).join(', ')})`)),
      ]),
      ...erratum.runs.map(
        (run) =>
          `  ${run.run}: ${run.follows.length === 0 ? 'follows no side' : `follows ${run.follows.join(' and ')}`}${run.cannotTell.length === 0 ? '' : `; cannot tell for ${run.cannotTell.join(', ')}`}`,
      ),
    ]
      .map(escapeTerminalLine)
      .join('\n'),
  );
  const count = (kind: DisagreementKind, one: string, many: string) => {
    const found = errata.filter((erratum) => erratum.kind === kind).length;
    return `${found} ${found === 1 ? one : many}`;
  };
  const counts = [
    count(DISAGREEMENT_KINDS.self, 'place where the page disagrees with itself', 'places where the page disagrees with itself'),
    count(DISAGREEMENT_KINDS.pages, 'where the pages disagree with each other', 'where the pages disagree with each other'),
  ].join(', ');
  const unheld = errata.flatMap((erratum) => erratum.sides.filter((side) => side.cases.length === 0));
  const unheldNote = unheld.length === 0 ? '' : ` ${unheld.length} ${unheld.length === 1 ? 'side is' : 'sides are'} held by no case.`;
  const how = errata.some((erratum) => erratum.sides.some((side) => side.runs.length > 0))
    ? 'each side is held by a case of its own; each run follows the side whose cases pass in it.'
    : 'each side is held by a case of its own; give results files to see which side each provider follows.';
  return `${counts}: ${how}${unheldNote}\n${blocks.map((block) => `\n${block}\n`).join('')}`;
}

/**
 * The data report.html embeds for its script: per case, everything its
 * details show, already as text (outcomes as describe-outcome.ts writes
 * them, the differing parts marked), so the script only lays it out and
 * builds a case's details when they are opened.
 */
import { DIMENSION_NAMES, DIMENSIONS } from '../harness/language/cases/variations.js';
import type { CaseChange, CaseChangeKind, Comparison } from '../harness/uses/baselines/compare.js';
import { clauseName } from '../harness/language/clauses/clause.js';
import { ACCEPTED_VERDICTS, VERDICTS } from '../harness/judging/results/result.js';
import type { CaseResult, CheckResult, RunInfo, Verdict } from '../harness/judging/results/result.js';
import { describeCall, describeOutcome, describeOutcomeParts } from '../harness/judging/results/describe-outcome.js';
import { CHANGE_HEADINGS, countsLine, describeRun, stepLine, verdictChange } from './comparison-text.js';
import { formatDuration } from './format-duration.js';
import { rerunCommand } from './rerun-command.js';

/**
 * How a check stands: `fixed` is a passing check that carries a listed
 * deviation (the deviation was not seen this time: an XPASS).
 */
export type CheckStatus = 'passed' | 'failed' | 'known' | 'fixed';

export interface ObservedPart {
  readonly text: string;
  /** This part differs from the closest documented outcome. */
  readonly differs: boolean;
}

export interface DeviationView {
  readonly reason: string;
  readonly bug?: string;
  /** Whether `bug` is an http(s) URL, the only kind the page makes a link of. */
  readonly bugIsLink: boolean;
  readonly recorded: string;
}

/** What real Windows does at a step, per references/windows.yaml, and where that is asserted. */
export interface WindowsView {
  readonly outcomes: readonly string[];
  readonly versions: string;
  readonly source: string;
  readonly url: string;
}

/** A check as its details show it: the call and every outcome already as text. */
export interface CheckView extends Pick<CheckResult, 'stepId' | 'mismatch' | 'matched'> {
  readonly status: CheckStatus;
  /** A set-up step: it documents nothing and must merely succeed. */
  readonly setup: boolean;
  /** The check is one the verdict rests on. */
  readonly decides: boolean;
  /** The call with its arguments: `WSAConnect(s=3, name=127.0.0.1:5000)`. */
  readonly call: string;
  readonly duration: string;
  /** What the check was judged against (the page's alternatives, or Windows' when the run judged by Windows); empty for a set-up step, which must merely succeed. */
  readonly documented: readonly string[];
  /** The page's alternatives when the check was judged against Windows instead. */
  readonly page?: readonly string[];
  readonly windows?: WindowsView;
  readonly observed: readonly ObservedPart[];
  readonly deviation?: DeviationView;
}

/** A case as its row and details show it. */
export interface CaseView
  extends Pick<CaseResult, 'id' | 'title' | 'verdict' | 'message' | 'file' | 'line' | 'tags' | 'interruptedAt' | 'logExcerpt'> {
  /** The clauses it cites, each with its name in the clause index (`WSAConnect/errors.WSAEFAULT`). */
  readonly clauses: readonly (CaseResult['clauses'][number] & { readonly name: string })[];
  readonly duration: string;
  /** A shell command that runs this case again. */
  readonly rerun: string;
  readonly checks: readonly CheckView[];
  /** What changed since the baseline, when the run was compared with one and this case changed. */
  readonly change?: ChangeView;
}

/** A case's change since the baseline, as text: `REGRESSION`, `PASS → FAIL`, a line per step. */
export interface ChangeView {
  readonly kind: CaseChangeKind;
  readonly heading: string;
  readonly verdicts: string;
  readonly steps: readonly string[];
  readonly note?: string;
}

/** The comparison with the baseline as the page's header shows it. */
export interface ComparisonView {
  readonly baseline: string;
  readonly counts: string;
  readonly notes: readonly string[];
  /** Cases the baseline had and this run has not: no row shows them. */
  readonly removed: readonly { readonly id: string; readonly title: string }[];
}

/** A clause the run's cases cite, and those cases: an entry of the report's clause → cases view. */
export interface ClauseEntry {
  readonly id: string;
  /** `WSAConnect/errors.WSAEFAULT`: the entry's anchor, which a case's clause links to (ids are unique within a page only). */
  readonly name: string;
  readonly quote: string;
  readonly cases: readonly { readonly id: string; readonly verdict: Verdict }[];
}

/** The clauses of one page that the run's cases cite. */
export interface ClausePage {
  readonly page: string;
  readonly clauses: readonly ClauseEntry[];
}

/**
 * A case written once with variations (`<id>.ipv4`, `<id>.ipv6`): one row in
 * the table that opens into them. Its variations are the cases of the run
 * written at the same place of the same case file.
 */
export interface VariedCaseView {
  /** The id the variations share: theirs without the variation's tags. */
  readonly id: string;
  /** The title they share: theirs without the variation's words. */
  readonly title: string;
  /** The worst verdict among them, in the order red, KNOWN, SKIP, PASS. */
  readonly verdict: Verdict;
  /** Its variations, as indices into the cases, in run order. */
  readonly members: readonly number[];
}

export interface ReportData {
  readonly cases: readonly CaseView[];
  /** The cases written with variations, each grouping its variations. */
  readonly variedCases: readonly VariedCaseView[];
  /** Every page a case cites, by name, with its cited clauses by id, each with the cases citing it in run order. */
  readonly clausePages: readonly ClausePage[];
  /** Every verdict, in the order filters list them. */
  readonly verdicts: readonly Verdict[];
  /** The verdicts that make a run red. */
  readonly redVerdicts: readonly Verdict[];
  /** What the page shows before anyone filters: the red verdicts when there are any, else all. */
  readonly openingVerdicts: readonly Verdict[];
  /** The order of groups when cases are grouped by verdict: what needs a look first. */
  readonly verdictOrder: readonly Verdict[];
  /** How many rows the table lists at first, and adds at each request for more. */
  readonly rowsPerPage: number;
  readonly comparison?: ComparisonView;
}

const RED_VERDICTS: readonly Verdict[] = VERDICTS.filter((verdict) => !ACCEPTED_VERDICTS.has(verdict));

/**
 * Enough rows to fill a few screens, few enough to lay out at once: a
 * table of 2000 rows took most of a second to open.
 */
export const ROWS_PER_PAGE = 200;

/** Red first (as VERDICTS lists them), then KNOWN, SKIP, PASS. */
const VERDICT_ORDER: readonly Verdict[] = [...RED_VERDICTS, 'KNOWN', 'SKIP', 'PASS'];

/** Every tag a variation appends to a case's id (`ipv4`, `ipv6`…), whatever its dimension. */
const VARIATION_TAGS: ReadonlySet<string> = new Set(
  DIMENSION_NAMES.flatMap((dimension) => Object.values<{ readonly tag: string }>(DIMENSIONS[dimension].values).map((value) => value.tag)),
);

/** The run's cases that are variations of one case: two or more written at one place, whose ids differ only by their variation's tags. */
function variedCases(results: readonly CaseResult[]): VariedCaseView[] {
  const byPlace = new Map<string, number[]>();
  results.forEach((result, index) => {
    const place = `${result.file}:${result.line}`;
    byPlace.set(place, [...(byPlace.get(place) ?? []), index]);
  });
  return [...byPlace.values()].flatMap((members): VariedCaseView[] => {
    const varied = members.map((index) => results[index] as CaseResult);
    const [first] = varied;
    if (first === undefined || varied.length < 2) return [];
    const id = sharedSegments(varied.map((result) => result.id));
    const tagsOnly = (caseId: string) => {
      const rest = caseId.slice(id.length + 1).split('.');
      return caseId.length > id.length + 1 && rest.every((tag) => VARIATION_TAGS.has(tag));
    };
    if (id === '' || !varied.every((result) => tagsOnly(result.id))) return [];
    const worst = VERDICT_ORDER.find((verdict) => varied.some((result) => result.verdict === verdict)) ?? first.verdict;
    return [{ id, title: sharedTitle(varied.map((result) => result.title)), verdict: worst, members }];
  });
}

/** `tcp.refused` of `tcp.refused.ipv4` and `tcp.refused.ipv6`: the dotted segments every id starts with. */
function sharedSegments(ids: readonly string[]): string {
  const [first = [], ...rest] = ids.map((id) => id.split('.'));
  const length = first.findIndex((segment, index) => rest.some((other) => other[index] !== segment));
  return first.slice(0, length === -1 ? first.length : length).join('.');
}

/** A variation's title ends in its words, `(over IPv4)`: what the titles share before them. */
function sharedTitle(titles: readonly string[]): string {
  const bare = titles.map((title) => title.replace(/ \([^()]*\)$/, ''));
  const [first = ''] = bare;
  return bare.every((title) => title === first) ? first : (titles[0] ?? '');
}

export function reportData(run: RunInfo, results: readonly CaseResult[], comparison?: Comparison): ReportData {
  const changes = new Map(comparison?.cases.map((change) => [change.id, change]));
  return {
    cases: results.map((result) => caseView(result, run, changes.get(result.id))),
    variedCases: variedCases(results),
    clausePages: clausePages(results),
    verdicts: VERDICTS,
    redVerdicts: RED_VERDICTS,
    openingVerdicts: openingVerdicts(results),
    verdictOrder: VERDICT_ORDER,
    rowsPerPage: ROWS_PER_PAGE,
    ...(comparison === undefined ? {} : { comparison: comparisonView(comparison) }),
  };
}

function comparisonView(comparison: Comparison): ComparisonView {
  return {
    baseline: describeRun(comparison.baseline),
    counts: countsLine(comparison),
    notes: comparison.notes,
    removed: comparison.cases.filter((change) => change.kind === 'removed').map(({ id, title }) => ({ id, title })),
  };
}

function changeView(change: CaseChange): ChangeView {
  return {
    kind: change.kind,
    heading: CHANGE_HEADINGS[change.kind],
    verdicts: verdictChange(change),
    steps: change.steps.map(stepLine),
    ...(change.note === undefined ? {} : { note: change.note }),
  };
}

export function clausePages(results: readonly CaseResult[]): ClausePage[] {
  const byPage = new Map<string, Map<string, ClauseEntry & { cases: { id: string; verdict: Verdict }[] }>>();
  for (const result of results) {
    for (const clause of result.clauses) {
      const page = byPage.get(clause.page) ?? new Map();
      const entry = page.get(clause.id) ?? { id: clause.id, name: clauseName(clause), quote: clause.quote, cases: [] };
      entry.cases.push({ id: result.id, verdict: result.verdict });
      page.set(clause.id, entry);
      byPage.set(clause.page, page);
    }
  }
  return sortedByKey(byPage).map(([page, clauses]) => ({ page, clauses: sortedByKey(clauses).map(([, entry]) => entry) }));
}

/** A map's entries in the order of their keys, compared as strings are (not by locale). */
function sortedByKey<T>(map: ReadonlyMap<string, T>): [string, T][] {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A report opens on what needs attention: only the red cases when there are any. */
export function openingVerdicts(results: readonly CaseResult[]): readonly Verdict[] {
  return results.some((result) => RED_VERDICTS.includes(result.verdict)) ? RED_VERDICTS : VERDICTS;
}

function caseView(result: CaseResult, run: RunInfo, change: CaseChange | undefined): CaseView {
  return {
    id: result.id,
    title: result.title,
    verdict: result.verdict,
    message: result.message,
    file: result.file,
    line: result.line,
    tags: result.tags,
    duration: formatDuration(result.durationMs),
    clauses: result.clauses.map((clause) => ({ ...clause, name: clauseName(clause) })),
    ...(result.interruptedAt === undefined ? {} : { interruptedAt: result.interruptedAt }),
    ...(result.logExcerpt === undefined ? {} : { logExcerpt: result.logExcerpt }),
    rerun: rerunCommand(result, run),
    checks: result.checks.map(checkView),
    ...(change === undefined ? {} : { change: changeView(change) }),
  };
}

function checkView(check: CheckResult): CheckView {
  const differing = new Set(check.differingKeys);
  return {
    stepId: check.stepId,
    status: checkStatus(check),
    setup: check.kind === 'setup',
    decides: check.explainsVerdict,
    call: describeCall(check.call, check.args),
    duration: formatDuration(check.durationMs),
    documented: check.expected.map(describeOutcome),
    ...(check.documented === undefined ? {} : { page: check.documented.map(describeOutcome) }),
    ...(check.reference === undefined
      ? {}
      : { windows: { outcomes: check.reference.windows.map(describeOutcome), versions: check.reference.versions, source: check.reference.source, url: check.reference.url } }),
    observed: describeOutcomeParts(check.observed).map((part) => ({ text: part.text, differs: differing.has(part.key) })),
    ...(check.mismatch === undefined ? {} : { mismatch: check.mismatch }),
    ...(check.matched === undefined ? {} : { matched: check.matched }),
    ...(check.known === undefined
      ? {}
      : {
          deviation: {
            reason: check.known.reason,
            ...(check.known.bug === undefined ? {} : { bug: check.known.bug }),
            // Anything else (`javascript:`…) stays inert text.
            bugIsLink: /^https?:\/\//i.test(check.known.bug ?? ''),
            recorded: describeOutcome(check.known.recorded),
          },
        }),
  };
}

function checkStatus(check: CheckResult): CheckStatus {
  if (check.passed) return check.known === undefined ? 'passed' : 'fixed';
  return check.known === undefined ? 'failed' : 'known';
}

/**
 * The documented-vs-observed atlas: each page walked clause by clause (its
 * catalogue, spec/<page>/clauses.yaml), and for each clause the cases that cite it,
 * step by step — what the page documents, what real Windows does (its
 * reference, when one is known), and what each provider was observed to do,
 * runs that observed the same thing together. Rendered as HTML and as
 * Markdown for a wiki.
 */
import { documentedOutcomes, type Case, type ClauseCitation } from '../../language/cases/case.js';
import type { Clause, Page, PageSet } from '../../language/clauses/clause.js';
import type { Erratum } from '../../judging/windows-reference/errata.js';
import type { WindowsReference } from '../../judging/windows-reference/reference.js';
import { referenceNote } from '../../judging/windows-reference/standard.js';
import type { RecordedRun } from '../../judging/results/recorded-run.js';
import { describeExpected, describeOutcome } from '../../judging/results/describe-outcome.js';
import type { ReferenceNote, RunInfo, Verdict } from '../../judging/results/result.js';
import { behaviourKey, stableObservation } from '../../judging/results/stable-observation.js';
import { standingOf, type Standing } from '../../judging/results/standing.js';
import { providerLabel } from '../../judging/results/provider-label.js';

/** What some runs observed at a step, alike. */
export interface AtlasObservation {
  readonly text: string;
  readonly standing: Standing;
  /** The labels of the runs that observed it. */
  readonly runs: readonly string[];
}

export interface AtlasStep {
  readonly stepId: string;
  readonly call: string;
  /** What the page documents, as the case writes it. */
  readonly documentedText: string;
  readonly windows?: ReferenceNote & { readonly text: string; readonly note?: string };
  readonly observations: readonly AtlasObservation[];
  /** Runs that have the case but did not make this call, with why: the case's verdict and message. */
  readonly notMade: readonly { readonly run: string; readonly verdict: Verdict; readonly message: string }[];
}

export interface AtlasCase {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly file: string;
  readonly line: number;
  readonly clauses: readonly ClauseCitation[];
  /** The case's verdict in each run, by run label. */
  readonly verdicts: readonly { readonly run: string; readonly verdict: Verdict }[];
  /** Its documented steps (set-up steps document nothing). */
  readonly steps: readonly AtlasStep[];
}

export interface AtlasClause extends Clause {
  /** The cases that cite it, with the words they quote. */
  readonly cases: readonly { readonly id: string; readonly title: string; readonly quote: string }[];
}

/** Clauses that state a rule, and how many of them a case cites. */
export interface RulesChecked {
  readonly rules: number;
  readonly rulesCited: number;
}

export interface AtlasPage {
  /** The page's name: `WSAConnect`. */
  readonly name: string;
  /** The page as text, relative to the project root. */
  readonly text: string;
  /** In the order of the page. */
  readonly clauses: readonly AtlasClause[];
  readonly coverage: RulesChecked;
}

export interface Atlas {
  /** In the order of their names. */
  readonly pages: readonly AtlasPage[];
  readonly runs: readonly { readonly label: string; readonly run: RunInfo }[];
  readonly cases: readonly AtlasCase[];
  readonly errata: readonly Erratum[];
  /** Over every page. */
  readonly coverage: RulesChecked;
}

export function buildAtlas(pages: PageSet, cases: readonly Case[], runs: readonly RecordedRun[], references: readonly WindowsReference[], errata: readonly Erratum[]): Atlas {
  const labelled = labelRuns(runs);
  const atlasPages = pages.pages.map((page) => atlasPage(page, cases));
  return {
    pages: atlasPages,
    runs: labelled.map(({ label, recorded }) => ({ label, run: recorded.run })),
    cases: cases.map((testCase) => atlasCase(testCase, labelled, references)),
    errata,
    coverage: rulesChecked(atlasPages.flatMap((page) => page.clauses)),
  };
}

function atlasPage(page: Page, cases: readonly Case[]): AtlasPage {
  const clauses = page.clauses.map((clause): AtlasClause => ({ ...clause, cases: citing(page.name, clause.id, cases) }));
  return { name: page.name, text: page.files.text, clauses, coverage: rulesChecked(clauses) };
}

function rulesChecked(clauses: readonly AtlasClause[]): RulesChecked {
  const rules = clauses.filter((clause) => clause.kind === 'rule');
  return { rules: rules.length, rulesCited: rules.filter((clause) => clause.cases.length > 0).length };
}

interface LabelledRun {
  readonly label: string;
  readonly recorded: RecordedRun;
}

/** `Wine 8.0 (reports Windows 10.0.19043), build host @ machine`, numbered when two runs would read the same. */
function labelRuns(runs: readonly RecordedRun[]): LabelledRun[] {
  const seen = new Map<string, number>();
  return runs.map((recorded) => {
    const { host, judgedAgainst } = recorded.run;
    const base = `${providerLabel(recorded.run)} @ ${host}${judgedAgainst === 'docs' ? '' : ' (judged against Windows)'}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { label: count === 1 ? base : `${base} #${count}`, recorded };
  });
}

function citing(page: string, clauseId: string, cases: readonly Case[]): AtlasClause['cases'] {
  return cases.flatMap((testCase) =>
    testCase.clauses.filter((citation) => citation.page === page && citation.id === clauseId).map((citation) => ({ id: testCase.id, title: testCase.title, quote: citation.quote })),
  );
}

function atlasCase(testCase: Case, runs: readonly LabelledRun[], references: readonly WindowsReference[]): AtlasCase {
  const results = runs.flatMap(({ label, recorded }) => {
    const result = recorded.cases.find((candidate) => candidate.id === testCase.id);
    return result === undefined ? [] : [{ label, result }];
  });
  const documentedSteps = testCase.steps.flatMap((step) => {
    const documented = documentedOutcomes(step);
    return documented === undefined ? [] : [{ ...step, documented }];
  });
  return {
    id: testCase.id,
    title: testCase.title,
    ...(testCase.description === undefined ? {} : { description: testCase.description.trim() }),
    file: testCase.location.file,
    line: testCase.location.line,
    clauses: testCase.clauses,
    verdicts: results.map(({ label, result }) => ({ run: label, verdict: result.verdict })),
    steps: documentedSteps.map((step) => {
      const reference = references.find((candidate) => candidate.case === testCase.id && candidate.step === step.id);
      const observations = new Map<string, { text: string; standing: Standing; runs: string[] }>();
      const notMade: { run: string; verdict: Verdict; message: string }[] = [];
      for (const { label, result } of results) {
        const check = result.checks.find((candidate) => candidate.stepId === step.id);
        if (check === undefined) {
          notMade.push({ run: label, verdict: result.verdict, message: result.message });
          continue;
        }
        const standing = standingOf(check);
        const key = `${behaviourKey(check.observed)} ${standing}`;
        const entry = observations.get(key) ?? { text: describeOutcome(stableObservation(check.observed)), standing, runs: [] };
        entry.runs.push(label);
        observations.set(key, entry);
      }
      return {
        stepId: step.id,
        call: step.call,
        documentedText: describeExpected(step.documented),
        ...(reference === undefined
          ? {}
          : { windows: { ...referenceNote(reference), text: describeExpected(reference.windows), ...(reference.note === undefined ? {} : { note: reference.note }) } }),
        observations: [...observations.values()],
        notMade,
      };
    }),
  };
}

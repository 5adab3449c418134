/**
 * What a run produces: one CaseResult per case, each with the checks made
 * inside it. This is the shape of every line of results.jsonl and the only
 * input of reporters/.
 */
import type { ClauseCitation, Outcome } from '../../language/cases/case.js';
import type { Observation } from '../../language/calls/observation.js';
import type { ProviderBuild } from '../../stacks/providers/provider.js';
import type { StackFacts } from '../../stacks/stack-facts.js';

export type { Observation, StackFacts };

/**
 * The page of a recorded citation without `page`: results written before
 * cases cited pages by name cite WSAConnect's clauses, the only page then.
 * Results are read back with it filled in (reporters/results-jsonl.ts).
 */
export const PAGE_OF_UNNAMED_CITATIONS = 'WSAConnect';

/**
 * A case's verdict.
 * - PASS: every check saw what the page documents.
 * - FAIL: some check saw something else, and no expectation of this provider lists it.
 * - KNOWN: every failing check is a deviation listed for this provider, with what was seen then.
 * - XPASS: a listed deviation of this provider was not seen any more (the case now behaves as documented).
 * - SKIP: the case was not run, for the stated reason.
 * - ERROR: the harness could not carry the case out (a fixture failed, bad reference…).
 * - TIMEOUT: the case did not finish within its time limit; the provider process was killed.
 * - CRASH: the provider process died during the case.
 */
export const VERDICTS = ['PASS', 'FAIL', 'KNOWN', 'XPASS', 'SKIP', 'ERROR', 'TIMEOUT', 'CRASH'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Verdicts that leave the run green (exit status 0). */
export const ACCEPTED_VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>(['PASS', 'KNOWN', 'SKIP']);


/** A listed deviation of a provider, as it applied to a check. */
export interface KnownDeviation {
  readonly reason: string;
  readonly bug?: string;
  /** The observation recorded in the expectations file. */
  readonly recorded: Outcome;
}

/** One call of a case and how it compares with the documentation, before the provider's expectations are applied. */
export interface ObservedCheck {
  readonly stepId: string;
  readonly call: string;
  /** The arguments the call was made with, references resolved. */
  readonly args: { readonly [name: string]: unknown };
  /** `documented`: the step's expect; `setup`: a step without expect, which must succeed. */
  readonly kind: 'documented' | 'setup';
  /** The documented alternatives, references resolved. */
  readonly expected: readonly Outcome[];
  readonly observed: Observation;
  readonly passed: boolean;
  /** The name of the documented alternative the observation matched, when that alternative has one (`as:` in the case). */
  readonly matched?: string;
  /** Why the observation does not match, when it does not. */
  readonly mismatch?: string;
  /** Keys of `observed` that differ from the closest documented alternative; empty for a passed check. */
  readonly differingKeys: readonly string[];
  readonly durationMs: number;
}

/**
 * What real Windows does at a step, from references/windows.yaml: the
 * outcome as written there (references such as `$peer` unresolved), which
 * Windows versions, and the source that asserts it.
 */
export interface ReferenceNote {
  readonly windows: readonly Outcome[];
  readonly versions: string;
  /** One line: `wine-10.0 dlls/ws2_32/tests/sock.c:14241-14242 (test_broadcast)`. */
  readonly source: string;
  /** The quoted lines in the project's public tree. */
  readonly url: string;
}

/** A check as the verdict judged it. */
export interface CheckResult extends ObservedCheck {
  /** The step's Windows reference, when there is one: reports show it between what the page documents and what was observed. */
  readonly reference?: ReferenceNote;
  /**
   * Set when the run judged by Windows (RunInfo.judgedAgainst) and the step
   * has a reference: `expected` is then what Windows does, and this is what
   * the page documents, as the case writes it.
   */
  readonly documented?: readonly Outcome[];
  /** Set when this check's outcome is covered by a deviation listed for the provider. */
  readonly known?: KnownDeviation;
  /**
   * Whether this check is one of those that make the case's verdict what it
   * is: the unexplained failures of a red case, the covered deviations of a
   * KNOWN case, the no-longer-seen deviations of an XPASS. Reports show these.
   */
  readonly explainsVerdict: boolean;
}

export interface CaseResult {
  readonly id: string;
  readonly title: string;
  /** Case file, relative to the project root. */
  readonly file: string;
  readonly line: number;
  readonly clauses: readonly ClauseCitation[];
  readonly tags: readonly string[];
  readonly provider: string;
  readonly verdict: Verdict;
  /** One line saying why the verdict is what it is. */
  readonly message: string;
  readonly checks: readonly CheckResult[];
  /** Id of the step that was running when the case ended by TIMEOUT or CRASH. */
  readonly interruptedAt?: string;
  /**
   * The end of what the provider process wrote to provider.log while this
   * case ran (about its last 40 lines), kept for the cases where it tells
   * what happened: a CRASH or a TIMEOUT. Absent when nothing was recorded;
   * reports show it when present and do without it otherwise.
   */
  readonly logExcerpt?: string;
  readonly durationMs: number;
  readonly startedAt: string;
}


/** A set of inputs a run was judged with, by how many entries it has and a hash of them (harness/judging/results/fingerprint.ts). */
export interface InputFingerprint {
  readonly count: number;
  /** sha256 of the canonical JSON of the entries, in hex. */
  readonly sha256: string;
}

/** What a step is judged against: the page (`docs`), or where a Windows reference exists, what Windows does (`windows`). */
export const STANDARDS = ['docs', 'windows'] as const;
export type Standard = (typeof STANDARDS)[number];

/** The version of the results.jsonl format this harness writes and reads (its `run` line says it). */
export const RESULTS_FORMAT = 1;

/** Facts about a run, written first in results.jsonl and shown by every report. */
export interface RunInfo {
  readonly provider: string;
  readonly providerVersion: string;
  /** Which build of the provider ran, where it has several (Wine: `--wine`), and where it came from. */
  readonly providerBuild?: ProviderBuild;
  /** The provider's version split into fields (providerVersion is the same, as one line). */
  readonly stack: StackFacts;
  /** The Node and koffi the provider's worker runs. */
  readonly providerNode: string;
  readonly providerKoffi?: string;
  readonly harnessVersion: string;
  /** The machine that ran the harness: its name, and `process.platform process.arch os.release()`. */
  readonly host: string;
  readonly platform: string;
  readonly startedAt: string;
  /**
   * The folder of the case set, relative to the project root like each
   * result's `file` (`cases` unless the run was given another set). Reports
   * name a case file by its path inside this folder.
   */
  readonly casesDir: string;
  readonly filters: { readonly grep?: string; readonly tags: readonly string[] };
  /** Every case loaded (before filters), and the provider's listed deviations: the same hashes mean the same inputs. */
  readonly caseSet: InputFingerprint;
  readonly expectations: InputFingerprint;
  /** The Windows references loaded (references/windows.yaml), and which standard the run judged by. */
  readonly references: InputFingerprint;
  readonly judgedAgainst: Standard;
}

export type VerdictCounts = { readonly [V in Verdict]: number };

export interface RunSummary {
  readonly counts: VerdictCounts;
  readonly total: number;
  readonly durationMs: number;
  /** True when every verdict is accepted (PASS, KNOWN, SKIP) — of the cases that ran. */
  readonly green: boolean;
  /** Set when not every selected case ran or was recorded: why (`interrupted by SIGINT after 3 of 27 cases`). */
  readonly incomplete?: string;
}

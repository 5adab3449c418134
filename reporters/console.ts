/**
 * The terminal report. On a TTY it keeps one progress line rewritten in
 * place (cases ended of all, and those under way with their time so far)
 * and prints one line, cut at the terminal's width, for each case worth a
 * look (KNOWN and the red ones); elsewhere (CI logs, pipes) it prints one
 * plain line per case, cut at PIPED_WIDTH, with no cursor movement and,
 * unless asked, no colour. The explanation of a KNOWN case stays in the
 * reports and in results.jsonl. Both end with the red cases in full, then
 * the summary line, which CI parses as the runner's closing line.
 */
import type { CaseResult, RunInfo, RunSummary, Verdict } from '../harness/judging/results/result.js';
import { describeCaseFindings } from './check-findings.js';
import { escapeTerminalLine } from './escape.js';
import { formatDuration } from './format-duration.js';
import type { CaseHeader, Reporter } from '../harness/run/runner/reporter.js';
import { formatSummaryLine } from './summary.js';
import { providerLabel } from '../harness/judging/results/provider-label.js';
import { ProgressLine } from './progress-line.js';

/** The part of a tty.WriteStream this reporter uses; tests pass a fake. */
export interface ConsoleStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  /** Terminal width, used to keep the progress line from wrapping (a wrapped line cannot be rewritten). */
  readonly columns?: number;
}

export interface ConsoleReporterOptions {
  readonly stream?: ConsoleStream;
  /** ANSI colours; defaults to whether the stream is a TTY. */
  readonly color?: boolean;
  /** The clock of the progress line; tests give their own. */
  readonly clock?: ProgressClock;
}

/** What the progress line needs of time: the time now, and a call every so often while cases are under way. */
export interface ProgressClock {
  now(): number;
  /** Calls `tick` every `ms` until stopped; it must not keep the process alive. */
  every(ms: number, tick: () => void): { stop(): void };
}

const SYSTEM_CLOCK: ProgressClock = {
  now: () => performance.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  },
};

/** How often the time of the cases under way is brought up to date. */
const PROGRESS_TICK_MS = 200;

/**
 * The most characters a piped line of a case has: a KNOWN case's message
 * can be a paragraph, and a log reader wants a case per line it can scan.
 * The whole message is in results.jsonl and the reports.
 */
export const PIPED_WIDTH = 160;

/** A terminal that does not say its width: the usual 80 columns, so that nothing wraps. */
const DEFAULT_COLUMNS = 80;

/** Verdicts whose details are printed at the end: those that turn the run red. */
const DETAILED_VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>(['FAIL', 'ERROR', 'TIMEOUT', 'CRASH', 'XPASS']);

/** Verdicts a TTY does not print a line for: nothing to look at. */
const QUIET_VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>(['PASS', 'SKIP']);

/** SGR parameters per verdict. */
const VERDICT_SGR: { readonly [V in Verdict]: string } = {
  PASS: '32',
  FAIL: '31;1',
  KNOWN: '33',
  XPASS: '35;1',
  SKIP: '90',
  ERROR: '31',
  TIMEOUT: '33;1',
  CRASH: '97;41',
};

const CLEAR_LINE = '\r\x1b[2K';

export class ConsoleReporter implements Reporter {
  private readonly stream: ConsoleStream;
  private readonly live: boolean;
  private readonly color: boolean;
  private readonly clock: ProgressClock;
  private progress = new ProgressLine(0);
  private ticker: { stop(): void } | undefined;
  private progressShown = false;
  private readonly detailed: CaseResult[] = [];

  constructor({ stream = process.stdout, color = stream.isTTY === true, clock = SYSTEM_CLOCK }: ConsoleReporterOptions = {}) {
    this.stream = stream;
    this.live = stream.isTTY === true;
    this.color = color;
    this.clock = clock;
  }

  start(run: RunInfo, total: number): void {
    this.progress = new ProgressLine(total);
    this.writeLine(
      `Running ${total} case${total === 1 ? '' : 's'} against ${providerLabel(run)} ` +
        `(harness ${run.harnessVersion})`,
    );
    // Judged by Windows, "documented" below is what Windows does wherever references/windows.yaml has the step.
    if (run.judgedAgainst === 'windows') this.writeLine('judged against what Windows does where a Windows reference has the step, else against the page');
    if (this.live) this.ticker = this.clock.every(PROGRESS_TICK_MS, () => {
      if (this.progress.busy) this.showProgress();
    });
  }

  caseStarted(header: CaseHeader): void {
    this.progress.started(header.id, header.total, this.clock.now());
    if (this.live) this.showProgress();
  }

  caseEnded(header: CaseHeader): void {
    this.progress.ended(header.id);
    if (this.live) this.showProgress();
  }

  caseFinished(result: CaseResult): void {
    this.progress.ended(result.id);
    if (DETAILED_VERDICTS.has(result.verdict)) this.detailed.push(result);
    if (this.live) {
      if (!QUIET_VERDICTS.has(result.verdict)) this.writeCaseLine(result, `${result.id} — ${result.message}`, this.columns());
      this.showProgress();
    } else {
      const why = result.verdict === 'PASS' ? '' : ` — ${result.message}`;
      this.writeCaseLine(result, `${result.id} (${formatDuration(result.durationMs)})${why}`, PIPED_WIDTH);
    }
  }

  end(summary: RunSummary): void {
    this.ticker?.stop();
    this.writeLine('');
    for (const result of this.detailed) {
      this.writeLine(`${this.paint(result.verdict)} ${safe(result.id)}: ${safe(result.title)}`);
      for (const line of describeCaseDetails(result)) this.writeLine(`  ${line}`);
      this.writeLine('');
    }
    if (summary.incomplete !== undefined) this.writeLine(`INCOMPLETE: ${safe(summary.incomplete)}`);
    // Never coloured, whatever the colour setting: CI matches this line as is.
    this.writeLine(formatSummaryLine(summary));
    this.writeLine(`Finished in ${formatDuration(summary.durationMs)}`);
  }

  /** Writes a whole line, first erasing the progress line if one is on screen. */
  private writeLine(text: string): void {
    this.clearProgress();
    this.stream.write(`${text}\n`);
  }

  /** A case's line: its verdict, then `text` made safe and cut so that the whole line has at most `width` characters. */
  private writeCaseLine(result: CaseResult, text: string, width: number): void {
    const room = width - result.verdict.length - 1;
    this.writeLine(`${this.paint(result.verdict)} ${cut(safe(text), room)}`);
  }

  private showProgress(): void {
    // One column short of the width: writing the last column wraps on some terminals.
    this.stream.write(`${CLEAR_LINE}${this.progress.render(this.clock.now(), this.columns() - 1)}`);
    this.progressShown = true;
  }

  private columns(): number {
    const width = this.stream.columns;
    return width !== undefined && width > 1 ? width : DEFAULT_COLUMNS;
  }

  private clearProgress(): void {
    if (!this.progressShown) return;
    this.stream.write(CLEAR_LINE);
    this.progressShown = false;
  }

  private paint(verdict: Verdict): string {
    return this.color ? `\x1b[${VERDICT_SGR[verdict]}m${verdict}\x1b[0m` : verdict;
  }
}

/**
 * The lines under a red case's heading at the end of the run:
 *
 *     FAIL tcp.nonblocking.connect: WSAConnect on a non-blocking socket   (heading)
 *       at cases/tcp/nonblocking.yaml:12
 *       WSAConnect returned 0
 *       step connect: WSAConnect(s=3, name=127.0.0.1:5000)
 *         documented: SOCKET_ERROR WSAEWOULDBLOCK
 *         observed:   0
 */
function describeCaseDetails(result: CaseResult): string[] {
  return [`at ${safe(result.file)}:${result.line}`, safe(result.message), ...describeCaseFindings(result).map(safe)];
}

/** `text` in at most `width` characters, the cut marked. */
function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

function safe(text: string): string {
  return escapeTerminalLine(text);
}

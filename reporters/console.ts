/**
 * The terminal report. On a TTY it keeps one progress line rewritten in
 * place and prints only the cases worth a look; elsewhere (CI logs, pipes)
 * it prints one plain line per case, with no cursor movement and, unless
 * asked, no colour. Both end with the details of the red cases, then the
 * summary line, which CI parses as the runner's closing line.
 */
import type { CaseResult, RunInfo, RunSummary, Verdict } from '../harness/judging/results/result.js';
import { describeCaseFindings } from './check-findings.js';
import { escapeTerminalLine } from './escape.js';
import { formatDuration } from './format-duration.js';
import type { CaseHeader, Reporter } from '../harness/run/runner/reporter.js';
import { formatSummaryLine } from './summary.js';
import { providerLabel } from '../harness/judging/results/provider-label.js';

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
}

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
  private total = 0;
  private started = 0;
  private finished = 0;
  private progressShown = false;
  private readonly detailed: CaseResult[] = [];

  constructor({ stream = process.stdout, color = stream.isTTY === true }: ConsoleReporterOptions = {}) {
    this.stream = stream;
    this.live = stream.isTTY === true;
    this.color = color;
  }

  start(run: RunInfo, total: number): void {
    this.total = total;
    this.writeLine(
      `Running ${total} case${total === 1 ? '' : 's'} against ${providerLabel(run)} ` +
        `(harness ${run.harnessVersion})`,
    );
    // Judged by Windows, "documented" below is what Windows does wherever references/windows.yaml has the step.
    if (run.judgedAgainst === 'windows') this.writeLine('judged against what Windows does where a Windows reference has the step, else against the page');
  }

  caseStarted(header: CaseHeader): void {
    // Counted here rather than taken from header.index so the display is
    // 1-based whatever the runner's index convention.
    this.started += 1;
    this.total = header.total;
    if (this.live) this.showProgress(this.started, header.id);
  }

  caseFinished(result: CaseResult): void {
    this.finished += 1;
    if (DETAILED_VERDICTS.has(result.verdict)) this.detailed.push(result);
    if (this.live) {
      if (!QUIET_VERDICTS.has(result.verdict)) {
        this.writeLine(`${this.paint(result.verdict)} ${safe(result.id)} — ${safe(result.message)}`);
      }
      this.showProgress(this.finished, result.id);
    } else {
      const why = result.verdict === 'PASS' ? '' : ` — ${safe(result.message)}`;
      this.writeLine(`${this.paint(result.verdict)} ${safe(result.id)} (${formatDuration(result.durationMs)})${why}`);
    }
  }

  end(summary: RunSummary): void {
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

  private showProgress(ordinal: number, caseId: string): void {
    const text = `[${ordinal}/${this.total}] ${safe(caseId)}`;
    const width = this.stream.columns;
    // One column short of the width: writing the last column wraps on some terminals.
    const fitted = width !== undefined && width > 1 && text.length >= width ? text.slice(0, width - 1) : text;
    this.stream.write(`${CLEAR_LINE}${fitted}`);
    this.progressShown = true;
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

function safe(text: string): string {
  return escapeTerminalLine(text);
}

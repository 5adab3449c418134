import { expect } from 'chai';

import { ConsoleReporter, PIPED_WIDTH } from '../../reporters/console.js';
import type { ConsoleStream, ProgressClock } from '../../reporters/console.js';
import type { CaseResult } from '../../harness/judging/results/result.js';
import type { CaseHeader } from '../../harness/run/runner/reporter.js';
import { summarize } from '../../harness/judging/results/summary.js';
import { formatSummaryLine } from '../../reporters/summary.js';
import { ALL_RESULTS, FAIL_CASE, KNOWN_CASE, PASS_CASE, RUN, SKIP_CASE } from './sample-results.js';
import { runReporter } from './run-reporter.js';

class CapturedStream implements ConsoleStream {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns?: number,
  ) {}

  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }

  /** Lines as a terminal would leave them: everything up to a clear-line sequence is erased. */
  get screenLines(): string[] {
    return this.text.split('\n').map((line) => line.split('\r\x1b[2K').at(-1) ?? '');
  }
}

const ESC = '\x1b';
const expectedSummaryLine = formatSummaryLine(summarize(ALL_RESULTS, 0));

describe('ConsoleReporter, not on a TTY', () => {
  let stream: CapturedStream;
  beforeEach(async () => {
    stream = new CapturedStream(false);
    await runReporter(new ConsoleReporter({ stream }), RUN, ALL_RESULTS);
  });

  it('writes no escape sequence and no carriage return', () => {
    expect(stream.text).to.not.include(ESC);
    expect(stream.text).to.not.include('\r');
  });

  it('writes one line per finished case', () => {
    const lines = stream.text.split('\n');
    expect(lines).to.include('PASS tcp.blocking.success (12 ms)');
    expect(lines).to.include(`FAIL ${FAIL_CASE.id} (12 ms) — ${FAIL_CASE.message}`);
    expect(lines).to.include(`SKIP ${SKIP_CASE.id} (12 ms) — ${SKIP_CASE.message}`);
    for (const result of ALL_RESULTS) {
      expect(lines.filter((line) => line.startsWith(`${result.verdict} ${result.id} (`))).to.have.length(1);
    }
  });

  it('details every red case with documented and observed, and not the green ones', () => {
    expect(stream.text).to.include('  step connect: WSAConnect(s=3, name=127.0.0.1:5000, namelen=16)');
    expect(stream.text).to.include('    documented: SOCKET_ERROR WSAEWOULDBLOCK\n    observed:   0\n');
    expect(stream.text).to.include('  interrupted at step connect');
    const headings = stream.text.split('\n').filter((line) => /^[A-Z]+ \S+: /.test(line));
    expect(headings.map((line) => line.split(' ')[0])).to.deep.equal(['FAIL', 'XPASS', 'ERROR', 'TIMEOUT', 'CRASH']);
    expect(headings.some((line) => line.includes(KNOWN_CASE.id))).to.equal(false);
  });

  it('ends with the summary line alone, then the duration', () => {
    const lines = stream.text.split('\n');
    expect(lines.at(-1)).to.equal('');
    expect(lines.at(-3)).to.equal(expectedSummaryLine);
    expect(lines.at(-2)).to.equal('Finished in 6.54 s');
  });

  it('says when the run judges by what Windows does, and not otherwise', async () => {
    expect(stream.text).to.not.include('judged against what Windows does');
    const byWindows = new CapturedStream(false);
    await runReporter(new ConsoleReporter({ stream: byWindows }), { ...RUN, judgedAgainst: 'windows' }, [PASS_CASE]);
    expect(byWindows.text.split('\n')[1]).to.equal('judged against what Windows does where a Windows reference has the step, else against the page');
  });

  it('cuts a long line at a width a log reader can scan, and gives the red case in full at the end', async () => {
    const long = `the step saw ${'a long observation, '.repeat(30)}end`;
    const piped = new CapturedStream(false);
    await runReporter(new ConsoleReporter({ stream: piped }), RUN, [{ ...FAIL_CASE, message: long }]);
    const lines = piped.text.split('\n');
    const caseLine = lines.find((line) => line.startsWith(`FAIL ${FAIL_CASE.id} (`)) ?? expect.fail(piped.text);
    expect(caseLine).to.have.length(PIPED_WIDTH);
    expect(caseLine.endsWith('…')).to.equal(true);
    expect(lines).to.include(`  ${long}`);
  });

  it('strips control characters from case text', () => {
    expect(stream.text).to.not.include('\u0007');
    expect(stream.text).to.include('a bell & "quotes"');
  });
});

/** A clock the test moves by hand; the progress line's ticks run when the test says. */
class FakeClock implements ProgressClock {
  time = 0;
  private ticks: (() => void)[] = [];
  now(): number {
    return this.time;
  }
  every(_ms: number, tick: () => void): { stop(): void } {
    this.ticks.push(tick);
    return { stop: () => (this.ticks = this.ticks.filter((other) => other !== tick)) };
  }
  advance(ms: number): void {
    this.time += ms;
    for (const tick of this.ticks) tick();
  }
  get ticking(): boolean {
    return this.ticks.length > 0;
  }
}

/** Every progress line written, in order. */
function progressLines(text: string): string[] {
  return text
    .split(`\r${ESC}[2K`)
    .map((part) => part.split('\n')[0] ?? '')
    .filter((part) => part.startsWith('['));
}

const header = (result: CaseResult, index: number, total: number): CaseHeader => ({ id: result.id, title: result.title, index, total });

describe('ConsoleReporter, on a TTY', () => {
  it('rewrites a progress line in place and prints only cases worth a look', async () => {
    const stream = new CapturedStream(true, 200);
    await runReporter(new ConsoleReporter({ stream, color: false, clock: new FakeClock() }), RUN, ALL_RESULTS);
    expect(stream.text).to.include(`\r${ESC}[2K[0/9] running: ${PASS_CASE.id} 0.0 s`);
    expect(stream.text).to.include(`\r${ESC}[2K[9/9]`);
    const lines = stream.screenLines;
    expect(lines).to.include(`FAIL ${FAIL_CASE.id} — ${FAIL_CASE.message}`);
    expect(lines).to.include(`KNOWN ${KNOWN_CASE.id} — ${KNOWN_CASE.message}`);
    expect(lines.some((line) => line.startsWith(`PASS ${PASS_CASE.id}`))).to.equal(false);
    expect(lines.some((line) => line.startsWith(`SKIP ${SKIP_CASE.id}`))).to.equal(false);
    expect(lines.at(-3)).to.equal(expectedSummaryLine);
  });

  it('counts cases ended, never started: the count never goes back, however the cases interleave', () => {
    const stream = new CapturedStream(true, 200);
    const clock = new FakeClock();
    const reporter = new ConsoleReporter({ stream, color: false, clock });
    const cases = ALL_RESULTS.slice(0, 6);
    const total = cases.length;
    reporter.start(RUN, total);
    const at = (index: number) => header(cases[index] as CaseResult, index, total);
    // Two private cases start first and take long; two lanes take the rest, ending out of order;
    // each case is reported (caseFinished) only once those before it are.
    reporter.caseStarted(at(4));
    reporter.caseStarted(at(5));
    reporter.caseStarted(at(0));
    reporter.caseStarted(at(1));
    clock.advance(200);
    reporter.caseEnded(at(1));
    reporter.caseStarted(at(2));
    clock.advance(200);
    reporter.caseEnded(at(0));
    reporter.caseFinished(cases[0] as CaseResult);
    reporter.caseFinished(cases[1] as CaseResult);
    reporter.caseStarted(at(3));
    reporter.caseEnded(at(3));
    clock.advance(2600);
    reporter.caseEnded(at(2));
    reporter.caseFinished(cases[2] as CaseResult);
    reporter.caseFinished(cases[3] as CaseResult);
    reporter.caseEnded(at(5));
    reporter.caseEnded(at(4));
    reporter.caseFinished(cases[4] as CaseResult);
    reporter.caseFinished(cases[5] as CaseResult);
    reporter.end(summarize(cases, 3000));

    const counts = progressLines(stream.text).map((line) => Number(/^\[(\d+)\/(\d+)\]/.exec(line)?.[1]));
    expect(counts.length).to.be.greaterThan(10);
    for (const [index, count] of counts.entries()) expect(count, `progress line ${index}: ${counts.join(' ')}`).to.be.at.least(counts[index - 1] ?? 0);
    expect(counts.at(-1)).to.equal(total);
    expect(clock.ticking, 'the clock stops with the run').to.equal(false);
  });

  it('shows the cases under way with their time so far, the longest first, brought up to date as time passes', () => {
    const stream = new CapturedStream(true, 200);
    const clock = new FakeClock();
    const reporter = new ConsoleReporter({ stream, color: false, clock });
    const [slow, quick] = [ALL_RESULTS[7] as CaseResult, ALL_RESULTS[0] as CaseResult];
    reporter.start(RUN, 2);
    reporter.caseStarted(header(slow, 1, 2));
    clock.advance(3000);
    reporter.caseStarted(header(quick, 0, 2));
    clock.advance(1400);
    expect(progressLines(stream.text).at(-1)).to.equal(`[0/2] running: ${slow.id} 4.4 s ${quick.id} 1.4 s`);
    reporter.caseEnded(header(quick, 0, 2));
    expect(progressLines(stream.text).at(-1)).to.equal(`[1/2] running: ${slow.id} 4.4 s`);
  });

  it('keeps the progress line within the terminal width, naming how many more cases run', () => {
    const stream = new CapturedStream(true, 50);
    const clock = new FakeClock();
    const reporter = new ConsoleReporter({ stream, clock });
    reporter.start(RUN, ALL_RESULTS.length);
    ALL_RESULTS.forEach((result, index) => reporter.caseStarted(header(result, index, ALL_RESULTS.length)));
    clock.advance(1000);
    const lines = progressLines(stream.text);
    for (const line of lines) expect(line).to.have.length.below(50);
    expect(lines.at(-1)).to.match(/ \+\d+ more$/);
  });

  it('prints a KNOWN case as one line within the width, its explanation left to the reports', async () => {
    const stream = new CapturedStream(true, 100);
    const known = { ...KNOWN_CASE, message: `known deviation: ${'the wineserver maps the status to another error, '.repeat(8)}` };
    await runReporter(new ConsoleReporter({ stream, color: false, clock: new FakeClock() }), RUN, [known]);
    const line = stream.screenLines.find((candidate) => candidate.startsWith(`KNOWN ${known.id}`)) ?? expect.fail(stream.text);
    expect(line).to.have.length.at.most(100);
    expect(line.endsWith('…')).to.equal(true);
  });

  it('colours verdicts when asked, but never the summary line', async () => {
    const stream = new CapturedStream(true, 200);
    await runReporter(new ConsoleReporter({ stream, clock: new FakeClock() }), RUN, ALL_RESULTS);
    expect(stream.text).to.include(`${ESC}[31;1mFAIL${ESC}[0m`);
    expect(stream.screenLines.at(-3)).to.equal(expectedSummaryLine);
  });
});

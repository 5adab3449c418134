import { expect } from 'chai';

import { ConsoleReporter } from '../../reporters/console.js';
import type { ConsoleStream } from '../../reporters/console.js';
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

  it('strips control characters from case text', () => {
    expect(stream.text).to.not.include('\u0007');
    expect(stream.text).to.include('a bell & "quotes"');
  });
});

describe('ConsoleReporter, on a TTY', () => {
  it('rewrites a progress line in place and prints only cases worth a look', async () => {
    const stream = new CapturedStream(true, 200);
    await runReporter(new ConsoleReporter({ stream, color: false }), RUN, ALL_RESULTS);
    expect(stream.text).to.include(`\r${ESC}[2K[1/9] ${PASS_CASE.id}`);
    expect(stream.text).to.include(`\r${ESC}[2K[9/9] `);
    const lines = stream.screenLines;
    expect(lines).to.include(`FAIL ${FAIL_CASE.id} — ${FAIL_CASE.message}`);
    expect(lines).to.include(`KNOWN ${KNOWN_CASE.id} — ${KNOWN_CASE.message}`);
    expect(lines.some((line) => line.startsWith(`PASS ${PASS_CASE.id}`))).to.equal(false);
    expect(lines.some((line) => line.startsWith(`SKIP ${SKIP_CASE.id}`))).to.equal(false);
    expect(lines.at(-3)).to.equal(expectedSummaryLine);
  });

  it('keeps the progress line within the terminal width', async () => {
    const stream = new CapturedStream(true, 20);
    await runReporter(new ConsoleReporter({ stream }), RUN, ALL_RESULTS);
    for (const progress of stream.text.split(`\r${ESC}[2K`).filter((part) => part.startsWith('['))) {
      expect(progress.split('\n')[0]).to.have.length.below(20);
    }
  });

  it('colours verdicts when asked, but never the summary line', async () => {
    const stream = new CapturedStream(true, 200);
    await runReporter(new ConsoleReporter({ stream }), RUN, ALL_RESULTS);
    expect(stream.text).to.include(`${ESC}[31;1mFAIL${ESC}[0m`);
    expect(stream.screenLines.at(-3)).to.equal(expectedSummaryLine);
  });
});

import { expect } from 'chai';

import type { RunSummary } from '../../harness/judging/results/result.js';
import { formatDuration } from '../../reporters/format-duration.js';
import { summarize } from '../../harness/judging/results/summary.js';
import { formatSummaryLine } from '../../reporters/summary.js';
import { ALL_RESULTS, KNOWN_CASE, PASS_CASE, SKIP_CASE } from './sample-results.js';

describe('summarize', () => {
  it('counts every verdict and the total', () => {
    const summary = summarize(ALL_RESULTS, 1234);
    expect(summary.counts).to.deep.equal({ PASS: 2, FAIL: 1, KNOWN: 1, XPASS: 1, SKIP: 1, ERROR: 1, TIMEOUT: 1, CRASH: 1 });
    expect(summary.total).to.equal(9);
    expect(summary.durationMs).to.equal(1234);
  });

  it('is red as soon as one verdict is not accepted', () => {
    expect(summarize(ALL_RESULTS, 0).green).to.equal(false);
  });

  it('is green when every verdict is PASS, KNOWN or SKIP', () => {
    expect(summarize([PASS_CASE, KNOWN_CASE, SKIP_CASE], 0).green).to.equal(true);
  });

  it('counts zero for every verdict of an empty run', () => {
    const summary = summarize([], 0);
    expect(Object.values(summary.counts)).to.deep.equal([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(summary.total).to.equal(0);
  });
});

describe('formatSummaryLine', () => {
  const withCounts = (counts: Partial<RunSummary['counts']>): RunSummary => ({
    counts: { PASS: 0, FAIL: 0, KNOWN: 0, XPASS: 0, SKIP: 0, ERROR: 0, TIMEOUT: 0, CRASH: 0, ...counts },
    total: 0,
    durationMs: 0,
    green: false,
  });

  it('always shows passed and failed, even at zero', () => {
    expect(formatSummaryLine(withCounts({}))).to.equal('0 passed, 0 failed');
  });

  it('adds only the non-zero other verdicts', () => {
    expect(formatSummaryLine(withCounts({ PASS: 12, FAIL: 1, KNOWN: 4, TIMEOUT: 1 }))).to.equal(
      '12 passed, 1 failed, 4 known, 1 timeout',
    );
  });

  it('orders known, skipped, xpass, error, timeout, crash', () => {
    expect(formatSummaryLine(summarize(ALL_RESULTS, 0))).to.equal(
      '2 passed, 1 failed, 1 known, 1 skipped, 1 xpass, 1 error, 1 timeout, 1 crash',
    );
  });
});

describe('formatDuration', () => {
  it('uses ms below a second, seconds below a minute, then minutes', () => {
    expect(formatDuration(12.4)).to.equal('12 ms');
    expect(formatDuration(1234)).to.equal('1.23 s');
    expect(formatDuration(125_000)).to.equal('2 min 05 s');
  });
});

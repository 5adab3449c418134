/**
 * How long the pages of a large run take to open: writes report.html of
 * synthetic results (2000 cases unless a count is given), one with red
 * verdicts (the page opens on them) and one all green (it opens on every
 * case), then the matrix of 4 such runs and the atlas of 4 runs of the
 * suite's cases copied to that count; opens each from disk in headless
 * Chromium several times, and prints the median time from the start of
 * navigation to the load event and to the first frame painted after it: the
 * page as it opens. Figures, not a pass or fail: the browser tests check the
 * same pages open whole.
 *
 *     npm run bench:report [-- COUNT]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { CaseResult } from '../harness/judging/results/result.js';
import { summarize } from '../harness/judging/results/summary.js';
import { HtmlReporter } from '../reporters/html.js';
import { chromiumMissing, launchChromium, type HeadlessChromium } from '../test/support/headless-chromium.js';
import { suiteCasesCopiedTo, writeAtlasOf, writeLargeMatrix } from '../test/support/large-pictures.js';
import { SYNTHETIC_RUN, syntheticResults } from '../test/support/synthetic-results.js';

const OPENINGS = 5;

interface Opening {
  readonly loadMs: number;
  readonly paintedMs: number;
  readonly elements: number;
}

/** One page to time: how to write it into a folder (its file: URL), and what it shows, for the figures' line. */
interface Measured {
  readonly label: string;
  readonly write: (dir: string) => string;
}

async function measure(browser: HeadlessChromium, { label, write }: Measured): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'winsock-bench-report-'));
  try {
    const url = write(dir);
    const openings: Opening[] = [];
    for (let attempt = 0; attempt < OPENINGS; attempt += 1) {
      const page = await browser.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      // Two animation frames after load: the first frame painted with the page as it opens.
      openings.push(
        await page.evaluate(
          () =>
            new Promise<Opening>((resolve) =>
              requestAnimationFrame(() =>
                requestAnimationFrame(() => {
                  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
                  resolve({ loadMs: navigation.loadEventEnd, paintedMs: performance.now(), elements: document.getElementsByTagName('*').length });
                }),
              ),
            ),
        ),
      );
      await page.close();
    }
    const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    console.log(
      `${label}: ${(statSync(fileURLToPath(url)).size / 1e6).toFixed(2)} MB, ${openings[0]?.elements} elements; median of ${OPENINGS} openings: ` +
        `load event ${median(openings.map((o) => o.loadMs)).toFixed(0)} ms, first frame painted ${median(openings.map((o) => o.paintedMs)).toFixed(0)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** report.html of `results`, written into `dir`. */
function reportOf(results: readonly CaseResult[]): (dir: string) => string {
  return (dir) => {
    const reporter = new HtmlReporter(dir);
    reporter.start(SYNTHETIC_RUN);
    for (const result of results) reporter.caseFinished(result);
    reporter.end(summarize(results, 1000));
    return pathToFileURL(reporter.file).href;
  };
}

const count = Number(process.argv[2] ?? 2000);
if (!Number.isInteger(count) || count < 1) {
  console.error('usage: npm run bench:report [-- COUNT]   (COUNT: a whole number of cases, 2000 by default)');
  process.exit(2);
}
const missing = chromiumMissing();
if (missing !== undefined) {
  console.error(`cannot measure: ${missing}`);
  process.exit(2);
}
const browser = await launchChromium();
try {
  await measure(browser, { label: `report.html, ${count} cases with red verdicts`, write: reportOf(syntheticResults(count)) });
  await measure(browser, { label: `report.html, ${count} cases all green`, write: reportOf(syntheticResults(count, { green: true })) });
  await measure(browser, { label: `matrix.html, 4 runs of ${count} cases`, write: (dir) => writeLargeMatrix(dir, count) });
  await measure(browser, { label: `atlas.html, 4 runs of ${count} of the suite's cases (copied)`, write: (dir) => writeAtlasOf(dir, suiteCasesCopiedTo(count)) });
} finally {
  await browser.close();
}

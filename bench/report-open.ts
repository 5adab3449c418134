/**
 * How long report.html takes to open for a large run: writes reports of
 * synthetic results (2000 cases unless a count is given), one with red
 * verdicts (the page opens on them) and one all green (it opens on every
 * case), opens each from disk in headless Chromium several times, and prints
 * the median time from the start of navigation to the load event and to the
 * first frame painted after it: the table as the page opens it.
 *
 *     npm run bench:report [-- COUNT]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { CaseResult } from '../harness/judging/results/result.js';
import { summarize } from '../harness/judging/results/summary.js';
import { HtmlReporter } from '../reporters/html.js';
import { chromiumMissing, launchChromium, type HeadlessChromium } from '../test/support/headless-chromium.js';
import { SYNTHETIC_RUN, syntheticResults } from '../test/support/synthetic-results.js';

const OPENINGS = 5;

interface Opening {
  readonly loadMs: number;
  readonly paintedMs: number;
  readonly elements: number;
  readonly rowsListed: number;
}

async function measure(browser: HeadlessChromium, label: string, results: readonly CaseResult[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'winsock-bench-report-'));
  try {
    const reporter = new HtmlReporter(dir);
    reporter.start(SYNTHETIC_RUN);
    for (const result of results) reporter.caseFinished(result);
    reporter.end(summarize(results, 1000));
    const url = pathToFileURL(reporter.file).href;
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
                  resolve({
                    loadMs: navigation.loadEventEnd,
                    paintedMs: performance.now(),
                    elements: document.getElementsByTagName('*').length,
                    rowsListed: document.querySelectorAll('#cases tr.case').length,
                  });
                }),
              ),
            ),
        ),
      );
      await page.close();
    }
    const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    const first = openings[0];
    console.log(
      `${label}: ${results.length} cases, ${(statSync(reporter.file).size / 1e6).toFixed(2)} MB, ` +
        `opens listing ${first?.rowsListed} rows (${first?.elements} elements); median of ${OPENINGS} openings: ` +
        `load event ${median(openings.map((o) => o.loadMs)).toFixed(0)} ms, table painted ${median(openings.map((o) => o.paintedMs)).toFixed(0)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
  await measure(browser, 'run with red verdicts', syntheticResults(count));
  await measure(browser, 'green run', syntheticResults(count, { green: true }));
} finally {
  await browser.close();
}

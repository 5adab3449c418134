/**
 * report.html in a real browser (Debian's Chromium, headless): opened from
 * disk as people open it, it must load nothing, log no error, pass axe's
 * accessibility rules, and its filters, search and case links must work.
 * Without a browser the tests are skipped, saying why, except under CI
 * (`CI=true`), where .ci/run installs one and a missing browser is a failure.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { axeViolations, browserOf, closeBrowserTest, launchBrowserForTests, skipTestWithoutChromium, openPage } from '../support/browser-page.js';

import type { CaseResult, Observation } from '../../harness/judging/results/result.js';

import { HtmlReporter } from '../../reporters/html.js';
import { ROWS_PER_PAGE } from '../../reporters/html-view.js';
import type { HeadlessChromium } from '../support/headless-chromium.js';
import { SYNTHETIC_RUN, syntheticResults } from '../support/synthetic-results.js';
import { ALL_RESULTS, CRASH_CASE, FAIL_CASE, HOSTILE_TITLE, KNOWN_CASE, PASS_CASE, RUN, SECOND_PASS_CASE } from './sample-results.js';
import { makeTempDir, removeDir, runReporter } from './run-reporter.js';

/** Where the last run of these tests leaves a screenshot of the report, for people to look at. */
const SCREENSHOT = path.join(os.tmpdir(), 'winsock-conformance-report.png');

const RED_IDS = ALL_RESULTS.filter((result) => ['FAIL', 'XPASS', 'ERROR', 'TIMEOUT', 'CRASH'].includes(result.verdict)).map((result) => result.id);

const shownIds = (page: Page): Promise<string[]> => page.locator('#cases tr.case a.case-link').allTextContents();

const hashOf = (page: Page): string => decodeURIComponent(new URL(page.url()).hash);

describe('report.html in headless Chromium', function () {
  this.timeout(60_000);
  let dir: string;
  let url: string;
  let browser: HeadlessChromium | undefined;

  before(async function () {
    browser = await launchBrowserForTests();
    if (browser === undefined) return;
    dir = makeTempDir();
    const reporter = new HtmlReporter(dir);
    await runReporter(reporter, RUN, ALL_RESULTS);
    url = pathToFileURL(reporter.file).href;
  });

  beforeEach(function () {
    skipTestWithoutChromium(this);
  });

  after(() => closeBrowserTest(browser, dir));

  it('opens on the red cases, with no console error, no request and no script from case text', async () => {
    const { page, seen } = await openPage(browserOf(browser), url);
    expect(await shownIds(page)).to.deep.equal(RED_IDS);
    expect(await page.locator('#shown-count').textContent()).to.equal(`${RED_IDS.length} of ${ALL_RESULTS.length} cases shown`);
    const failTitle = await page.locator('#cases tr.case.v-FAIL .title').textContent();
    expect(failTitle).to.equal(HOSTILE_TITLE.replace('\u0007', ''));
    expect(await page.locator('script').count()).to.equal(2);
    expect(seen).to.deep.equal({ consoleErrors: [], requests: [], dialogs: [] });
    await page.close();
  });

  it('filters by verdict and search text, keeping both in the URL', async () => {
    const { page, seen } = await openPage(browserOf(browser), url);
    await page.locator('.filters button[data-verdict="KNOWN"]').click();
    expect(await shownIds(page)).to.include(KNOWN_CASE.id);
    expect(hashOf(page)).to.match(/verdicts=FAIL,XPASS,ERROR,TIMEOUT,CRASH,KNOWN$/);
    // A check's call is searched too, though the row does not show it.
    await page.locator('#case-search').fill('getPeerName');
    expect(await shownIds(page)).to.deep.equal([KNOWN_CASE.id]);
    expect(hashOf(page)).to.include('q=getPeerName');
    await page.locator('#show-all').click();
    await page.locator('#case-search').fill('');
    expect(await shownIds(page)).to.have.length(ALL_RESULTS.length);
    await page.locator('#group-by').selectOption('verdict');
    expect(await page.locator('tr.group th').first().textContent()).to.equal('FAIL (1)');
    expect(hashOf(page)).to.match(/group=verdict$/);
    await page.locator('#show-red').click();
    expect([...(await shownIds(page))].sort()).to.deep.equal([...RED_IDS].sort());
    expect(seen.consoleErrors).to.deep.equal([]);
    await page.close();
  });

  it('opens a case from its link: details under it, a command to re-run it, and the URL pointing at it', async () => {
    const { page, seen } = await openPage(browserOf(browser), url);
    await page.locator(`a.case-link:has-text("${FAIL_CASE.id}")`).click();
    const details = page.locator('tr.details');
    expect(await details.count()).to.equal(1);
    expect(await details.locator('.command').textContent()).to.equal(`winsock-conformance run --provider wine --grep ${FAIL_CASE.id}`);
    expect(await details.locator('.check.failed dd code').first().textContent()).to.equal('WSAConnect(s=3, name=127.0.0.1:5000, namelen=16)');
    expect(await details.locator('.check.failed mark').textContent()).to.equal('0');
    expect(await details.locator('.facts').textContent()).to.include(`${FAIL_CASE.file}:${FAIL_CASE.line}`);
    expect(hashOf(page)).to.equal(`#case=${FAIL_CASE.id}`);
    await details.locator('button.copy').click();
    // The clipboard answers asynchronously.
    await page.waitForFunction(() => (document.querySelector('tr.details .copy-status')?.textContent ?? '') !== '', undefined, { timeout: 5000 });
    expect(await details.locator('.copy-status').textContent()).to.match(/Copied|Selected/);
    await page.locator(`a.case-link:has-text("${FAIL_CASE.id}")`).click();
    expect(await page.locator('tr.details').count()).to.equal(0);
    expect(seen.consoleErrors).to.deep.equal([]);
    await page.close();
  });

  it('shows the steps that decided the verdict first, the set-up steps folded', async () => {
    const { page } = await openPage(browserOf(browser), `${url}#case=${FAIL_CASE.id}`);
    const details = page.locator('tr.details');
    expect(await details.locator('.detail > ol.checks > li .check-status + code').allTextContents()).to.deep.equal(['connect']);
    const setUp = details.locator('details.set-up');
    expect(await setUp.getAttribute('open')).to.equal(null);
    expect(await setUp.locator('summary').textContent()).to.equal('1 set-up step, each as it must be: socket');
    await setUp.locator('summary').click();
    expect(await setUp.locator('li.check.passed .check-status + code').allTextContents()).to.deep.equal(['socket']);
    await page.close();
  });

  it("goes from a case's clause to the clause index, and from there to every case citing it", async () => {
    const { page, seen } = await openPage(browserOf(browser), url);
    expect(await page.locator('#clause-index ul.clause-index').count(), 'built only when opened').to.equal(0);
    await page.locator(`a.case-link:has-text("${FAIL_CASE.id}")`).click();
    const [clause] = FAIL_CASE.clauses;
    if (clause === undefined) throw new Error('the sample cites no clause');
    await page.locator('tr.details a.clause-link').first().click();
    expect(await page.locator('#clause-index').getAttribute('open')).to.not.equal(null);
    expect(await page.locator('#clause-index li.clause-page > h3').allTextContents(), 'grouped by page').to.deep.equal(['WSAConnect']);
    const entry = page.locator(`#clause-index li[id="clause-${clause.page}/${clause.id}"]`);
    expect(await entry.locator('code').first().textContent()).to.equal(clause.id);
    const citing = ALL_RESULTS.filter((result) => result.clauses.some((cited) => cited.id === clause.id)).map((result) => result.id);
    expect(await entry.locator('ul.clause-cases a').allTextContents()).to.deep.equal(citing);
    await entry.locator('ul.clause-cases a').first().click();
    expect(hashOf(page)).to.equal(`#case=${citing[0] ?? ''}`);
    expect(seen.consoleErrors).to.deep.equal([]);
    await page.close();
  });

  it('shows the case a link names even when filtered out, grouped as the link says', async () => {
    const { page, seen } = await openPage(browserOf(browser), `${url}#case=${SECOND_PASS_CASE.id}&group=file`);
    expect(await shownIds(page)).to.include(SECOND_PASS_CASE.id);
    expect(await page.locator('tr.case.selected a.case-link').textContent()).to.equal(SECOND_PASS_CASE.id);
    expect(await page.locator('tr.details').count()).to.equal(1);
    expect(await page.locator('tr.group th').allTextContents()).to.deep.equal([
      'cases/misc.yaml (2)',
      'cases/tcp/connect.yaml (2)',
      'cases/udp/connect.yaml (2)',
    ]);
    expect(await page.locator('#group-by').inputValue()).to.equal('file');
    expect(seen.consoleErrors).to.deep.equal([]);
    await page.close();
  });

  it('follows a change of the address to another case, and shows its provider output as text', async () => {
    const { page, seen } = await openPage(browserOf(browser), url);
    await page.evaluate((id) => {
      window.location.hash = `case=${id}`;
    }, CRASH_CASE.id);
    await page.locator('tr.details pre.log').waitFor({ timeout: 5000 });
    expect(await page.locator('tr.details pre.log').textContent()).to.equal(CRASH_CASE.logExcerpt);
    expect(await page.locator('tr.details a[href="provider.log"]').count()).to.equal(1);
    expect(seen.dialogs).to.deep.equal([]);
    await page.close();
  });

  it('fits a 390 px wide screen with a case open, and leaves a screenshot', async () => {
    const { page } = await openPage(browserOf(browser), `${url}#case=${KNOWN_CASE.id}`, { width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(fs.readFileSync(SCREENSHOT).subarray(1, 4).toString()).to.equal('PNG');
    await page.close();
  });

  it("on a phone's first screen, shows cases", async () => {
    const { page } = await openPage(browserOf(browser), `${url}#verdicts=${ALL_RESULTS.map((r) => r.verdict).join(',')}`, { width: 390, height: 844 });
    const first = await page.locator('#cases tr.case').first().boundingBox();
    expect(first, 'a case row').to.not.equal(null);
    expect((first?.y ?? Infinity) + (first?.height ?? 0)).to.be.at.most(844);
    await page.close();
  });

  it('lands a deep link to a case far down a long list below the sticky table header', async () => {
    const longDir = makeTempDir();
    try {
      const reporter = new HtmlReporter(longDir);
      const results = syntheticResults(150, { green: true });
      await runReporter(reporter, SYNTHETIC_RUN, results);
      const target = results[120]?.id ?? '';
      const { page } = await openPage(browserOf(browser), `${pathToFileURL(reporter.file).href}#case=${target}&verdicts=PASS,KNOWN,SKIP`, { width: 1280, height: 800 });
      const header = await page.locator('#cases thead').boundingBox();
      const row = await page.locator('#cases tr.case.selected').boundingBox();
      expect(await page.locator('#cases tr.case.selected a.case-link').textContent()).to.equal(target);
      expect(await page.evaluate(() => window.scrollY), 'the page scrolled to it').to.be.greaterThan(0);
      expect(row?.y ?? 0, 'the row starts below the header').to.be.at.least((header?.y ?? 0) + (header?.height ?? 0) - 1);
      await page.close();
    } finally {
      removeDir(longDir);
    }
  });

  it("groups a case's variations in one row with the worst of their verdicts, which opens into them", async () => {
    const variedDir = makeTempDir();
    try {
      const variation = (tag: string, verdict: CaseResult['verdict']): CaseResult => ({ ...PASS_CASE, id: `tcp.refused.${tag}`, title: `Refused (over ${tag === 'ipv4' ? 'IPv4' : 'IPv6'})`, line: 40, verdict });
      const reporter = new HtmlReporter(variedDir);
      await runReporter(reporter, RUN, [PASS_CASE, variation('ipv4', 'PASS'), variation('ipv6', 'KNOWN'), SECOND_PASS_CASE]);
      const everything = `verdicts=${ALL_RESULTS.map((r) => r.verdict).join(',')}`;
      const { page, seen } = await openPage(browserOf(browser), `${pathToFileURL(reporter.file).href}#${everything}`);
      const varied = page.locator('#cases tr.case.varied');
      expect(await varied.count()).to.equal(1);
      expect(await varied.locator('.verdict').textContent()).to.equal('KNOWN');
      expect(await varied.locator('.title').textContent()).to.equal('Refused');
      expect(await varied.locator('.message').textContent()).to.equal('2 variations: ipv4 PASS, ipv6 KNOWN');
      expect(await shownIds(page)).to.deep.equal([PASS_CASE.id, SECOND_PASS_CASE.id]);
      await varied.locator('button.variations-toggle').click();
      expect(await shownIds(page)).to.deep.equal([PASS_CASE.id, 'tcp.refused.ipv4', 'tcp.refused.ipv6', SECOND_PASS_CASE.id]);
      expect(await varied.locator('button.variations-toggle').getAttribute('aria-expanded')).to.equal('true');
      expect(await axeViolations(page)).to.deep.equal([]);
      await page.close();
      // A link to a variation opens its case's row.
      const linked = await openPage(browserOf(browser), `${pathToFileURL(reporter.file).href}#case=tcp.refused.ipv6`);
      expect(await linked.page.locator('tr.case.selected a.case-link').textContent()).to.equal('tcp.refused.ipv6');
      expect(seen.consoleErrors.concat(linked.seen.consoleErrors)).to.deep.equal([]);
      await linked.page.close();
    } finally {
      removeDir(variedDir);
    }
  });

  it('lists a long table in parts, the next part on request', async () => {
    const longDir = makeTempDir();
    try {
      const reporter = new HtmlReporter(longDir);
      const results = syntheticResults(ROWS_PER_PAGE * 2);
      await runReporter(reporter, SYNTHETIC_RUN, results);
      const passes = results.filter((result) => result.verdict === 'PASS').length;
      const { page, seen } = await openPage(browserOf(browser), `${pathToFileURL(reporter.file).href}#verdicts=PASS`);
      expect(await page.locator('#cases tr.case').count()).to.equal(ROWS_PER_PAGE);
      expect(await page.locator('#shown-count').textContent()).to.equal(`${passes} of ${results.length} cases match; the first ${ROWS_PER_PAGE} are listed`);
      await page.locator('button.show-more').click();
      expect(await page.locator('#cases tr.case').count()).to.equal(passes);
      expect(await page.locator('button.show-more').count()).to.equal(0);
      expect(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset['index'])).to.not.equal(undefined);
      expect(seen.consoleErrors).to.deep.equal([]);
      await page.close();
    } finally {
      removeDir(longDir);
    }
  });

  it('has no accessibility violations axe can find, with every verdict shown and cases open', async () => {
    const { page } = await openPage(browserOf(browser), `${url}#case=${KNOWN_CASE.id}&verdicts=${ALL_RESULTS.map((r) => r.verdict).join(',')}`);
    await page.locator(`a.case-link:has-text("${FAIL_CASE.id}")`).click();
    expect(await axeViolations(page)).to.deep.equal([]);
    await page.close();
  });

  it('marks what changed since a baseline, lists the cases of one kind from the header, and stays accessible', async () => {
    const baselineDir = makeTempDir();
    try {
      // The baseline saw the FAIL case's documented outcomes: now it regressed.
      const wasPassing: CaseResult = {
        ...FAIL_CASE,
        verdict: 'PASS',
        checks: FAIL_CASE.checks.map((check) => ({ ...check, observed: (check.expected[0] ?? check.observed) as Observation, passed: true, differingKeys: [] })),
      };
      const baseline = { run: RUN, cases: ALL_RESULTS.map((result) => (result.id === FAIL_CASE.id ? wasPassing : result)), origin: 'old/results.jsonl' };
      const reporter = new HtmlReporter(baselineDir, baseline);
      await runReporter(reporter, RUN, ALL_RESULTS);
      const { page, seen } = await openPage(browserOf(browser), pathToFileURL(reporter.file).href);
      expect(await page.locator('#cases tr.case .change').allTextContents()).to.deep.equal(['REGRESSION']);
      await page.locator('.change-counts a:has-text("change:regression")').click();
      await page.waitForFunction(() => document.querySelectorAll('#cases tr.case').length === 1, undefined, { timeout: 5000 });
      expect(await shownIds(page)).to.deep.equal([FAIL_CASE.id]);
      await page.locator(`a.case-link:has-text("${FAIL_CASE.id}")`).click();
      expect(await page.locator('tr.details h3').first().textContent()).to.equal('Since the baseline: REGRESSION (PASS → FAIL)');
      expect(await page.locator('tr.details .changes li').allTextContents()).to.deep.equal(['connect [regression]: was SOCKET_ERROR WSAEWOULDBLOCK (expected); now 0 (unexpected)']);
      expect(await axeViolations(page)).to.deep.equal([]);
      expect(seen).to.deep.equal({ consoleErrors: [], requests: [], dialogs: [] });
      await page.close();
    } finally {
      removeDir(baselineDir);
    }
  });
});

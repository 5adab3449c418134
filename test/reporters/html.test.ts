import { expect } from 'chai';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

import { VERDICTS, type CaseResult, type Observation } from '../../harness/judging/results/result.js';
import { summarize } from '../../harness/judging/results/summary.js';
import { HtmlReporter, renderHtmlReport } from '../../reporters/html.js';
import { providerLabel } from '../../harness/judging/results/provider-label.js';
import { DIFFERENCE_TINTS, VERDICT_COLOURS } from '../../reporters/html-assets.js';
import { openingVerdicts, reportData, type ReportData } from '../../reporters/html-view.js';
import { ALL_RESULTS, CRASH_CASE, ERROR_CASE, FAIL_CASE, HOSTILE_TITLE, KNOWN_CASE, PASS_CASE, RUN, XPASS_CASE } from './sample-results.js';
import { makeTempDir, removeDir, runReporter } from './run-reporter.js';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The JSON the page embeds for its script, read back. */
function embeddedData(page: string): ReportData {
  const json = page.match(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/)?.[1];
  if (json === undefined) throw new Error('no report data in the page');
  return JSON.parse(json) as ReportData;
}

function caseView(data: ReportData, id: string) {
  const view = data.cases.find((entry) => entry.id === id);
  if (view === undefined) throw new Error(`no case ${id} in the report data`);
  return view;
}

describe('HtmlReporter', () => {
  let dir: string;
  let page: string;
  let data: ReportData;
  before(async () => {
    dir = makeTempDir();
    const reporter = new HtmlReporter(dir);
    await runReporter(reporter, RUN, ALL_RESULTS);
    page = fs.readFileSync(reporter.file, 'utf8');
    data = embeddedData(page);
  });
  after(() => removeDir(dir));

  it('shows the provider, its version and the run date, naming the provider once', () => {
    expect(page).to.include('<title>Winsock conformance: wine-9.0</title>');
    expect(page).to.include('2024-05-01 12:00:00 UTC');
    expect(providerLabel({ ...RUN, providerVersion: 'Wine 8.0 (reports Windows 10.0)' })).to.equal('Wine 8.0 (reports Windows 10.0)');
    expect(providerLabel({ ...RUN, provider: 'native', providerVersion: 'Windows 10 Pro 10.0.19045' })).to.equal('native Windows 10 Pro 10.0.19045');
  });

  it('names the build of a provider that has several, so that two builds of one provider read differently', () => {
    const build = { name: 'debian-13', origin: 'Debian trixie package wine64 10.0~repack-6', version: '10.0' };
    expect(providerLabel({ ...RUN, providerVersion: 'Wine 10.0 (reports Windows 10.0.19043)', providerBuild: build })).to.equal('Wine 10.0 (reports Windows 10.0.19043), build debian-13');
    expect(renderHtmlReport({ ...RUN, providerBuild: build }, [], summarize([], 1, undefined))).to.include('debian-13: Debian trixie package wine64 10.0~repack-6');
  });

  it('says when the run did not get through every case', () => {
    const incomplete = renderHtmlReport(RUN, ALL_RESULTS, summarize(ALL_RESULTS, 10, 'interrupted by SIGINT after 9 of 27 cases'));
    expect(incomplete).to.include('<p class="outcome red">Incomplete: interrupted by SIGINT after 9 of 27 cases</p>');
    expect(page).to.not.include('Incomplete:');
  });

  it('embeds every case, in run order, for the script to list', () => {
    expect(data.cases.map((view) => [view.id, view.verdict])).to.deep.equal(ALL_RESULTS.map((result) => [result.id, result.verdict]));
    expect(caseView(data, FAIL_CASE.id)).to.deep.include({ file: FAIL_CASE.file, line: 20, message: FAIL_CASE.message });
  });

  it('keeps hostile case text inert in the embedded JSON and intact once read', () => {
    expect(page).to.not.match(/<script>\s*alert/i);
    expect(page.match(/<script/gi)).to.have.length(2);
    expect(page.match(/<\/script/gi)).to.have.length(2);
    expect(page).to.not.include('\u0007');
    expect(caseView(data, FAIL_CASE.id).title).to.equal(HOSTILE_TITLE.replace('\u0007', ''));
    expect(caseView(data, CRASH_CASE.id).logExcerpt).to.equal(CRASH_CASE.logExcerpt);
    expect(caseView(data, FAIL_CASE.id).clauses[0]?.quote).to.equal('The socket is marked as <b>nonblocking</b>');
  });

  it('makes a link of a bug only when it is an http(s) URL', () => {
    const [connect, getpeername] = caseView(data, KNOWN_CASE.id).checks;
    expect(connect?.deviation).to.include({ bug: 'https://bugs.winehq.org/show_bug.cgi?id=12345', bugIsLink: true });
    expect(getpeername?.deviation).to.include({ bug: 'javascript:alert(1)', bugIsLink: false });
  });

  it('loads nothing from the network', () => {
    const externalAttributes = [...page.matchAll(/<(\w+)\b[^>]*?\s([\w-]+)\s*=\s*["']?\s*(?:https?:)?\/\//gi)];
    expect(externalAttributes).to.deep.equal([]);
    expect(page).to.not.match(/url\(|@import|<link\b|\ssrc\s*=/i);
    expect(page).to.include(`content="default-src &#39;none&#39;;`);
  });

  it('lets its own inline script and style run under its Content-Security-Policy', () => {
    const hashOf = (element: string): string => {
      const content = page.match(new RegExp(`<${element}>([\\s\\S]*?)</${element}>`))?.[1];
      if (content === undefined) throw new Error(`no <${element}>`);
      return `&#39;sha256-${createHash('sha256').update(content).digest('base64')}&#39;`;
    };
    expect(page).to.include(`script-src ${hashOf('script')}`);
    expect(page).to.include(`style-src ${hashOf('style')}`);
  });

  it('has a labelled search box, a grouping choice, and a toggle button per verdict pressed for the red ones', () => {
    expect(page).to.include('<label for="case-search">Search</label><input type="search" id="case-search"');
    expect(page).to.include('<label for="group-by">Group by</label><select id="group-by">');
    for (const verdict of VERDICTS) {
      const pressed = String(['FAIL', 'XPASS', 'ERROR', 'TIMEOUT', 'CRASH'].includes(verdict));
      expect(page).to.match(new RegExp(`<button type="button" class="v-${verdict}" data-verdict="${verdict}" aria-pressed="${pressed}">`));
    }
  });

  it('opens on the red verdicts when there are any, else on all', () => {
    expect(data.openingVerdicts).to.deep.equal(['FAIL', 'XPASS', 'ERROR', 'TIMEOUT', 'CRASH']);
    expect(openingVerdicts([PASS_CASE, KNOWN_CASE])).to.deep.equal(VERDICTS);
    expect(openingVerdicts([PASS_CASE, ERROR_CASE])).to.include('ERROR').and.not.include('PASS');
  });

  it('describes each check: call, documented, observed with the differing parts marked', () => {
    const [socket, connect] = caseView(data, FAIL_CASE.id).checks;
    expect(socket).to.deep.include({ stepId: 'socket', status: 'passed', documented: [], observed: [{ text: 'socket', differs: false }] });
    expect(connect).to.deep.include({
      stepId: 'connect',
      status: 'failed',
      call: 'WSAConnect(s=3, name=127.0.0.1:5000, namelen=16)',
      documented: ['SOCKET_ERROR WSAEWOULDBLOCK'],
      observed: [{ text: '0', differs: true }],
      mismatch: 'returns 0, documented SOCKET_ERROR',
    });
  });

  it('says which of the documented outcomes was seen, when the case names them', () => {
    const [check] = PASS_CASE.checks;
    if (check === undefined) throw new Error('the sample has no check');
    const named = reportData(RUN, [{ ...PASS_CASE, checks: [{ ...check, matched: 'ignored' }] }]);
    expect(named.cases[0]?.checks[0]?.matched).to.equal('ignored');
    expect(caseView(data, PASS_CASE.id).checks[0]).to.not.have.property('matched');
  });

  it('indexes the clauses the cases cite page by page, each with the cases citing it', () => {
    const ofConnect = { ...PASS_CASE, id: 'second.page', clauses: [{ page: 'connect', id: 'return-value', quote: 'If no error occurs, connect returns zero.' }] };
    const pages = reportData(RUN, [...ALL_RESULTS, ofConnect]).clausePages;
    expect(pages.map((entry) => entry.page)).to.deep.equal(['WSAConnect', 'connect']);
    const entries = pages[0]?.clauses ?? [];
    expect(entries.map((entry) => entry.id)).to.deep.equal([...new Set(ALL_RESULTS.flatMap((result) => result.clauses.map((clause) => clause.id)))].sort());
    const citing = entries.find((entry) => entry.id === 'return-value')?.cases.map((cited) => cited.id);
    expect(citing).to.deep.equal(ALL_RESULTS.filter((result) => result.clauses.some((clause) => clause.id === 'return-value')).map((result) => result.id));
    expect(pages[1]?.clauses, 'the same id on another page is another clause').to.deep.equal([
      { id: 'return-value', name: 'connect/return-value', quote: 'If no error occurs, connect returns zero.', cases: [{ id: 'second.page', verdict: PASS_CASE.verdict }] },
    ]);
    expect(caseView(reportData(RUN, [ofConnect]), 'second.page').clauses[0]?.name, "what a case's clause links to").to.equal('connect/return-value');
  });

  it('tells known deviations and deviations no longer seen apart from failures', () => {
    expect(caseView(data, KNOWN_CASE.id).checks.map((check) => check.status)).to.deep.equal(['known', 'known']);
    expect(caseView(data, KNOWN_CASE.id).checks[0]?.deviation).to.include({ reason: 'Wine accepts the any address', recorded: '0' });
    expect(caseView(data, XPASS_CASE.id).checks[0]?.status).to.equal('fixed');
  });

  it('gives each case the command that runs it again, and its interruption', () => {
    expect(caseView(data, CRASH_CASE.id)).to.deep.include({
      rerun: `winsock-conformance run --provider wine --grep ${CRASH_CASE.id}`,
      interruptedAt: 'connect',
    });
    expect(caseView(data, PASS_CASE.id)).to.not.have.property('logExcerpt');
  });

  it('gives every verdict its own colour, readable under white text (WCAG AA)', () => {
    expect(new Set(Object.values(VERDICT_COLOURS)).size).to.equal(VERDICTS.length);
    for (const verdict of VERDICTS) expect(contrast(VERDICT_COLOURS[verdict], '#ffffff'), verdict).to.be.at.least(4.5);
    for (const [kind, tint] of Object.entries(DIFFERENCE_TINTS)) expect(contrast('#1f2328', tint), kind).to.be.at.least(4.5);
  });

  it('marks what changed since a baseline: the counts, each changed case and its steps, the removed cases', async () => {
    // The documented outcome, observed: what a passing run records.
    const wasPassing: CaseResult = {
      ...FAIL_CASE,
      verdict: 'PASS',
      checks: FAIL_CASE.checks.map((check) => ({ ...check, observed: (check.expected[0] ?? check.observed) as Observation, passed: true, differingKeys: [] })),
    };
    const gone = { ...PASS_CASE, id: 'tcp.gone', title: 'A case the current run no longer has' };
    const baseline = { run: RUN, cases: [...ALL_RESULTS.map((result) => (result.id === FAIL_CASE.id ? wasPassing : result)), gone], origin: 'old/results.jsonl' };
    const compared = makeTempDir();
    try {
      const reporter = new HtmlReporter(compared, baseline);
      await runReporter(reporter, RUN, ALL_RESULTS);
      const comparedPage = fs.readFileSync(reporter.file, 'utf8');
      const comparedData = embeddedData(comparedPage);
      expect(comparedPage).to.include('<h2 id="baseline-heading">Since the baseline</h2>');
      expect(comparedPage).to.include('Baseline: old/results.jsonl: wine-9.0 on');
      expect(comparedPage).to.match(/1 regression, 0 fixes, 0 changed, 0 re-judged, 0 new cases, 1 removed case/);
      expect(comparedPage).to.include('<code>tcp.gone</code> A case the current run no longer has');
      expect(comparedData.comparison?.removed).to.deep.equal([{ id: 'tcp.gone', title: gone.title }]);
      const change = caseView(comparedData, FAIL_CASE.id).change;
      expect(change).to.include({ kind: 'regression', heading: 'REGRESSION', verdicts: 'PASS → FAIL' });
      expect(change?.steps).to.deep.equal(['connect [regression]: was SOCKET_ERROR WSAEWOULDBLOCK (expected); now 0 (unexpected)']);
      expect(caseView(comparedData, PASS_CASE.id)).to.not.have.property('change');
    } finally {
      removeDir(compared);
    }
    expect(data).to.not.have.property('comparison');
  });

  it("shows a check's Windows reference, and judged by Windows the page's outcome beside it", () => {
    const reference = { windows: [{ returns: 0 }], versions: 'Windows 10 and 11', source: 'sock.c:10 (test_broadcast)', url: 'https://example.org/sock.c#L10' };
    const [setup, connect] = FAIL_CASE.checks;
    const byWindows = { ...FAIL_CASE, checks: [setup!, { ...connect!, expected: [{ returns: 0 }], reference, documented: connect!.expected }] };
    const view = caseView(reportData({ ...RUN, judgedAgainst: 'windows' }, [byWindows]), FAIL_CASE.id).checks[1];
    expect(view?.windows).to.deep.equal({ outcomes: ['0'], versions: 'Windows 10 and 11', source: 'sock.c:10 (test_broadcast)', url: 'https://example.org/sock.c#L10' });
    expect(view?.page).to.deep.equal(['SOCKET_ERROR WSAEWOULDBLOCK']);
    expect(view?.documented).to.deep.equal(['0']);
    expect(caseView(data, FAIL_CASE.id).checks[1]).to.not.have.property('windows');
  });
});

/** The coverage report as text and as JSON. */
import { expect } from 'chai';
import type { Coverage, PageCoverage } from '../../harness/uses/coverage/compute.js';
import { coverageJson, gapsOf, renderCoverageText } from '../../harness/uses/coverage/report.js';

const covering = (id: string, verdict?: 'PASS' | 'KNOWN', checked: readonly string[] = ['WSAConnect']) => ({
  id,
  file: 'cases/x.yaml',
  line: 3,
  families: ['AF_INET' as const],
  ...(verdict === undefined ? {} : { verdict, checked }),
});

const PAGE: PageCoverage = {
  page: 'WSAConnect',
  text: 'spec/WSAConnect/page.txt',
  catalogue: 'spec/WSAConnect/clauses.yaml',
  clauses: [
    { id: 'return.success', section: 'Return value', kind: 'rule', status: 'covered', cases: [covering('a', 'PASS')], families: ['AF_INET'] },
    {
      id: 'summary.purpose',
      section: 'Summary',
      kind: 'informative',
      status: 'informative',
      cases: [],
      families: [],
      recorded: { status: 'informative', reason: 'An overview. Nothing to check.' },
    },
    { id: 'remarks.forgotten', section: 'Remarks', kind: 'rule', status: 'missing', cases: [], families: [] },
    {
      id: 'remarks.set-up-only',
      section: 'Remarks',
      kind: 'rule',
      status: 'unreached',
      cases: [covering('g', 'KNOWN', []), { ...covering('h', 'KNOWN', []), stoppedAt: { step: 'getsockopt', why: 'Wine has no socket groups. It ignores g.' } }, { ...covering('k', 'KNOWN', []), verdict: 'SKIP', stoppedAt: { why: 'skipped: not exported. More.' } }],
      families: [],
    },
  ],
  errors: [
    { code: 'WSAEFAULT', clause: 'errors.WSAEFAULT', status: 'covered', cases: ['a', 'b', 'c', 'd', 'e'].map((id) => covering(id, 'KNOWN')), families: ['AF_INET'] },
    {
      code: 'WSAETIMEDOUT',
      clause: 'errors.WSAETIMEDOUT',
      status: 'planned',
      cases: [],
      families: [],
      recorded: { status: 'planned', reason: 'Needs a private network namespace (planned): not built yet.', evidence: 'measured' },
    },
  ],
  planned: { clauses: ['errors.WSAETIMEDOUT'], errors: ['WSAETIMEDOUT'] },
  missing: { clauses: ['remarks.forgotten'], errors: [] },
  unreached: { clauses: ['remarks.set-up-only'], errors: [] },
  stale: [{ clause: 'remarks.cited', cases: ['a'] }],
};

/** A second page, whole: its one clause and its one code covered. */
const SECOND: PageCoverage = {
  page: 'connect',
  text: 'spec/connect/page.txt',
  catalogue: 'spec/connect/clauses.yaml',
  clauses: [{ id: 'errors.WSAEFAULT', section: 'Error codes', kind: 'rule', status: 'covered', cases: [covering('f')], families: ['AF_INET'] }],
  errors: [{ code: 'WSAEFAULT', clause: 'errors.WSAEFAULT', status: 'covered', cases: [covering('f')], families: ['AF_INET'] }],
  planned: { clauses: [], errors: [] },
  missing: { clauses: [], errors: [] },
  unreached: { clauses: [], errors: [] },
  stale: [],
};

const COVERAGE: Coverage = { pages: [PAGE] };

describe('renderCoverageText', () => {
  const text = renderCoverageText(COVERAGE);

  it('names the page, its text and its catalogue', () => {
    expect(text.startsWith('Coverage of WSAConnect (spec/WSAConnect/page.txt; clauses: spec/WSAConnect/clauses.yaml)\n\n')).to.equal(true);
  });

  it('counts error codes and clauses by status', () => {
    expect(text).to.contain('Error codes (2): 1 covered, 1 planned\n');
    expect(text).to.contain('Clauses (4): 1 covered, 1 unreached, 1 informative, 1 missing\n');
  });

  it('names the families and the covering cases with their verdicts, the first few then how many more', () => {
    expect(text).to.contain('  WSAEFAULT     covered  [ipv4] a [KNOWN], b [KNOWN], c [KNOWN] and 2 more\n');
  });

  it('names a clause whose covering cases the run did not take to a step under it, and says so of each case', () => {
    expect(text).to.contain('  remarks.set-up-only  unreached    g [KNOWN, not reached], h [KNOWN, not reached: stopped at getsockopt: Wine has no socket groups.], k [SKIP, not reached: skipped: not exported.]\n');
    expect(text).to.contain('Covered, but not reached by the run (no covering case checked a step under it): clauses remarks.set-up-only\n');
  });

  it('counts the covered clauses by the address families they are covered over', () => {
    expect(text).to.contain('Covered clauses by address family: 0 over IPv4 and IPv6, 1 over IPv4 only, 0 over IPv6 only, 0 over neither (no socket of either)\n');
  });

  it("shows the first sentence of a recorded reason, and says when a clause has neither a case nor a reason", () => {
    expect(text).to.contain('  WSAETIMEDOUT  planned  Needs a private network namespace (planned): not built yet.\n');
    expect(text).to.contain('  summary.purpose      informative  An overview.\n');
    expect(text).to.contain('  remarks.forgotten    missing      no case, and no reason recorded\n');
    expect(text).to.not.contain('return.success');
  });

  it('ends with what is planned, what is neither covered nor explained, and stale entries', () => {
    expect(text).to.contain('Not yet covered (planned): error codes WSAETIMEDOUT; clauses errors.WSAETIMEDOUT\n');
    expect(text).to.contain('Neither covered nor explained: clauses remarks.forgotten\n');
    expect(text).to.contain('Recorded as uncovered, yet covered by a: remarks.cited (remove its entry)\n');
  });

  it('says none when nothing is left', () => {
    const done = renderCoverageText({ pages: [{ ...PAGE, planned: { clauses: [], errors: [] }, missing: { clauses: [], errors: [] }, unreached: { clauses: [], errors: [] }, stale: [] }] });
    expect(done).to.contain('Not yet covered (planned): none\nNeither covered nor explained: none\n');
  });
});

describe('renderCoverageText over two pages', () => {
  const text = renderCoverageText({ pages: [PAGE, SECOND] });

  it('shows each page whole, one after the other, then the totals over both', () => {
    const headings = text.split('\n').filter((line) => line.startsWith('Coverage of') || line.startsWith('Total'));
    expect(headings).to.deep.equal([
      'Coverage of WSAConnect (spec/WSAConnect/page.txt; clauses: spec/WSAConnect/clauses.yaml)',
      'Coverage of connect (spec/connect/page.txt; clauses: spec/connect/clauses.yaml)',
      'Total, 2 pages: error codes (3): 2 covered, 1 planned; clauses (5): 2 covered, 1 unreached, 1 informative, 1 missing',
    ]);
    expect(text).to.contain('Coverage of connect (spec/connect/page.txt; clauses: spec/connect/clauses.yaml)\n\nError codes (1): 1 covered\n  WSAEFAULT  covered  [ipv4] f\n');
  });
});

describe('coverageJson', () => {
  it('is each page with its counts by status, the counts over all pages, and the format version', () => {
    const json = coverageJson({ pages: [PAGE, SECOND] });
    expect(json.format).to.equal(3);
    expect(json.totals).to.deep.equal({ pages: 2, clauses: { covered: 2, unreached: 1, informative: 1, missing: 1 }, errors: { covered: 2, planned: 1 } });
    expect(json.pages.map((page) => page.totals)).to.deep.equal([
      { clauses: { covered: 1, unreached: 1, informative: 1, missing: 1 }, errors: { covered: 1, planned: 1 } },
      { clauses: { covered: 1 }, errors: { covered: 1 } },
    ]);
    expect(JSON.parse(JSON.stringify(json))).to.deep.equal({ format: 3, totals: json.totals, pages: [{ ...PAGE, totals: json.pages[0]?.totals }, { ...SECOND, totals: json.pages[1]?.totals }] });
  });

  it('counts what keeps the coverage from being whole, on every page: missing, planned, not reached and stale entries', () => {
    expect(gapsOf({ pages: [PAGE, SECOND] })).to.equal(5);
    expect(gapsOf({ pages: [SECOND] })).to.equal(0);
  });
});

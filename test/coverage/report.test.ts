/** The coverage report as text and as JSON. */
import { expect } from 'chai';
import type { Coverage } from '../../harness/uses/coverage/compute.js';
import { coverageJson, renderCoverageText } from '../../harness/uses/coverage/report.js';

const covering = (id: string, verdict?: 'PASS' | 'KNOWN') => ({ id, file: 'cases/x.yaml', line: 3, ...(verdict === undefined ? {} : { verdict }) });

const COVERAGE: Coverage = {
  page: 'spec/WSAConnect.txt',
  catalogue: 'spec/clauses.yaml',
  clauses: [
    { id: 'return.success', section: 'Return value', kind: 'rule', status: 'covered', cases: [covering('a', 'PASS')] },
    { id: 'summary.purpose', section: 'Summary', kind: 'informative', status: 'informative', cases: [], recorded: { status: 'informative', reason: 'An overview. Nothing to check.' } },
    { id: 'remarks.forgotten', section: 'Remarks', kind: 'rule', status: 'missing', cases: [] },
  ],
  errors: [
    { code: 'WSAEFAULT', clause: 'errors.WSAEFAULT', status: 'covered', cases: ['a', 'b', 'c', 'd', 'e'].map((id) => covering(id, 'KNOWN')) },
    {
      code: 'WSAETIMEDOUT',
      clause: 'errors.WSAETIMEDOUT',
      status: 'planned',
      cases: [],
      recorded: { status: 'planned', reason: 'Needs a private network namespace (planned): not built yet.', evidence: 'measured' },
    },
  ],
  planned: { clauses: ['errors.WSAETIMEDOUT'], errors: ['WSAETIMEDOUT'] },
  missing: { clauses: ['remarks.forgotten'], errors: [] },
  stale: [{ clause: 'remarks.cited', cases: ['a'] }],
};

describe('renderCoverageText', () => {
  const text = renderCoverageText(COVERAGE);

  it('counts error codes and clauses by status', () => {
    expect(text).to.contain('Error codes (2): 1 covered, 1 planned\n');
    expect(text).to.contain('Clauses (3): 1 covered, 1 informative, 1 missing\n');
  });

  it('names the covering cases with their verdicts, the first few then how many more', () => {
    expect(text).to.contain('  WSAEFAULT     covered  a [KNOWN], b [KNOWN], c [KNOWN] and 2 more\n');
  });

  it("shows the first sentence of a recorded reason, and says when a clause has neither a case nor a reason", () => {
    expect(text).to.contain('  WSAETIMEDOUT  planned  Needs a private network namespace (planned): not built yet.\n');
    expect(text).to.contain('  summary.purpose    informative  An overview.\n');
    expect(text).to.contain('  remarks.forgotten  missing      no case, and no reason recorded\n');
    expect(text).to.not.contain('return.success');
  });

  it('ends with what is planned, what is neither covered nor explained, and stale entries', () => {
    expect(text).to.contain('Not yet covered (planned): error codes WSAETIMEDOUT; clauses errors.WSAETIMEDOUT\n');
    expect(text).to.contain('Neither covered nor explained: clauses remarks.forgotten\n');
    expect(text).to.contain('Recorded as uncovered, yet covered by a: remarks.cited (remove its entry)\n');
  });

  it('says none when nothing is left', () => {
    const done = renderCoverageText({ ...COVERAGE, planned: { clauses: [], errors: [] }, missing: { clauses: [], errors: [] }, stale: [] });
    expect(done).to.contain('Not yet covered (planned): none\nNeither covered nor explained: none\n');
  });
});

describe('coverageJson', () => {
  it('is the coverage with its format version and counts by status', () => {
    const json = coverageJson(COVERAGE);
    expect(json.format).to.equal(1);
    expect(json.totals).to.deep.equal({ clauses: { covered: 1, informative: 1, missing: 1 }, errors: { covered: 1, planned: 1 } });
    expect(JSON.parse(JSON.stringify(json))).to.deep.equal({ ...COVERAGE, format: 1, totals: json.totals });
  });
});

/** spec/WSAConnect/coverage.yaml: the project's record against its page and cases, and the loader's problems. */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CaseRun, PageCoverage } from '../../harness/uses/coverage/compute.js';
import { loadCoverage } from '../../harness/uses/coverage/load.js';
import { loadRecordedCoverage } from '../../harness/uses/coverage/recorded.js';
import type { Page } from '../../harness/language/clauses/clause.js';
import { formatProblem } from '../../harness/language/yaml/problem.js';
import { PROJECT_ROOT, wsaConnectPage } from '../cases/helpers.js';

function projectCoverage(runs?: ReadonlyMap<string, CaseRun>): PageCoverage {
  const loaded = loadCoverage({ root: PROJECT_ROOT, specDir: 'spec', casesDir: path.join(PROJECT_ROOT, 'cases'), ...(runs === undefined ? {} : { runs }) });
  if ('problems' in loaded) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const page = loaded.coverage.pages.find((entry) => entry.page === 'WSAConnect');
  if (page === undefined) throw new Error('no coverage of WSAConnect');
  return page;
}

describe("the project's recorded coverage of WSAConnect (spec/WSAConnect/coverage.yaml)", () => {
  const coverage = projectCoverage();

  it('leaves no clause and no error code of the page neither covered by a case nor explained', () => {
    expect(coverage.missing).to.deep.equal({ clauses: [], errors: [] });
  });

  it('plans nothing: a clause only planned would make coverage fail', () => {
    expect(coverage.planned).to.deep.equal({ clauses: [], errors: [] });
  });

  it('records no reason for a clause a case covers', () => {
    expect(coverage.stale).to.deep.equal([]);
  });

  it('gives every error code no case produces a reason with its evidence', () => {
    const unexplained = coverage.errors.filter((error) => error.status !== 'covered' && error.recorded?.evidence === undefined);
    expect(unexplained.map((error) => error.code)).to.deep.equal([]);
    expect(coverage.errors.filter((error) => error.status === 'not-provokable').map((error) => error.code)).to.deep.equal([
      'WSAENETDOWN',
      'WSAEINTR',
      'WSAEINPROGRESS',
    ]);
  });

  it("shows a run's verdicts beside the cases that cover a clause", () => {
    const withVerdicts = projectCoverage(new Map([['tcp.blocking.connects-binds-and-carries-data.wsaconnect.ipv4', { verdict: 'PASS', checked: new Set(['WSAConnect']) }]]));
    const success = withVerdicts.clauses.find((clause) => clause.id === 'return.success');
    expect(success?.cases.find((testCase) => testCase.id === 'tcp.blocking.connects-binds-and-carries-data.wsaconnect.ipv4')?.verdict).to.equal('PASS');
  });

  it('marks as informative only clauses the catalogue calls informative', () => {
    const wrong = coverage.clauses.filter((clause) => clause.status === 'informative' && clause.kind !== 'informative');
    expect(wrong.map((clause) => clause.id)).to.deep.equal([]);
  });
});

describe('loadCoverage', () => {
  it('gives the problems of the case files instead of a coverage when they have any', () => {
    const loaded = loadCoverage({ root: PROJECT_ROOT, specDir: 'spec', casesDir: path.join(PROJECT_ROOT, 'test/cases/samples/bad') });
    expect(loaded).to.have.property('problems');
    const messages = 'problems' in loaded ? loaded.problems.map(formatProblem) : [];
    expect(messages.some((message) => /clauses\.yaml:7:13: clause "remarks\.stream\.reconect" is not in the catalogue of WSAConnect/.test(message))).to.equal(true);
  });
});

/** The project's WSAConnect page, its recorded coverage read from `file` (relative to the root it is loaded from). */
function recordedIn(file: string): Page {
  const page = wsaConnectPage();
  return { ...page, files: { ...page.files, coverage: file } };
}

describe('loadRecordedCoverage: problems, each with file:line:column', () => {
  let root: string;

  it('records nothing for a page without the file', () => {
    expect(loadRecordedCoverage(recordedIn('spec/WSAConnect/none.yaml'), PROJECT_ROOT)).to.deep.equal({ recorded: new Map(), problems: [] });
  });

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'coverage-'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function problemsOf(entries: string): string[] {
    writeFileSync(path.join(root, 'coverage.yaml'), `format: 1\nuncovered:\n${entries}`);
    return loadRecordedCoverage(recordedIn('coverage.yaml'), root).problems.map(formatProblem);
  }

  it('loads each clause of an entry with the entry\'s status, reason and evidence', () => {
    writeFileSync(path.join(root, 'coverage.yaml'), 'format: 1\nuncovered:\n  - clauses: [errors.WSAEINTR, errors.WSAEINPROGRESS]\n    status: not-provokable\n    reason: >\n      Windows Sockets 1.1 only.\n    evidence: The compatibility page.\n');
    const loaded = loadRecordedCoverage(recordedIn('coverage.yaml'), root);
    const expected = { status: 'not-provokable', reason: 'Windows Sockets 1.1 only.', evidence: 'The compatibility page.', location: { file: 'coverage.yaml', line: 3, column: 5 } };
    expect([...(loaded.recorded ?? [])]).to.deep.equal([
      ['errors.WSAEINTR', expected],
      ['errors.WSAEINPROGRESS', expected],
    ]);
  });

  /** Each entry: what the loader must report, the entries written, and the one problem expected. */
  const PROBLEMS: readonly (readonly [string, string, string])[] = [
    [
      'reports a clause the catalogue lacks at its id, suggesting the nearest',
      '  - clauses: [errors.WSAENETDOWM]\n    status: informative\n    reason: r\n',
      'coverage.yaml:3:15: clause "errors.WSAENETDOWM" is not in the catalogue of WSAConnect; did you mean "errors.WSAENETDOWN"?',
    ],
    [
      'reports a clause given a second reason, naming the line of the first',
      '  - clauses: [summary.purpose]\n    status: informative\n    reason: r\n  - clauses: [summary.purpose]\n    status: informative\n    reason: s\n',
      'coverage.yaml:6:15: clause "summary.purpose" already has an entry (line 3); give each clause one reason',
    ],
    [
      'asks for the evidence of every entry but an informative one',
      '  - clauses: [errors.WSAENOBUFS]\n    status: not-provokable\n    reason: r\n',
      "coverage.yaml:3:5: an entry of status not-provokable needs its evidence: what shows the reason holds (documentation with its address, a test run on Windows, a provider's source with file and function)",
    ],
    [
      'reports a status outside the four, with a did-you-mean',
      '  - clauses: [summary.purpose]\n    status: informatve\n    reason: r\n',
      'coverage.yaml:4:13: "status" must be informative, not-checkable, not-provokable or planned, not "informatve"; did you mean "informative"?',
    ],
  ];

  for (const [title, entries, problem] of PROBLEMS) {
    it(title, () => {
      expect(problemsOf(entries)).to.deep.equal([problem]);
    });
  }
});

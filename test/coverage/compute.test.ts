/** computeCoverage on small pages: what covers a clause and an error code, what is explained, planned, missing or stale, page by page. */
import { expect } from 'chai';
import type { Clause, Page, PageSet } from '../../harness/language/clauses/clause.js';
import { computeCoverage, type CaseRun } from '../../harness/uses/coverage/compute.js';
import type { RecordedCoverage, RecordedReason } from '../../harness/uses/coverage/recorded.js';
import type { Outcome } from '../../harness/language/cases/case.js';
import { makeCase, step } from '../runner/helpers.js';

const AT = { file: 'spec/WSAConnect/clauses.yaml', line: 1, column: 1 };

function clause(id: string, extra: Partial<Clause> = {}): Clause {
  return { id, section: id.startsWith('errors.') ? 'Error codes' : 'Remarks', kind: 'rule', text: id, location: AT, ...extra };
}

function page(name: string, clauses: readonly Clause[]): Page {
  const files = { text: `spec/${name}/page.txt`, catalogue: `spec/${name}/clauses.yaml`, coverage: `spec/${name}/coverage.yaml`, note: `spec/${name}/README.md` };
  return { name, files, clauses, byId: new Map(clauses.map((entry) => [entry.id, entry])), disagreements: [] };
}

function pageSet(...pages: Page[]): PageSet {
  return { folder: 'spec', pages, byName: new Map(pages.map((entry) => [entry.name, entry])) };
}

const CATALOGUE: Page = page('WSAConnect', [
    clause('remarks.cited'),
    clause('remarks.informative', { kind: 'informative' }),
    clause('remarks.forgotten'),
    clause('errors.WSAEFAULT', { error: 'WSAEFAULT' }),
    clause('errors.WSAEFAULT.namelen-too-small', { error: 'WSAEFAULT' }),
    clause('errors.WSAEISCONN', { error: 'WSAEISCONN' }),
    clause('errors.WSAENETDOWN', { error: 'WSAENETDOWN' }),
    clause('errors.WSAETIMEDOUT', { error: 'WSAETIMEDOUT' }),
    clause('errors.WSAEINTR', { error: 'WSAEINTR' }),
]);

function reason(status: RecordedReason['status'], text = `${status} because`): RecordedReason {
  return { status, reason: text, ...(status === 'informative' ? {} : { evidence: 'shown here' }), location: { file: 'spec/WSAConnect/coverage.yaml', line: 5, column: 5 } };
}

const RECORDED: RecordedCoverage = new Map([
  ['remarks.informative', reason('informative')],
  ['errors.WSAENETDOWN', reason('not-provokable', 'The network subsystem has failed. More words.')],
  ['errors.WSAETIMEDOUT', reason('planned')],
  ['remarks.cited', reason('not-checkable')],
]);

/** A case citing `clauses`, each `id` of WSAConnect or `page/id`. */
const citing = (id: string, clauses: readonly string[], steps = [step('WSACleanup', {})]) => ({
  ...makeCase(id, steps),
  clauses: clauses.map((cited) => {
    const [pageName, clauseId] = cited.includes('/') ? cited.split('/') : ['WSAConnect', cited];
    return { page: pageName ?? '', id: clauseId ?? '', quote: cited };
  }),
});

const CASES = [
  citing('cites.remark', ['remarks.cited']),
  citing('documents.isconn', ['remarks.cited'], [step('WSAConnect', { s: 1, name: null }, { expect: [{ returns: 0 }, { returns: 'SOCKET_ERROR', error: 'WSAEISCONN' }] })]),
  citing('cites.condition', ['errors.WSAEFAULT.namelen-too-small']),
  citing('negates.intr', ['remarks.cited'], [step('WSAConnect', { s: 1, name: null }, { expect: { returns: 'SOCKET_ERROR', error: { not: 'WSAEINTR' } } })]),
];

describe('computeCoverage', () => {
  const [coverage] = computeCoverage({ pages: pageSet(CATALOGUE), cases: CASES, recorded: new Map([['WSAConnect', RECORDED]]) }).pages;
  if (coverage === undefined) throw new Error('no coverage of the page');
  const clauseNamed = (id: string) => coverage.clauses.find((entry) => entry.id === id);
  const errorNamed = (code: string) => coverage.errors.find((entry) => entry.code === code);

  it('covers a clause by the cases that cite it, with where they are', () => {
    expect(clauseNamed('remarks.cited')?.status).to.equal('covered');
    expect(clauseNamed('remarks.cited')?.cases).to.deep.equal([
      { id: 'cites.remark', file: 'cases/fake.yaml', line: 1, families: [] },
      { id: 'documents.isconn', file: 'cases/fake.yaml', line: 1, families: [] },
      { id: 'negates.intr', file: 'cases/fake.yaml', line: 1, families: [] },
    ]);
  });

  it('lists one entry per clause in catalogue order, and one per row of the error table only', () => {
    expect(coverage.clauses.map((entry) => entry.id)).to.deep.equal(CATALOGUE.clauses.map((entry) => entry.id));
    expect(coverage.errors.map((entry) => [entry.code, entry.clause])).to.deep.equal([
      ['WSAEFAULT', 'errors.WSAEFAULT'],
      ['WSAEISCONN', 'errors.WSAEISCONN'],
      ['WSAENETDOWN', 'errors.WSAENETDOWN'],
      ['WSAETIMEDOUT', 'errors.WSAETIMEDOUT'],
      ['WSAEINTR', 'errors.WSAEINTR'],
    ]);
  });

  it('covers an error code by a case whose step documents it as an outcome, or that cites one of its conditions', () => {
    expect(errorNamed('WSAEISCONN')).to.include({ status: 'covered' });
    expect(errorNamed('WSAEISCONN')?.cases.map((entry) => entry.id)).to.deep.equal(['documents.isconn']);
    expect(errorNamed('WSAEFAULT')?.cases.map((entry) => entry.id)).to.deep.equal(['cites.condition']);
  });

  it('does not count an error a step only rules out ({ not: … })', () => {
    expect(errorNamed('WSAEINTR')).to.deep.include({ status: 'missing', cases: [] });
  });

  it('gives what has no case the recorded status and reason, and counts planned ones as still to cover', () => {
    expect(errorNamed('WSAENETDOWN')).to.deep.include({
      status: 'not-provokable',
      recorded: { status: 'not-provokable', reason: 'The network subsystem has failed. More words.', evidence: 'shown here' },
    });
    expect(clauseNamed('remarks.informative')?.status).to.equal('informative');
    expect(coverage.planned).to.deep.equal({ clauses: ['errors.WSAETIMEDOUT'], errors: ['WSAETIMEDOUT'] });
  });

  it('lists what is neither covered nor explained: a row no case cites is missing as a clause even when its code is covered', () => {
    expect(coverage.missing).to.deep.equal({ clauses: ['remarks.forgotten', 'errors.WSAEFAULT', 'errors.WSAEISCONN', 'errors.WSAEINTR'], errors: ['WSAEINTR'] });
  });

  it('reports a recorded reason for a clause a case now covers as stale', () => {
    expect(coverage.stale).to.deep.equal([{ clause: 'remarks.cited', cases: ['cites.remark', 'documents.isconn', 'negates.intr'] }]);
    expect(clauseNamed('remarks.cited')?.status, 'a case beats the record').to.equal('covered');
  });
});

describe('computeCoverage with a run', () => {
  const connect = (id: string, expected: Outcome) => step('WSAConnect', { s: '$s', name: null }, { id, expect: expected });
  const socket = (af: string) => step('socket', { af, type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' }, { as: 's' });
  const cases = [
    citing('reaches.v4', ['remarks.cited'], [socket('AF_INET'), connect('WSAConnect', { returns: 0 })]),
    citing('reaches.v6', ['remarks.cited'], [socket('AF_INET6'), connect('WSAConnect', { returns: 0 })]),
    // Cites the row; its WSAConnect steps are a first connect and the one giving the error.
    citing('stops.in.set-up', ['errors.WSAEISCONN'], [socket('AF_INET'), connect('first', { returns: 0 }), connect('second', { returns: 'SOCKET_ERROR', error: 'WSAEISCONN' })]),
  ];
  const runs = new Map<string, CaseRun>([
    ['reaches.v4', { verdict: 'PASS', checked: new Set(['WSAConnect']) }],
    ['reaches.v6', { verdict: 'SKIP', checked: new Set() }],
    ['stops.in.set-up', { verdict: 'KNOWN', checked: new Set(['first']) }],
  ]);
  const [coverage] = computeCoverage({ pages: pageSet(CATALOGUE), cases, recorded: new Map(), runs }).pages;
  if (coverage === undefined) throw new Error('no coverage of the page');
  const clauseNamed = (id: string) => coverage.clauses.find((entry) => entry.id === id);

  it('gives each covering case its verdict, its families and the steps under the clause the run checked', () => {
    expect(clauseNamed('remarks.cited')?.cases).to.deep.equal([
      { id: 'reaches.v4', file: 'cases/fake.yaml', line: 1, families: ['AF_INET'], verdict: 'PASS', checked: ['WSAConnect'] },
      { id: 'reaches.v6', file: 'cases/fake.yaml', line: 1, families: ['AF_INET6'], verdict: 'SKIP', checked: [] },
    ]);
  });

  it('covers a clause over the families of the cases the run reached it in only', () => {
    expect(clauseNamed('remarks.cited')).to.deep.include({ status: 'covered', families: ['AF_INET'] });
    const [statically] = computeCoverage({ pages: pageSet(CATALOGUE), cases, recorded: new Map() }).pages;
    expect(statically?.clauses.find((entry) => entry.id === 'remarks.cited')?.families).to.deep.equal(['AF_INET', 'AF_INET6']);
  });

  it('does not count a case that checked only other steps than the one giving the clause\'s error: the clause is unreached', () => {
    expect(clauseNamed('errors.WSAEISCONN')).to.deep.include({ status: 'unreached', families: [] });
    expect(clauseNamed('errors.WSAEISCONN')?.cases[0]?.checked).to.deep.equal([]);
    expect(coverage.unreached).to.deep.equal({ clauses: ['errors.WSAEISCONN'], errors: ['WSAEISCONN'] });
  });
});

describe('computeCoverage over two pages', () => {
  const CONNECT = page('connect', [clause('remarks.cited'), clause('errors.WSAEISCONN', { error: 'WSAEISCONN' }), clause('errors.WSAEFAULT', { error: 'WSAEFAULT' })]);
  const cases = [
    citing('cites.both', ['remarks.cited', 'connect/remarks.cited']),
    citing('connect.isconn', ['connect/remarks.cited'], [step('connect', { s: 1, name: null }, { expect: { returns: 'SOCKET_ERROR', error: 'WSAEISCONN' } })]),
    citing('wsaconnect.fault', ['remarks.cited'], [step('WSAConnect', { s: 1, name: null }, { expect: { returns: 'SOCKET_ERROR', error: 'WSAEFAULT' } })]),
  ];
  const coverage = computeCoverage({ pages: pageSet(CONNECT, CATALOGUE), cases, recorded: new Map([['WSAConnect', RECORDED]]) });
  const pageNamed = (name: string) => coverage.pages.find((entry) => entry.page === name);
  const casesOf = (name: string, id: string) => pageNamed(name)?.clauses.find((entry) => entry.id === id)?.cases.map((entry) => entry.id);
  const errorCasesOf = (name: string, code: string) => pageNamed(name)?.errors.find((entry) => entry.code === code)?.cases.map((entry) => entry.id);

  it('gives each page its own entry, with its files, in the order given', () => {
    expect(coverage.pages.map((entry) => [entry.page, entry.text, entry.catalogue])).to.deep.equal([
      ['connect', 'spec/connect/page.txt', 'spec/connect/clauses.yaml'],
      ['WSAConnect', 'spec/WSAConnect/page.txt', 'spec/WSAConnect/clauses.yaml'],
    ]);
  });

  it('counts a citation for the page it names only, though both pages have a clause of that id', () => {
    expect(casesOf('connect', 'remarks.cited')).to.deep.equal(['cites.both', 'connect.isconn']);
    expect(casesOf('WSAConnect', 'remarks.cited')).to.deep.equal(['cites.both', 'wsaconnect.fault']);
  });

  it("covers a page's error code by the steps of the page's own call only", () => {
    expect(errorCasesOf('connect', 'WSAEISCONN')).to.deep.equal(['connect.isconn']);
    expect(errorCasesOf('WSAConnect', 'WSAEISCONN')).to.deep.equal([]);
    expect(errorCasesOf('WSAConnect', 'WSAEFAULT')).to.deep.equal(['wsaconnect.fault']);
    expect(errorCasesOf('connect', 'WSAEFAULT')).to.deep.equal([]);
  });

  it('reads the recorded reasons of each page for that page only: a page with none has every uncovered clause missing', () => {
    expect(pageNamed('connect')?.missing).to.deep.equal({ clauses: ['errors.WSAEISCONN', 'errors.WSAEFAULT'], errors: ['WSAEFAULT'] });
    expect(pageNamed('WSAConnect')?.errors.find((entry) => entry.code === 'WSAENETDOWN')?.status).to.equal('not-provokable');
  });
});

/** computeCoverage on a small catalogue: what covers a clause and an error code, what is explained, planned, missing or stale. */
import { expect } from 'chai';
import type { Clause, ClauseCatalogue } from '../../harness/language/clauses/clause.js';
import { computeCoverage } from '../../harness/uses/coverage/compute.js';
import type { RecordedCoverage, RecordedReason } from '../../harness/uses/coverage/recorded.js';
import { makeCase, step } from '../runner/helpers.js';

const AT = { file: 'spec/clauses.yaml', line: 1, column: 1 };

function clause(id: string, extra: Partial<Clause> = {}): Clause {
  return { id, section: id.startsWith('errors.') ? 'Error codes' : 'Remarks', kind: 'rule', text: id, location: AT, ...extra };
}

const CATALOGUE: ClauseCatalogue = (() => {
  const clauses = [
    clause('remarks.cited'),
    clause('remarks.informative', { kind: 'informative' }),
    clause('remarks.forgotten'),
    clause('errors.WSAEFAULT', { error: 'WSAEFAULT' }),
    clause('errors.WSAEFAULT.namelen-too-small', { error: 'WSAEFAULT' }),
    clause('errors.WSAEISCONN', { error: 'WSAEISCONN' }),
    clause('errors.WSAENETDOWN', { error: 'WSAENETDOWN' }),
    clause('errors.WSAETIMEDOUT', { error: 'WSAETIMEDOUT' }),
    clause('errors.WSAEINTR', { error: 'WSAEINTR' }),
  ];
  return { file: 'spec/clauses.yaml', page: 'spec/WSAConnect.txt', clauses, byId: new Map(clauses.map((entry) => [entry.id, entry])) };
})();

function reason(status: RecordedReason['status'], text = `${status} because`): RecordedReason {
  return { status, reason: text, ...(status === 'informative' ? {} : { evidence: 'shown here' }), location: { file: 'spec/coverage.yaml', line: 5, column: 5 } };
}

const RECORDED: RecordedCoverage = new Map([
  ['remarks.informative', reason('informative')],
  ['errors.WSAENETDOWN', reason('not-provokable', 'The network subsystem has failed. More words.')],
  ['errors.WSAETIMEDOUT', reason('planned')],
  ['remarks.cited', reason('not-checkable')],
]);

const citing = (id: string, clauses: readonly string[], steps = [step('WSACleanup', {})]) => ({
  ...makeCase(id, steps),
  clauses: clauses.map((cited) => ({ id: cited, quote: cited })),
});

const CASES = [
  citing('cites.remark', ['remarks.cited']),
  citing('documents.isconn', ['remarks.cited'], [step('WSAConnect', { s: 1, name: null }, { expect: [{ returns: 0 }, { returns: 'SOCKET_ERROR', error: 'WSAEISCONN' }] })]),
  citing('cites.condition', ['errors.WSAEFAULT.namelen-too-small']),
  citing('negates.intr', ['remarks.cited'], [step('WSAConnect', { s: 1, name: null }, { expect: { returns: 'SOCKET_ERROR', error: { not: 'WSAEINTR' } } })]),
];

describe('computeCoverage', () => {
  const coverage = computeCoverage({ catalogue: CATALOGUE, cases: CASES, recorded: RECORDED, verdicts: new Map([['cites.remark', 'PASS' as const]]) });
  const clauseNamed = (id: string) => coverage.clauses.find((entry) => entry.id === id);
  const errorNamed = (code: string) => coverage.errors.find((entry) => entry.code === code);

  it('covers a clause by the cases that cite it, with where they are and the verdict of the run given', () => {
    expect(clauseNamed('remarks.cited')?.status).to.equal('covered');
    expect(clauseNamed('remarks.cited')?.cases).to.deep.equal([
      { id: 'cites.remark', file: 'cases/fake.yaml', line: 1, verdict: 'PASS' },
      { id: 'documents.isconn', file: 'cases/fake.yaml', line: 1 },
      { id: 'negates.intr', file: 'cases/fake.yaml', line: 1 },
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

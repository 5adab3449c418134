/** The errata where the page disagrees with itself or the pages disagree with each other: each side's cases, and which side each run follows, from its verdicts. */
import { expect } from 'chai';
import type { RecordedRun } from '../../harness/judging/results/recorded-run.js';
import type { CaseResult, RunInfo, Verdict } from '../../harness/judging/results/result.js';
import { findDisagreements } from '../../harness/uses/disagreements/errata.js';
import { findCaseFiles } from '../../harness/language/cases/load.js';
import { CASES_DIR } from '../../harness/common/project-paths.js';
import { load, specPages, wsaConnectPage } from '../cases/helpers.js';
import { disagreementsText } from '../../reporters/disagreement-views.js';
import { disagreementHolderProblems } from '../../harness/language/cases/disagreement-holders.js';
import { formatProblem } from '../../harness/language/yaml/problem.js';

// The cases as written; each is made over both families, and a side lists the variations, a run's verdicts name them.
const ERROR_SIDE = 'errors.gqos-not-null';
const REMARKS_SIDE = 'qos.tcp.gqos-ignored-when-not-group-creator';
const overBothFamilies = (id: string): string[] => [`${id}.ipv4`, `${id}.ipv6`];

function run(provider: string, verdicts: Readonly<Record<string, Verdict>>): RecordedRun {
  const info = { provider, providerVersion: `${provider} 1.0` } as RunInfo;
  const cases = Object.entries(verdicts).map(([id, verdict]) => ({ id, verdict }) as CaseResult);
  return { run: info, cases, origin: `${provider}.jsonl` };
}

describe('findDisagreements', () => {
  const { cases } = load(...findCaseFiles(CASES_DIR));
  const pages = { folder: 'spec', pages: [wsaConnectPage()], byName: new Map([['WSAConnect', wsaConnectPage()]]) };

  it("lists the WSAConnect page's disagreement on lpGQOS with the clause, the words and the one case of each side", () => {
    const [erratum] = findDisagreements(pages, cases, []);
    expect(erratum).to.deep.include({ kind: 'the page disagrees with itself', page: 'WSAConnect', id: 'lpGQOS-not-null' });
    expect(erratum?.sides.map((side) => [side.clause, side.text, side.cases])).to.deep.equal([
      ['errors.WSAEINVAL.gqos', 'or the lpGQOS parameter is not NULL.', overBothFamilies(ERROR_SIDE)],
      ['remarks.lpGQOS.ignored', 'This parameter will be ignored if s is not the creator of the socket group.', overBothFamilies(REMARKS_SIDE)],
    ]);
  });

  it('says of each run which side it follows: the one whose cases pass, departing from the one whose case fails or is a known deviation', () => {
    const sides = (errorSide: Verdict, remarksSide: Verdict): Record<string, Verdict> =>
      Object.fromEntries([...overBothFamilies(ERROR_SIDE).map((id) => [id, errorSide]), ...overBothFamilies(REMARKS_SIDE).map((id) => [id, remarksSide])]);
    const runs = [run('wine', sides('KNOWN', 'PASS')), run('posix', sides('SKIP', 'SKIP')), run('other', {})];
    const [erratum] = findDisagreements(pages, cases, runs);
    expect(erratum?.sides.map((side) => side.runs.map((entry) => [entry.run, entry.standing]))).to.deep.equal([
      [['wine 1.0', 'departs'], ['posix 1.0', 'not run'], ['other 1.0', 'not run']],
      [['wine 1.0', 'follows'], ['posix 1.0', 'not run'], ['other 1.0', 'not run']],
    ]);
    expect(erratum?.sides[0]?.runs[2]?.verdicts).to.deep.equal(overBothFamilies(ERROR_SIDE).map((id) => ({ case: id })));
  });
});

describe('findDisagreements: where the pages disagree with each other', () => {
  const { cases } = load(...findCaseFiles(CASES_DIR));
  const pages = specPages();
  const CONNECT_SIDE = 'udp.zero-address-name-disconnects-through-connect.ipv4';
  const WSACONNECT_SIDE = 'udp.zero-address-name-is-wsaeaddrnotavail.wsaconnect.ipv4';
  const find = (runs: RecordedRun[]) => findDisagreements(pages, cases, runs).find((erratum) => erratum.id === 'dgram-zero-address-name');

  it("lists connect's and WSAConnect's sentences on a datagram name whose address is zeros, each with its page, words and cases", () => {
    const erratum = find([]);
    expect(erratum).to.deep.include({ kind: 'the pages disagree with each other', page: 'connect' });
    expect(erratum?.sides.map((side) => [side.page, side.clause, side.text.slice(0, 40)])).to.deep.equal([
      ['connect', 'remarks.dgram.disconnect', 'If the address member of the structure s'],
      ['connect', 'remarks.stream.all-zero-address', 'If the address member of the structure s'],
      ['WSAConnect', 'remarks.dgram.disconnect', 'If the entire name structure is all zero'],
    ]);
    expect(erratum?.sides[0]?.cases).to.include(CONNECT_SIDE);
    expect(erratum?.sides[0]?.cases).not.to.include(WSACONNECT_SIDE);
    // Each variation holds the side of its call's page; the sides list their case, so that the clauses' cases of
    // other conditions (an entire name of zeros, a TCP socket) hold no side.
    expect(erratum?.sides[1]?.cases).to.deep.equal(['udp.zero-address-name-is-wsaeaddrnotavail.connect.ipv4', 'udp.zero-address-name-is-wsaeaddrnotavail.connect.ipv6']);
    expect(erratum?.sides[2]?.cases).to.deep.equal([WSACONNECT_SIDE, 'udp.zero-address-name-is-wsaeaddrnotavail.wsaconnect.ipv6']);
  });

  it('refuses a listed case that is not in the suite, or that does not cite the side\'s clause, at its place in the catalogue', () => {
    const page = wsaConnectPage();
    const at = (line: number) => ({ file: 'spec/WSAConnect/clauses.yaml', line, column: 9 });
    const listing = (...ids: string[]) => ({ page: 'WSAConnect', clause: 'errors.WSAEINVAL.gqos', says: 'WSAEINVAL.', cases: ids.map((id, index) => ({ id, location: at(index + 1) })), location: { clause: at(0), page: at(0) } });
    const [disagreement] = page.disagreements;
    if (disagreement === undefined) throw new Error('no disagreement on the WSAConnect page');
    const changed = { ...page, disagreements: [{ ...disagreement, sides: [listing(ERROR_SIDE, 'errors.gqos-not-nul', REMARKS_SIDE), ...disagreement.sides.slice(1)] }] };
    expect(disagreementHolderProblems({ folder: 'spec', pages: [changed], byName: new Map([['WSAConnect', changed]]) }, cases).map(formatProblem)).to.deep.equal([
      'spec/WSAConnect/clauses.yaml:2:9: case "errors.gqos-not-nul" is not in the suite; did you mean "errors.gqos-not-null"?',
      `spec/WSAConnect/clauses.yaml:3:9: case "${REMARKS_SIDE}" does not cite WSAConnect/errors.WSAEINVAL.gqos: a case holds a side by citing its clause, in one of its variations at least`,
    ]);
    expect(disagreementHolderProblems(pages, cases)).to.deep.equal([]);
  });

  it('prints each kind with its count, which side each run follows, and a side no case holds as held by none', () => {
    const erratum = find([run('wine', { [CONNECT_SIDE]: 'PASS', [WSACONNECT_SIDE]: 'KNOWN' })]);
    if (erratum === undefined) throw new Error('no dgram-zero-address-name disagreement');
    expect(erratum.runs).to.deep.equal([{ run: 'wine 1.0', follows: ['connect/remarks.dgram.disconnect'], cannotTell: ['connect/remarks.stream.all-zero-address'] }]);
    const unheld = { ...erratum, id: 'unheld', sides: erratum.sides.map((side, index) => (index === 2 ? { ...side, cases: [], runs: [] } : side)) };
    const text = disagreementsText([erratum, unheld]);
    expect(text).to.match(/^0 places where the page disagrees with itself, 2 where the pages disagree with each other: .* 1 side is held by no case\.\n/);
    expect(text).to.contain('connect/dgram-zero-address-name (the pages disagree with each other): A connected datagram socket');
    expect(text).to.contain('  wine 1.0: follows connect/remarks.dgram.disconnect; cannot tell for connect/remarks.stream.all-zero-address\n');
    expect(text).to.contain('    cases: none: no case holds this side, so no run can say whether a provider follows it\n');
  });
});

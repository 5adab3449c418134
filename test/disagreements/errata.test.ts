/** The errata where the page disagrees with itself: each side's cases, and which side each run follows, from its verdicts. */
import { expect } from 'chai';
import type { RecordedRun } from '../../harness/judging/results/recorded-run.js';
import type { CaseResult, RunInfo, Verdict } from '../../harness/judging/results/result.js';
import { findDisagreements } from '../../harness/uses/disagreements/errata.js';
import { findCaseFiles } from '../../harness/language/cases/load.js';
import { CASES_DIR } from '../../harness/common/project-paths.js';
import { load, wsaConnectPage } from '../cases/helpers.js';

const ERROR_SIDE = 'errors.gqos-not-null';
const REMARKS_SIDE = 'qos.tcp.gqos-ignored-when-not-group-creator';

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
      ['errors.WSAEINVAL.gqos', 'or the lpGQOS parameter is not NULL.', [ERROR_SIDE]],
      ['remarks.lpGQOS.ignored', 'This parameter will be ignored if s is not the creator of the socket group.', [REMARKS_SIDE]],
    ]);
  });

  it('says of each run which side it follows: the one whose cases pass, departing from the one whose case fails or is a known deviation', () => {
    const runs = [run('wine', { [ERROR_SIDE]: 'KNOWN', [REMARKS_SIDE]: 'PASS' }), run('posix', { [ERROR_SIDE]: 'SKIP', [REMARKS_SIDE]: 'SKIP' }), run('other', {})];
    const [erratum] = findDisagreements(pages, cases, runs);
    expect(erratum?.sides.map((side) => side.runs.map((entry) => [entry.run, entry.standing]))).to.deep.equal([
      [['wine 1.0', 'departs'], ['posix 1.0', 'not run'], ['other 1.0', 'not run']],
      [['wine 1.0', 'follows'], ['posix 1.0', 'not run'], ['other 1.0', 'not run']],
    ]);
    expect(erratum?.sides[0]?.runs[2]?.verdicts).to.deep.equal([{ case: ERROR_SIDE }]);
  });
});

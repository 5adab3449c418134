/**
 * The disagreements of the suite's own pages, as the cases hold them: each
 * side by cases of its own, each step of which documents one outcome, so
 * that a provider can fail every side but the one it follows. A case that
 * accepted both sides' outcomes could fail on neither.
 */
import { expect } from 'chai';
import { findDisagreements } from '../../harness/uses/disagreements/errata.js';
import { findCaseFiles } from '../../harness/language/cases/load.js';
import { CASES_DIR } from '../../harness/common/project-paths.js';
import { load, specPages } from '../cases/helpers.js';

describe("the disagreements of the suite's pages", () => {
  const { cases } = load(...findCaseFiles(CASES_DIR));
  const errata = findDisagreements(specPages(), cases, []);
  const byId = new Map(cases.map((testCase) => [testCase.id, testCase]));

  it('include each condition for which a page names two outcomes: lpGQOS, 64 KiB of connect data on TCP, lpCalleeData on UDP, a name of another family through connect', () => {
    expect(errata.map((erratum) => `${erratum.page}/${erratum.id}`)).to.include.members([
      'WSAConnect/lpGQOS-not-null',
      'WSAConnect/caller-data-too-large-on-tcp',
      'WSAConnect/callee-data-on-connectionless-socket',
      'connect/name-of-another-family',
    ]);
  });

  it('are held on every side by a case, and every step of such a case documents one outcome', () => {
    for (const erratum of errata) {
      for (const side of erratum.sides) {
        expect(side.cases, `${erratum.page}/${erratum.id} ${side.clause}`).to.not.be.empty;
        for (const id of side.cases) {
          const several = byId.get(id)?.steps.filter((step) => (step.expect?.length ?? 0) > 1).map((step) => step.id);
          expect(several, `${id} (${erratum.page}/${erratum.id}, side ${side.clause}): steps with several outcomes`).to.deep.equal([]);
        }
      }
    }
  });

  it('put the two sides of each condition in cases that make the same call: the old cases that accepted both outcomes are now one side each', () => {
    const sideOf = (page: string, id: string, caseId: string) =>
      errata.find((erratum) => erratum.page === page && erratum.id === id)?.sides.find((side) => side.cases.includes(caseId))?.clause;
    expect([
      sideOf('WSAConnect', 'caller-data-too-large-on-tcp', 'connect-data.tcp.caller-data-len-too-large.ipv4'),
      sideOf('WSAConnect', 'caller-data-too-large-on-tcp', 'connect-data.tcp.oversized-caller-data-is-wsaeprotonosupport.ipv4'),
      sideOf('WSAConnect', 'callee-data-on-connectionless-socket', 'udp.connect-data-ignored.ipv6'),
      sideOf('WSAConnect', 'callee-data-on-connectionless-socket', 'udp.callee-data-len-zero.ipv6'),
      sideOf('connect', 'name-of-another-family', 'addresses.ipv4-name-on-ipv6-socket.connect'),
      sideOf('connect', 'name-of-another-family', 'addresses.ipv4-name-on-ipv6-socket-is-wsaefault'),
    ]).to.deep.equal([
      'errors.WSAEFAULT.caller-data-too-large',
      'errors.WSAEPROTONOSUPPORT',
      'remarks.dgram.connect-data-ignored',
      'remarks.callee-data.len-zero',
      'errors.WSAEAFNOSUPPORT',
      'errors.WSAEFAULT.incorrect-format',
    ]);
    const callOf = (id: string) => byId.get(id)?.steps.find((step) => step.call === 'WSAConnect' || step.call === 'connect');
    for (const [one, other] of [
      ['connect-data.tcp.caller-data-len-too-large.ipv4', 'connect-data.tcp.oversized-caller-data-is-wsaeprotonosupport.ipv4'],
      ['udp.connect-data-ignored.ipv6', 'udp.callee-data-len-zero.ipv6'],
      ['addresses.ipv4-name-on-ipv6-socket.connect', 'addresses.ipv4-name-on-ipv6-socket-is-wsaefault'],
    ] as const) {
      expect([callOf(one)?.call, callOf(one)?.args], `${one} and ${other}`).to.deep.equal([callOf(other)?.call, callOf(other)?.args]);
    }
  });
});

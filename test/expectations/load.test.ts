import { expect } from 'chai';
import type { Case } from '../../harness/language/cases/case.js';
import { formatProblem } from '../../harness/language/cases/load.js';
import type { Deviation } from '../../harness/judging/expectations/deviation.js';
import { checkDeviationsAgainstCases, loadExpectations } from '../../harness/judging/expectations/load.js';
import { load, PROJECT_ROOT } from '../cases/helpers.js';

const sample = (name: string): string => `test/expectations/samples/${name}`;

function casesOfSamples(): Case[] {
  const { cases, messages } = load(sample('cases.yaml'));
  expect(messages).to.deep.equal([]);
  return cases;
}

/** Loads an expectations sample and checks it against the sample cases, as the runner does. */
function problemsOf(name: string): string[] {
  const { deviations, problems } = loadExpectations(sample(name), PROJECT_ROOT);
  return [...problems, ...checkDeviationsAgainstCases(deviations, casesOfSamples())].map(formatProblem);
}

describe('loadExpectations', () => {
  it('loads each deviation with its location', () => {
    const { deviations, problems } = loadExpectations(sample('valid.yaml'), PROJECT_ROOT);
    expect(problems).to.deep.equal([]);
    const expected: Deviation[] = [
      {
        case: 'addresses.tcp.all-zero',
        step: 'WSAConnect',
        observed: { returns: 'SOCKET_ERROR', error: 'WSAECONNREFUSED' },
        reason: 'Wine passes 0.0.0.0 to the host stack, which treats it as a local address.',
        bug: 'https://bugs.winehq.org/show_bug.cgi?id=12345',
        location: { file: sample('valid.yaml'), line: 3, column: 5 },
      },
      {
        case: 'addresses.tcp.all-zero',
        step: 'WSAConnect#2',
        observed: { returns: 0 },
        reason: 'Once refused, the second attempt connects to the local listener.',
        location: { file: sample('valid.yaml'), line: 8, column: 5 },
      },
    ];
    expect(deviations).to.deep.equal(expected);
    expect(checkDeviationsAgainstCases(deviations, casesOfSamples())).to.deep.equal([]);
  });

  it('treats a missing file as no deviations', () => {
    expect(loadExpectations(sample('no-such-provider.yaml'), PROJECT_ROOT)).to.deep.equal({ deviations: [], problems: [] });
  });

  it('requires a reason, and one that says something', () => {
    expect(problemsOf('missing-reason.yaml')).to.deep.equal([
      `${sample('missing-reason.yaml')}:2:5: missing required key "reason" in deviation`,
      `${sample('missing-reason.yaml')}:8:13: "reason" is not valid ("  "): the reason must say something, not just blanks`,
    ]);
  });

  it('reports an entry for a case that does not exist', () => {
    expect(problemsOf('unknown-case.yaml')).to.deep.equal([
      `${sample('unknown-case.yaml')}:2:5: no case has the id "addresses.tcp.all-zeros"; did you mean "addresses.tcp.all-zero"?`,
    ]);
  });

  it('reports an entry for a step the case does not have, listing its steps', () => {
    expect(problemsOf('unknown-step.yaml')).to.deep.equal([
      `${sample('unknown-step.yaml')}:2:5: case "addresses.tcp.all-zero" has no step "WSAConnect#3"; its steps: socket, WSAConnect, WSAConnect#2; did you mean "WSAConnect#2"?`,
    ]);
  });

  it('reports a second entry for the same step', () => {
    expect(problemsOf('duplicate.yaml')).to.deep.equal([
      `${sample('duplicate.yaml')}:6:5: case "addresses.tcp.all-zero" step "WSAConnect" is already listed at line 2 for a version this entry holds for too; keep one entry per step and version (\`versions:\` tells them apart)`,
    ]);
  });

  it('takes entries of one step for different versions, and reports one whose versions overlap an earlier entry', () => {
    expect(problemsOf('versions.yaml')).to.deep.equal([
      `${sample('versions.yaml')}:12:5: case "addresses.tcp.all-zero" step "WSAConnect" is already listed at line 7 for a version this entry holds for too; keep one entry per step and version (\`versions:\` tells them apart)`,
    ]);
  });
});

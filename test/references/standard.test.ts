import { expect } from 'chai';
import { documentedOutcomes, type Case } from '../../harness/language/cases/case.js';
import type { Deviation } from '../../harness/judging/expectations/deviation.js';
import { loadReferences } from '../../harness/judging/windows-reference/load.js';
import { judgeAgainst } from '../../harness/judging/windows-reference/standard.js';
import type { CaseResult, CheckResult } from '../../harness/judging/results/result.js';
import { load, PROJECT_ROOT } from '../cases/helpers.js';

const sample = (name: string): string => `test/references/samples/${name}`;

function inputs() {
  const { cases } = load(sample('cases.yaml'));
  const { references } = loadReferences(sample('valid.yaml'), PROJECT_ROOT, cases);
  return { cases, references };
}

const location = { file: 'expectations/fake.yaml', line: 1, column: 1 };
const deviation = (step: string, observed: Deviation['observed']): Deviation => ({ case: 'udp.broadcast', step, observed, reason: 'why', location });

function stepsOf(cases: readonly Case[]): Record<string, unknown> {
  return Object.fromEntries((cases[0]?.steps ?? []).map((step) => [step.id, documentedOutcomes(step)]));
}

function check(stepId: string): CheckResult {
  return { stepId, call: 'WSAConnect', args: {}, kind: 'documented', expected: [], observed: { returns: 0 }, passed: true, differingKeys: [], durationMs: 1, explainsVerdict: false };
}

const result = (checks: CheckResult[]): CaseResult => ({
  id: 'udp.broadcast',
  title: 't',
  file: 'f',
  line: 1,
  clauses: [],
  tags: [],
  provider: 'fake',
  verdict: 'PASS',
  message: 'm',
  checks,
  durationMs: 1,
  startedAt: '2024-01-01T00:00:00.000Z',
});

describe('judgeAgainst', () => {
  it('by the page (docs), leaves every expect and every deviation as they are', () => {
    const { cases, references } = inputs();
    const deviations = [deviation('WSAConnect', { returns: 0 })];
    const judged = judgeAgainst('docs', cases, deviations, references);
    expect(judged.cases).to.equal(cases);
    expect(judged.deviations).to.deep.equal(deviations);
  });

  it('by Windows, judges a step that has a reference against what Windows does, and the others against the page', () => {
    const { cases, references } = inputs();
    const judged = judgeAgainst('windows', cases, [], references);
    expect(stepsOf(judged.cases)).to.deep.equal({
      socket: undefined,
      WSAConnect: [{ returns: 0 }],
      'to-peer': [{ returns: 0 }],
      getpeername: [{ returns: 0, name: '$peer' }],
    });
    expect(stepsOf(cases)['WSAConnect'], 'the loaded cases are not changed').to.deep.equal([{ returns: 'SOCKET_ERROR', error: 'WSAEACCES' }]);
  });

  it('by Windows, drops a listed deviation that recorded what Windows does, and keeps one that differs from Windows too', () => {
    const { cases, references } = inputs();
    const asWindows = deviation('WSAConnect', { returns: 0 });
    const unlikeWindows = deviation('getpeername', { returns: 'SOCKET_ERROR', error: 'WSAENOTCONN' });
    const withoutReference = deviation('to-peer', { returns: 'SOCKET_ERROR', error: 'WSAEINVAL' });
    expect(judgeAgainst('windows', cases, [asWindows, unlikeWindows, withoutReference], references).deviations).to.deep.equal([unlikeWindows, withoutReference]);
  });

  it("adds the Windows reference to the checks of its steps, and judged by Windows the page's outcome too", () => {
    const { cases, references } = inputs();
    const checks = [check('socket'), check('WSAConnect')];
    const byDocs = judgeAgainst('docs', cases, [], references).annotate(result(checks)).checks;
    const reference = {
      windows: [{ returns: 0 }],
      versions: 'Every Windows version the tests run on.',
      source: 'wine-10.0 dlls/ws2_32/tests/sock.c:14241-14242 (test_broadcast)',
      url: 'https://gitlab.winehq.org/wine/wine/-/blob/wine-10.0/dlls/ws2_32/tests/sock.c#L14241-14242',
    };
    expect(byDocs).to.deep.equal([checks[0], { ...checks[1], reference }]);
    const byWindows = judgeAgainst('windows', cases, [], references).annotate(result(checks)).checks;
    expect(byWindows[1]).to.deep.equal({ ...checks[1], reference, documented: [{ returns: 'SOCKET_ERROR', error: 'WSAEACCES' }] });
    expect(byWindows[0]).to.equal(checks[0]);
  });
});

import { expect } from 'chai';
import { buildAtlas } from '../../harness/uses/atlas/build.js';
import { atlasInputs, broadcastRun, check, pageOf, PAGES, pageSetOf } from './fixtures.js';

describe('buildAtlas', () => {
  it('walks the clauses in order, each with the cases that cite it and the words they quote, and counts the rules checked', () => {
    const { cases, references, errata } = atlasInputs();
    const atlas = buildAtlas(PAGES, cases, [], references, errata);
    expect(atlas.pages.map((page) => [page.name, page.text])).to.deep.equal([['WSAConnect', 'spec/WSAConnect/page.txt']]);
    expect(atlas.pages[0]?.clauses.map((clause) => [clause.id, clause.cases.map((citation) => `${citation.id}: ${citation.quote}`)])).to.deep.equal([
      ['remarks.dgram.broadcast', ['udp.broadcast: Otherwise, WSAConnect will fail with the error code WSAEACCES.']],
      ['remarks.unchecked', []],
      ['remarks.background', []],
    ]);
    expect(atlas.coverage).to.deep.equal({ rules: 2, rulesCited: 1 });
    expect(atlas.pages[0]?.coverage).to.deep.equal({ rules: 2, rulesCited: 1 });
    expect(atlas.errata.map((erratum) => [erratum.case.id, erratum.step])).to.deep.equal([['udp.broadcast', 'WSAConnect']]);
  });

  it('gives each documented step the page, Windows, and each observation with the runs that saw it, alike ones together', () => {
    const { cases, references, errata } = atlasInputs();
    const refused = check('WSAConnect', { returns: 'SOCKET_ERROR', error: 'WSAEACCES' }, true);
    const runs = [
      broadcastRun('wine', 'PASS', [refused, check('getpeername', { returns: 0, name: { family: 'AF_INET', address: '127.0.0.1', port: 5000 } }, true)]),
      broadcastRun('posix', 'PASS', [refused, check('getpeername', { returns: 0, name: { family: 'AF_INET', address: '127.0.0.1', port: 6000 } }, true)]),
      broadcastRun('native', 'SKIP', [], 'needs something'),
    ];
    const [testCase] = buildAtlas(PAGES, cases, runs, references, errata).cases;
    expect(testCase?.verdicts).to.deep.equal([
      { run: 'wine 1.0 @ h', verdict: 'PASS' },
      { run: 'posix 1.0 @ h', verdict: 'PASS' },
      { run: 'native 1.0 @ h', verdict: 'SKIP' },
    ]);
    const steps = testCase?.steps.map((step) => ({
      step: step.stepId,
      page: step.documentedText,
      windows: step.windows?.text,
      observed: step.observations.map((observation) => `${observation.text} (${observation.standing}): ${observation.runs.join('; ')}`),
      notMade: step.notMade.map(({ run, verdict, message }) => `${run}: ${verdict} (${message})`),
    }));
    expect(steps).to.deep.equal([
      {
        step: 'WSAConnect',
        page: 'SOCKET_ERROR WSAEACCES',
        windows: '0',
        observed: ['SOCKET_ERROR WSAEACCES (expected): wine 1.0 @ h; posix 1.0 @ h'],
        notMade: ['native 1.0 @ h: SKIP (needs something)'],
      },
      { step: 'to-peer', page: '0', windows: undefined, observed: [], notMade: ['wine 1.0 @ h: PASS (m)', 'posix 1.0 @ h: PASS (m)', 'native 1.0 @ h: SKIP (needs something)'] },
      {
        step: 'getpeername',
        page: '0 name=$peer',
        windows: '0 name=$peer',
        observed: ['0 name=127.0.0.1:* (expected): wine 1.0 @ h; posix 1.0 @ h'],
        notMade: ['native 1.0 @ h: SKIP (needs something)'],
      },
    ]);
  });

  it('numbers runs that would read the same', () => {
    const { cases, references, errata } = atlasInputs();
    const runs = [broadcastRun('wine', 'PASS', []), broadcastRun('wine', 'PASS', [])];
    expect(buildAtlas(PAGES, cases, runs, references, errata).runs.map((entry) => entry.label)).to.deep.equal(['wine 1.0 @ h', 'wine 1.0 @ h #2']);
  });

  it('walks each page on its own, a citation counting for the page it names only', () => {
    const { cases, references, errata } = atlasInputs();
    const connect = pageOf('connect', [
      { id: 'remarks.dgram.broadcast', section: 'Remarks', kind: 'rule', text: 'Otherwise, connect will fail with the error code WSAEACCES.', location: { file: 'spec/connect/clauses.yaml', line: 1, column: 1 } },
      { id: 'remarks.other', section: 'Remarks', kind: 'rule', text: 'Another rule.', location: { file: 'spec/connect/clauses.yaml', line: 5, column: 1 } },
    ]);
    const citingBoth = cases.map((testCase) => ({ ...testCase, clauses: [...testCase.clauses, { page: 'connect', id: 'remarks.dgram.broadcast', quote: 'connect will fail' }] }));
    const wsaConnect = PAGES.pages[0];
    if (wsaConnect === undefined) throw new Error('no WSAConnect page');
    const atlas = buildAtlas(pageSetOf(connect, wsaConnect), citingBoth, [], references, errata);
    expect(atlas.pages.map((page) => [page.name, page.clauses.map((clause) => [clause.id, clause.cases.map((citation) => citation.quote)])])).to.deep.equal([
      ['connect', [['remarks.dgram.broadcast', ['connect will fail']], ['remarks.other', []]]],
      ['WSAConnect', [['remarks.dgram.broadcast', ['Otherwise, WSAConnect will fail with the error code WSAEACCES.']], ['remarks.unchecked', []], ['remarks.background', []]]],
    ]);
    expect(atlas.pages.map((page) => page.coverage)).to.deep.equal([{ rules: 2, rulesCited: 1 }, { rules: 2, rulesCited: 1 }]);
    expect(atlas.coverage).to.deep.equal({ rules: 4, rulesCited: 2 });
  });
});

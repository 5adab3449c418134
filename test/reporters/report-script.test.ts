/**
 * The parts of report.html's script that decide what shows, run here in
 * Node; the page as a whole is tried in a browser by html-browser.test.ts.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { PROJECT_ROOT } from '../cases/helpers.js';
import { ALL_RESULTS, FAIL_CASE, KNOWN_CASE, PASS_CASE, RUN } from './sample-results.js';
import { REPORT_SCRIPT } from '../../reporters/report-script/script.js';
import { caseIsShown, formatViewState, groupCases, listCases, parseViewState, searchTextOf, type ViewState } from '../../reporters/report-script/view-state.js';
import { reportData } from '../../reporters/html-view.js';

const DATA = reportData(RUN, ALL_RESULTS);
const OPENING: ViewState = { verdicts: ['FAIL', 'XPASS'], query: '', group: 'none', selected: undefined };

function view(id: string) {
  const found = DATA.cases.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(id);
  return found;
}

describe('report.html script: the state in the URL', () => {
  it('writes only what differs from the opening state, and reads it back', () => {
    expect(formatViewState(OPENING, OPENING)).to.equal('');
    const state: ViewState = { verdicts: ['KNOWN', 'FAIL'], query: 'any addr&ess', group: 'file', selected: 'udp.connect.any-address' };
    const hash = formatViewState(state, OPENING);
    expect(hash).to.equal('#case=udp.connect.any-address&verdicts=KNOWN,FAIL&q=any%20addr%26ess&group=file');
    expect(parseViewState(hash, OPENING, DATA.verdicts)).to.deep.equal(state);
  });

  it('takes the opening state for what the hash leaves out, and ignores what it does not know', () => {
    expect(parseViewState('', OPENING, DATA.verdicts)).to.deep.equal(OPENING);
    expect(parseViewState('#verdicts=FAIL,BOGUS&group=sideways', OPENING, DATA.verdicts)).to.deep.equal({ ...OPENING, verdicts: ['FAIL'] });
    expect(parseViewState('#verdicts=', OPENING, DATA.verdicts).verdicts).to.deep.equal([]);
  });
});

describe('report.html script: which cases show', () => {
  it('shows a case whose verdict is pressed and that holds every word searched, in any case', () => {
    const fail = view(FAIL_CASE.id);
    const text = searchTextOf(fail);
    expect(caseIsShown(fail, text, OPENING)).to.equal(true);
    expect(caseIsShown(fail, text, { ...OPENING, query: 'WSACONNECT   nonblocking' })).to.equal(true);
    expect(caseIsShown(fail, text, { ...OPENING, query: 'wsaconnect getpeername' })).to.equal(false);
    expect(caseIsShown(fail, text, { ...OPENING, verdicts: ['PASS'] })).to.equal(false);
  });

  it('searches what the details hold: clauses, calls, observations, deviation reasons', () => {
    const text = searchTextOf(view(KNOWN_CASE.id));
    for (const word of ['return-value', 'getpeername(s=3)', 'name=127.0.0.1:5000', 'wine accepts the any address']) expect(text).to.include(word);
  });

  it('always shows the selected case', () => {
    const pass = view(PASS_CASE.id);
    expect(caseIsShown(pass, searchTextOf(pass), { ...OPENING, query: 'nothing like it', selected: PASS_CASE.id })).to.equal(true);
  });
});

describe('report.html script: grouping', () => {
  const all = DATA.cases.map((_, index) => index);

  it('keeps run order when not grouping', () => {
    expect(groupCases(DATA.cases, all, 'none', DATA.verdictOrder)).to.deep.equal([{ label: undefined, indices: all }]);
  });

  it('groups by file, files in name order and cases by line', () => {
    const groups = groupCases(DATA.cases, all, 'file', DATA.verdictOrder);
    expect(groups.map((group) => group.label)).to.deep.equal(['cases/misc.yaml', 'cases/tcp/connect.yaml', 'cases/udp/connect.yaml']);
    const tcp = groups[1]?.indices.map((index) => DATA.cases[index]?.line);
    expect(tcp).to.deep.equal([...(tcp ?? [])].sort((a = 0, b = 0) => a - b));
  });

  it('groups by verdict, red first', () => {
    const labels = groupCases(DATA.cases, all, 'verdict', DATA.verdictOrder).map((group) => group.label);
    expect(labels).to.deep.equal(['FAIL', 'XPASS', 'ERROR', 'TIMEOUT', 'CRASH', 'KNOWN', 'SKIP', 'PASS']);
  });
});

describe('report.html script: listing a long table in parts', () => {
  const groups = [
    { label: 'a', indices: [0, 1, 2] },
    { label: 'b', indices: [3, 4, 5, 6] },
  ];

  it('lists the first cases up to the limit, cutting a group where it falls', () => {
    expect(listCases(groups, 4, -1)).to.deep.equal({
      groups: [{ label: 'a', indices: [0, 1, 2] }, { label: 'b', indices: [3] }],
      listed: 4,
      total: 7,
    });
    expect(listCases(groups, 3, -1).groups).to.deep.equal([{ label: 'a', indices: [0, 1, 2] }]);
    expect(listCases(groups, 100, -1).listed).to.equal(7);
  });

  it('lists as far as the selected case', () => {
    expect(listCases(groups, 2, 5).listed).to.equal(6);
  });
});

describe('report.html script: the inlined source', () => {
  it('imports values only from the modules inlined with it, since its functions are inlined by their source alone', () => {
    const inlined = ['view-state', 'dom-builders', 'start-up'];
    for (const module of inlined) {
      const source = fs.readFileSync(path.join(PROJECT_ROOT, `reporters/report-script/${module}.ts`), 'utf8');
      const valueImports = source.split('\n').filter((line) => /^import\b/.test(line) && !/^import type /.test(line));
      const fromOutside = valueImports.filter((line) => !inlined.some((other) => line.endsWith(`from './${other}.js';`)));
      expect(fromOutside, `${module}.ts`).to.deep.equal([]);
    }
  });

  it('is a script a browser can compile, holding every function it calls', () => {
    expect(() => new Function(REPORT_SCRIPT)).to.not.throw();
    for (const name of ['startReport', 'buildRow', 'buildDetails', 'buildCheck', 'copyCommand', 'parseViewState']) {
      expect(REPORT_SCRIPT).to.match(new RegExp(`function ${name}\\(`));
    }
  });
});

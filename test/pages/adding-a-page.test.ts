/**
 * Adding a page is adding its folder. A copy of spec/ without connect's page
 * knows no such page; the same copy with connect's folder added, and a copy of
 * cases/ with a file whose cases cite both WSAConnect's and connect's pages
 * (test/pages/samples/cases/), are checked by the loader, `lint` and
 * `coverage` as the suite's own are, with no other change.
 */
import { expect } from 'chai';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCases } from '../../harness/language/cases/load.js';
import { formatProblem } from '../../harness/language/yaml/problem.js';
import { PROJECT_ROOT, specPages } from '../cases/helpers.js';
import { runCli } from '../integration/cli.js';
import { makeTempDir, removeDir } from '../runner/helpers.js';

const SAMPLES = path.join(PROJECT_ROOT, 'test/pages/samples');

describe('adding a page: its folder, and cases that cite it', () => {
  let dir: string;
  let specDir: string;
  let specWithoutConnect: string;
  let casesDir: string;

  before(() => {
    dir = makeTempDir('pages');
    specDir = path.join(dir, 'spec');
    specWithoutConnect = path.join(dir, 'spec-without-connect');
    casesDir = path.join(dir, 'cases');
    cpSync(path.join(PROJECT_ROOT, 'spec'), specWithoutConnect, { recursive: true });
    rmSync(path.join(specWithoutConnect, 'connect'), { recursive: true });
    cpSync(specWithoutConnect, specDir, { recursive: true });
    cpSync(path.join(PROJECT_ROOT, 'spec/connect'), path.join(specDir, 'connect'), { recursive: true });
    cpSync(path.join(PROJECT_ROOT, 'cases'), casesDir, { recursive: true });
    cpSync(path.join(SAMPLES, 'cases/two-pages.yaml'), path.join(casesDir, 'two-pages.yaml'));
  });

  after(() => removeDir(dir));

  it('loads the pages the folders are, and gives each citation its page', () => {
    const pages = specPages(path.relative(PROJECT_ROOT, specDir));
    const before = specPages(path.relative(PROJECT_ROOT, specWithoutConnect));
    expect(pages.pages.map((page) => page.name)).to.deep.equal([...before.pages.map((page) => page.name), 'connect'].sort());
    expect(pages.pages.every((page) => page.clauses.length > 0)).to.equal(true);
    const loaded = loadCases([path.join(casesDir, 'two-pages.yaml')], PROJECT_ROOT, pages);
    expect(loaded.problems.map(formatProblem)).to.deep.equal([]);
    expect(loaded.cases.map((testCase) => [testCase.id, testCase.clauses.map((citation) => `${citation.page}/${citation.id}`)])).to.deep.equal([
      ['pages.refused-by-both', ['connect/errors.WSAECONNREFUSED', 'WSAConnect/errors.WSAECONNREFUSED']],
      ['pages.blocking-connect', ['connect/return.success', 'connect/return.blocking', 'connect/errors.WSAEISCONN']],
    ]);
  });

  it('lint passes the cases of both pages, and knows no page the spec folder lacks', async () => {
    const run = await runCli(['lint', '--spec', specDir, casesDir]);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.match(/^\d+ cases, no problems$/m);

    const without = await runCli(['lint', '--spec', specWithoutConnect, path.join(casesDir, 'two-pages.yaml')]);
    expect(without.status).to.equal(2);
    expect(without.stderr).to.match(/two-pages\.yaml:5:7: page "connect" is not a folder of .*spec-without-connect\/; the pages are .*WSAConnect/m);
  });

  it("lint checks each quote against its own page's clause, and points to the page that has an id", async () => {
    const file = path.join(dir, 'mixed-up.yaml');
    writeFileSync(
      file,
      [
        'format: 1',
        'page: connect',
        'cases:',
        '  - id: pages.mixed-up',
        '    title: Citations that mix the pages up',
        '    clauses:',
        '      - page: WSAConnect',
        '        id: errors.WSAECONNREFUSED',
        '        quote: "forcefully rejected"',
        '      - id: remarks.caller-data.null',
        '        quote: "If lpCallerData is NULL"',
        '    steps:',
        '      - call: WSACleanup',
        '',
      ].join('\n'),
    );
    const run = await runCli(['lint', '--spec', specDir, file]);
    expect(run.status).to.equal(2);
    const problems = run.stderr.split('\n').filter((line) => line.includes('mixed-up.yaml:'));
    expect(problems.map((line) => line.replace(/^.*mixed-up\.yaml:/, ''))).to.deep.equal([
      '9:16: the quote is not in the text of clause "errors.WSAECONNREFUSED" of WSAConnect; quote part of it verbatim: "The attempt to connect was rejected."',
      '10:13: clause "remarks.caller-data.null" is not in the catalogue of connect; WSAConnect has it: cite it with `page: WSAConnect`',
    ]);
  });

  it('coverage shows each page whole, then the totals, and exits 0 when both are covered or explained', async () => {
    const run = await runCli(['coverage', '--spec', specDir, '--cases', casesDir, '--json']);
    expect(run.status, run.stderr).to.equal(0);
    type PageJson = { page: string; errors: { code: string; status: string; cases: { id: string }[] }[]; missing: { clauses: string[]; errors: string[] } };
    const coverage = JSON.parse(run.stdout) as { totals: { pages: number }; pages: PageJson[] };
    const pageCount = specPages(path.relative(PROJECT_ROOT, specDir)).pages.length;
    expect(coverage.totals.pages).to.equal(pageCount);
    const byName = new Map(coverage.pages.map((page) => [page.page, page]));
    const casesOf = (page: string, code: string) => byName.get(page)?.errors.find((error) => error.code === code)?.cases.map((testCase) => testCase.id);
    const statusOf = (page: string, code: string) => byName.get(page)?.errors.find((error) => error.code === code)?.status;
    expect(byName.get('connect')?.errors).to.have.length(19);
    expect([statusOf('connect', 'WSAECONNREFUSED'), statusOf('connect', 'WSAEISCONN')]).to.deep.equal(['covered', 'covered']);
    expect(casesOf('connect', 'WSAEISCONN')).to.include('pages.blocking-connect');
    expect(casesOf('connect', 'WSAECONNREFUSED')).to.include('pages.refused-by-both');
    expect(casesOf('WSAConnect', 'WSAECONNREFUSED')).to.include('pages.refused-by-both');
    expect(casesOf('WSAConnect', 'WSAEISCONN'), "a connect step documents connect's table, not WSAConnect's").to.not.include('pages.blocking-connect');

    const text = await runCli(['coverage', '--spec', specDir, '--cases', casesDir]);
    expect(text.stdout).to.match(/^Coverage of WSAConnect \(/m);
    expect(text.stdout).to.match(/^Coverage of connect \(.*spec\/connect\/page\.txt; clauses: .*spec\/connect\/clauses\.yaml\)$/m);
    expect(text.stdout).to.match(new RegExp(`^Total, ${pageCount} pages: error codes \\(\\d+\\): `, 'm'));
  });
});

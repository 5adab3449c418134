/**
 * The pages: the project's WSAConnect catalogue (spec/WSAConnect/clauses.yaml)
 * against its page, and the loader's problems for pages that do not hold.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { disagreementKind } from '../../harness/language/clauses/clause.js';
import { loadPages } from '../../harness/language/clauses/load.js';
import { formatProblem } from '../../harness/language/yaml/problem.js';
import { PROJECT_ROOT, projectPageNames, specPages, wsaConnectPage } from '../cases/helpers.js';

describe("the project's WSAConnect page (spec/WSAConnect/)", () => {
  // Read without the harness's loader, so that a bug in the loader cannot hide a bad catalogue.
  const raw = parse(readFileSync(path.join(PROJECT_ROOT, 'spec/WSAConnect/clauses.yaml'), 'utf8')) as { clauses: { id: string; text: string }[] };
  const page = readFileSync(path.join(PROJECT_ROOT, 'spec/WSAConnect/page.txt'), 'utf8');

  it('has every text verbatim on the page', () => {
    expect(raw.clauses.filter((clause) => !page.includes(clause.text)).map((clause) => clause.id)).to.deep.equal([]);
  });

  it('has unique ids', () => {
    const ids = raw.clauses.map((clause) => clause.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).to.deep.equal([]);
  });

  it('loads without problems, one clause per entry, with a row for each of the 21 error codes', () => {
    const catalogue = wsaConnectPage();
    expect(catalogue.clauses.map((clause) => clause.id)).to.deep.equal(raw.clauses.map((clause) => clause.id));
    const rows = catalogue.clauses.filter((clause) => /^errors\.[A-Z]+$/.test(clause.id));
    expect(rows).to.have.length(21);
    for (const row of rows) expect(row.error, row.id).to.equal(row.id.slice('errors.'.length));
  });
});

describe("the project's pages (spec/)", () => {
  it('are the folders of spec/, each named after its folder, with its files', () => {
    const pages = specPages();
    expect(pages.folder).to.equal('spec');
    const files = (name: string) => ({
      text: `spec/${name}/page.txt`,
      catalogue: `spec/${name}/clauses.yaml`,
      ...(existsSync(path.join(PROJECT_ROOT, 'spec', name, 'coverage.yaml')) ? { coverage: `spec/${name}/coverage.yaml` } : {}),
      note: `spec/${name}/README.md`,
    });
    expect(pages.pages.map((page) => page.name)).to.include('WSAConnect');
    expect(pages.pages.map((page) => [page.name, page.files])).to.deep.equal(projectPageNames().map((name) => [name, files(name)]));
  });
});

describe('loadPages: problems, each with file:line:column', () => {
  let root: string;
  const PAGE = 'Title\n\nThe first rule. The second\u00A0rule. A repeated line.\nA repeated line.\n';

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'clauses-'));
    mkdirSync(path.join(root, 'spec/Page'), { recursive: true });
    writeFileSync(path.join(root, 'spec/Page/page.txt'), PAGE);
    writeFileSync(path.join(root, 'spec/Page/README.md'), 'Where the page comes from.\n');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function problemsOf(clauses: string): string[] {
    writeFileSync(path.join(root, 'spec/Page/clauses.yaml'), `format: 2\nclauses:\n${clauses}`);
    return loadPages('spec', root).problems.map(formatProblem);
  }

  const at = (line: number, column: number) => ({ file: 'spec/Page/clauses.yaml', line, column });
  const entry = (id: string, text: string, extra = '') =>
    `  - id: ${id}\n    section: Remarks\n    kind: rule\n    text: ${JSON.stringify(text)}\n${extra}`;

  it('loads a good catalogue, in order, with where each clause is written', () => {
    writeFileSync(path.join(root, 'spec/Page/clauses.yaml'), `format: 2\nclauses:\n${entry('remarks.first', 'The first rule.')}${entry('remarks.repeated', 'A repeated line.', '    occurrence: 2\n    error: WSAEINVAL\n')}`);
    const loaded = loadPages('spec', root);
    expect(loaded.problems).to.deep.equal([]);
    const page = loaded.pages?.byName.get('Page');
    expect(page?.clauses).to.deep.equal([
      { id: 'remarks.first', section: 'Remarks', kind: 'rule', text: 'The first rule.', location: { file: 'spec/Page/clauses.yaml', line: 3, column: 5 } },
      {
        id: 'remarks.repeated',
        section: 'Remarks',
        kind: 'rule',
        text: 'A repeated line.',
        occurrence: 2,
        error: 'WSAEINVAL',
        location: { file: 'spec/Page/clauses.yaml', line: 7, column: 5 },
      },
    ]);
    expect(page?.byId.get('remarks.first')?.text).to.equal('The first rule.');
  });

  it('loads where the page disagrees with itself, and reports a side that is no clause of the catalogue or is given twice', () => {
    const clauses = `${entry('remarks.first', 'The first rule.')}${entry('remarks.repeated', 'A repeated line.', '    occurrence: 2\n')}`;
    const side = (clause: string) => `      - clause: ${clause}\n        says: what it says.\n`;
    const disagreement = (id: string, ...sides: string[]) => `  - id: ${id}\n    condition: one condition.\n    sides:\n${sides.map(side).join('')}`;
    writeFileSync(path.join(root, 'spec/Page/clauses.yaml'), `format: 2\nclauses:\n${clauses}disagreements:\n${disagreement('first-or-second', 'remarks.first', 'remarks.repeated')}`);
    const loaded = loadPages('spec', root);
    expect(loaded.pages?.byName.get('Page')?.disagreements).to.deep.equal([
      {
        id: 'first-or-second',
        condition: 'one condition.',
        sides: [
          { page: 'Page', clause: 'remarks.first', says: 'what it says.', location: { clause: at(16, 17), page: at(16, 17) } },
          { page: 'Page', clause: 'remarks.repeated', says: 'what it says.', location: { clause: at(18, 17), page: at(18, 17) } },
        ],
        location: at(13, 5),
      },
    ]);
    writeFileSync(
      path.join(root, 'spec/Page/clauses.yaml'),
      `format: 2\nclauses:\n${clauses}disagreements:\n${disagreement('twice', 'remarks.first', 'remarks.frist')}${disagreement('twice', 'remarks.first', 'remarks.first')}`,
    );
    expect(loadPages('spec', root).problems.map(formatProblem)).to.deep.equal([
      'spec/Page/clauses.yaml:18:17: clause "remarks.frist" is not in this catalogue; did you mean "remarks.first"?',
      'spec/Page/clauses.yaml:20:9: duplicate disagreement id "twice"; first at line 13',
      'spec/Page/clauses.yaml:25:17: clause "remarks.first" is already a side of this disagreement; each side is another clause',
    ]);
  });

  describe('disagreements between pages', () => {
    const side = (clause: string, page?: string) => `${page === undefined ? '' : `      - page: ${page}\n`}      ${page === undefined ? '- ' : '  '}clause: ${clause}\n        says: what it says.\n`;
    const disagreement = (id: string, ...sides: string[]) => `  - id: ${id}\n    condition: one condition.\n    sides:\n${sides.join('')}`;
    const catalogue = (page: string, ...disagreements: string[]) =>
      writeFileSync(path.join(root, `spec/${page}/clauses.yaml`), `format: 2\nclauses:\n${entry('remarks.first', 'The first rule.')}${disagreements.length > 0 ? `disagreements:\n${disagreements.join('')}` : ''}`);

    beforeEach(() => {
      mkdirSync(path.join(root, 'spec/Other'));
      writeFileSync(path.join(root, 'spec/Other/page.txt'), PAGE);
      writeFileSync(path.join(root, 'spec/Other/README.md'), 'Where the page comes from.\n');
      catalogue('Other');
    });

    it("loads a side of another page with that page, and the kind its sides make: between pages, or the page's own", () => {
      catalogue('Page', disagreement('here-or-there', side('remarks.first'), `${side('remarks.first', 'Other')}        cases: [a.case]\n`));
      const loaded = loadPages('spec', root);
      expect(loaded.problems).to.deep.equal([]);
      const [recorded] = loaded.pages?.byName.get('Page')?.disagreements ?? [];
      expect(recorded?.sides.map((entry) => entry.cases)).to.deep.equal([undefined, [{ id: 'a.case', location: at(16, 17) }]]);
      expect(recorded?.sides.map((entry) => [entry.page, entry.clause, entry.location.page])).to.deep.equal([
        ['Page', 'remarks.first', at(11, 17)],
        ['Other', 'remarks.first', at(13, 15)],
      ]);
      expect(recorded === undefined ? undefined : disagreementKind(recorded)).to.equal('the pages disagree with each other');
      expect(disagreementKind({ sides: [{ page: 'Page' }, { page: 'Page' }] })).to.equal('the page disagrees with itself');
    });

    it('reports a side naming an unknown page, or a clause its page lacks, at the page or the clause, with a did-you-mean', () => {
      catalogue('Page', disagreement('to-a-typo', side('remarks.first'), side('remarks.first', 'Othre')), disagreement('to-no-clause', side('remarks.first'), side('remarks.frist', 'Other')));
      expect(loadPages('spec', root).problems.map(formatProblem)).to.deep.equal([
        'spec/Page/clauses.yaml:13:15: page "Othre" is not a folder of spec/; did you mean "Other"?',
        'spec/Page/clauses.yaml:22:17: clause "remarks.frist" is not in the catalogue of Other; did you mean "remarks.first"?',
      ]);
    });

    it('refuses a disagreement recorded twice, in two catalogues, and one with no side of its own page or naming its own page', () => {
      catalogue('Page', disagreement('here-or-there', side('remarks.first'), side('remarks.first', 'Other')));
      catalogue('Other', disagreement('there-or-here', side('remarks.first'), side('remarks.first', 'Page')));
      expect(loadPages('spec', root).problems.map(formatProblem)).to.deep.equal([
        "spec/Page/clauses.yaml:8:5: the same sides are recorded as Other's disagreement there-or-here (spec/Other/clauses.yaml:8); record a disagreement once, in one of its pages' catalogues",
      ]);
      catalogue('Other');
      catalogue('Page', disagreement('elsewhere', side('remarks.first', 'Other'), side('remarks.first', 'Page')));
      expect(loadPages('spec', root).problems.map(formatProblem)).to.deep.equal([
        "spec/Page/clauses.yaml:11:7: every side names another page: a disagreement is recorded in the catalogue of one of its pages, with that page's sides written without `page:`",
        'spec/Page/clauses.yaml:14:15: "Page" is this catalogue\'s own page: leave `page:` out for its clauses',
      ]);
    });
  });

  it('reports a schema problem at its place, as for case files', () => {
    expect(problemsOf(`${entry('remarks.first', 'The first rule.')}    kinds: rule\n`)).to.deep.equal([
      'spec/Page/clauses.yaml:7:5: unknown key "kinds" in clause; allowed: id, section, kind, text, occurrence, error; did you mean "kind"?',
    ]);
  });

  it('refuses a catalogue of format 1, which named its page with `page:`', () => {
    writeFileSync(path.join(root, 'spec/Page/clauses.yaml'), `format: 1\npage: spec/Page/page.txt\nclauses:\n${entry('remarks.first', 'The first rule.')}`);
    const problems = loadPages('spec', root).problems.map(formatProblem);
    expect(problems.some((problem) => /^spec\/Page\/clauses\.yaml:1:9: /.test(problem))).to.equal(true);
    expect(problems.some((problem) => problem.startsWith('spec/Page/clauses.yaml:2:1: unknown key "page"'))).to.equal(true);
  });

  it('reports a text that is not on the page, and says when only the spacing differs', () => {
    expect(problemsOf(`${entry('remarks.first', 'The frist rule.')}${entry('remarks.second', 'The second rule.')}`)).to.deep.equal([
      'spec/Page/clauses.yaml:6:11: the text is not on the page spec/Page/page.txt: copy it verbatim from the page, typos included',
      'spec/Page/clauses.yaml:10:11: the text is not on the page spec/Page/page.txt: it differs from the page only in spacing (the page has no-break spaces, written \\u00A0, in places)',
    ]);
  });

  it('reports an id used twice at the second, naming the line of the first', () => {
    expect(problemsOf(`${entry('remarks.first', 'The first rule.')}${entry('remarks.first', 'The second\u00A0rule.')}`)).to.deep.equal([
      'spec/Page/clauses.yaml:7:9: duplicate clause id "remarks.first"; first defined at line 3; ids must be unique',
    ]);
  });

  it('reports the same place of the page catalogued twice', () => {
    expect(problemsOf(`${entry('remarks.first', 'The first rule.')}${entry('remarks.again', 'The first rule.')}`)).to.deep.equal([
      'spec/Page/clauses.yaml:10:11: same text as clause "remarks.first" (line 3); each place on the page is one clause',
    ]);
  });

  it('asks which occurrence a repeated text is, and refuses occurrences the page does not have', () => {
    expect(
      problemsOf(
        `${entry('remarks.repeated', 'A repeated line.')}${entry('remarks.third', 'A repeated line.', '    occurrence: 3\n')}${entry('remarks.first', 'The first rule.', '    occurrence: 1\n')}`,
      ),
    ).to.deep.equal([
      'spec/Page/clauses.yaml:6:11: the page has this text 2 times; say which one with occurrence: 1 to 2',
      'spec/Page/clauses.yaml:11:17: the page has this text only 2 times',
      'spec/Page/clauses.yaml:16:17: the page has this text once; leave occurrence out',
    ]);
  });

  it('reports an error that is not a Winsock error name, with a did-you-mean', () => {
    expect(problemsOf(entry('remarks.first', 'The first rule.', '    error: WSAEINVALL\n'))).to.deep.equal([
      'spec/Page/clauses.yaml:7:12: "WSAEINVALL" is not a Winsock error name; did you mean "WSAEINVAL"?',
    ]);
  });

  it("names what a page's folder lacks, and what each file is for", () => {
    rmSync(path.join(root, 'spec/Page/README.md'));
    expect(problemsOf(entry('remarks.first', 'The first rule.'))).to.deep.equal([
      "spec/Page:1:1: the page Page lacks README.md: a page's folder holds page.txt (the page as text), clauses.yaml (its clauses) and README.md (its source and licence); see spec/README.md",
    ]);
  });

  it('refuses a folder whose name cannot name a page, and a spec folder with no page', () => {
    mkdirSync(path.join(root, 'spec/not a page'));
    problemsOf(entry('remarks.first', 'The first rule.'));
    expect(loadPages('spec', root).problems.map(formatProblem)).to.deep.equal([
      'spec/not a page:1:1: "not a page" cannot name a page: a page\'s folder is named after the call it documents, letters, digits and `_` (WSAConnect, ConnectEx)',
    ]);
    mkdirSync(path.join(root, 'empty'));
    expect(loadPages('empty', root).problems.map(formatProblem)).to.deep.equal([
      'empty:1:1: no page: each documentation page is a folder of empty/ holding page.txt, clauses.yaml and README.md',
    ]);
  });

  it('takes a link to a folder for a page, as a case set may link case files in', () => {
    problemsOf(entry('remarks.first', 'The first rule.'));
    symlinkSync(path.join(root, 'spec/Page'), path.join(root, 'spec/Linked'));
    expect(loadPages('spec', root).pages?.pages.map((page) => page.name)).to.deep.equal(['Linked', 'Page']);
  });

  it('takes the files beside the page folders (schemas, README) for no page', () => {
    writeFileSync(path.join(root, 'spec/README.md'), 'The pages.\n');
    writeFileSync(path.join(root, 'spec/clauses.schema.json'), '{}\n');
    expect(problemsOf(entry('remarks.first', 'The first rule.'))).to.deep.equal([]);
  });
});

/**
 * The clause catalogue: the project's own (spec/clauses.yaml) against its page,
 * and the loader's problems for catalogues that do not hold.
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { CLAUSE_CATALOGUE_FILE } from '../../harness/language/clauses/clause.js';
import { loadClauseCatalogue } from '../../harness/language/clauses/load.js';
import { formatProblem } from '../../harness/language/yaml/problem.js';
import { PROJECT_ROOT, projectCatalogue } from '../cases/helpers.js';

describe('the project clause catalogue (spec/clauses.yaml)', () => {
  // Read without the harness's loader, so that a bug in the loader cannot hide a bad catalogue.
  const raw = parse(readFileSync(path.join(PROJECT_ROOT, CLAUSE_CATALOGUE_FILE), 'utf8')) as { page: string; clauses: { id: string; text: string }[] };
  const page = readFileSync(path.join(PROJECT_ROOT, raw.page), 'utf8');

  it('has every text verbatim on the page', () => {
    expect(raw.clauses.filter((clause) => !page.includes(clause.text)).map((clause) => clause.id)).to.deep.equal([]);
  });

  it('has unique ids', () => {
    const ids = raw.clauses.map((clause) => clause.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).to.deep.equal([]);
  });

  it('loads without problems, one clause per entry, with a row for each of the 21 error codes', () => {
    const catalogue = projectCatalogue();
    expect(catalogue.clauses.map((clause) => clause.id)).to.deep.equal(raw.clauses.map((clause) => clause.id));
    const rows = catalogue.clauses.filter((clause) => /^errors\.[A-Z]+$/.test(clause.id));
    expect(rows).to.have.length(21);
    for (const row of rows) expect(row.error, row.id).to.equal(row.id.slice('errors.'.length));
  });
});

describe('loadClauseCatalogue: problems, each with file:line:column', () => {
  let root: string;
  const PAGE = 'Title\n\nThe first rule. The second\u00A0rule. A repeated line.\nA repeated line.\n';

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'clauses-'));
    mkdirSync(path.join(root, 'spec'));
    writeFileSync(path.join(root, 'spec/page.txt'), PAGE);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function problemsOf(clauses: string, page = 'spec/page.txt'): string[] {
    writeFileSync(path.join(root, 'spec/clauses.yaml'), `format: 1\npage: ${page}\nclauses:\n${clauses}`);
    return loadClauseCatalogue('spec/clauses.yaml', root).problems.map(formatProblem);
  }

  const entry = (id: string, text: string, extra = '') =>
    `  - id: ${id}\n    section: Remarks\n    kind: rule\n    text: ${JSON.stringify(text)}\n${extra}`;

  it('loads a good catalogue, in order, with where each clause is written', () => {
    writeFileSync(path.join(root, 'spec/clauses.yaml'), `format: 1\npage: spec/page.txt\nclauses:\n${entry('remarks.first', 'The first rule.')}${entry('remarks.repeated', 'A repeated line.', '    occurrence: 2\n    error: WSAEINVAL\n')}`);
    const loaded = loadClauseCatalogue('spec/clauses.yaml', root);
    expect(loaded.problems).to.deep.equal([]);
    expect(loaded.catalogue?.clauses).to.deep.equal([
      { id: 'remarks.first', section: 'Remarks', kind: 'rule', text: 'The first rule.', location: { file: 'spec/clauses.yaml', line: 4, column: 5 } },
      {
        id: 'remarks.repeated',
        section: 'Remarks',
        kind: 'rule',
        text: 'A repeated line.',
        occurrence: 2,
        error: 'WSAEINVAL',
        location: { file: 'spec/clauses.yaml', line: 8, column: 5 },
      },
    ]);
    expect(loaded.catalogue?.byId.get('remarks.first')?.text).to.equal('The first rule.');
  });

  it('reports a schema problem at its place, as for case files', () => {
    expect(problemsOf(`${entry('remarks.first', 'The first rule.')}    kinds: rule\n`)).to.deep.equal([
      'spec/clauses.yaml:8:5: unknown key "kinds" in clause; allowed: id, section, kind, text, occurrence, error; did you mean "kind"?',
    ]);
  });

  it('reports a text that is not on the page, and says when only the spacing differs', () => {
    expect(problemsOf(`${entry('remarks.first', 'The frist rule.')}${entry('remarks.second', 'The second rule.')}`)).to.deep.equal([
      'spec/clauses.yaml:7:11: the text is not on the page spec/page.txt: copy it verbatim from the page, typos included',
      'spec/clauses.yaml:11:11: the text is not on the page spec/page.txt: it differs from the page only in spacing (the page has no-break spaces, written \\u00A0, in places)',
    ]);
  });

  it('reports an id used twice at the second, naming the line of the first', () => {
    expect(problemsOf(`${entry('remarks.first', 'The first rule.')}${entry('remarks.first', 'The second\u00A0rule.')}`)).to.deep.equal([
      'spec/clauses.yaml:8:9: duplicate clause id "remarks.first"; first defined at line 4; ids must be unique',
    ]);
  });

  it('reports the same place of the page catalogued twice', () => {
    expect(problemsOf(`${entry('remarks.first', 'The first rule.')}${entry('remarks.again', 'The first rule.')}`)).to.deep.equal([
      'spec/clauses.yaml:11:11: same text as clause "remarks.first" (line 4); each place on the page is one clause',
    ]);
  });

  it('asks which occurrence a repeated text is, and refuses occurrences the page does not have', () => {
    expect(
      problemsOf(
        `${entry('remarks.repeated', 'A repeated line.')}${entry('remarks.third', 'A repeated line.', '    occurrence: 3\n')}${entry('remarks.first', 'The first rule.', '    occurrence: 1\n')}`,
      ),
    ).to.deep.equal([
      'spec/clauses.yaml:7:11: the page has this text 2 times; say which one with occurrence: 1 to 2',
      'spec/clauses.yaml:12:17: the page has this text only 2 times',
      'spec/clauses.yaml:17:17: the page has this text once; leave occurrence out',
    ]);
  });

  it('reports an error that is not a Winsock error name, with a did-you-mean', () => {
    expect(problemsOf(entry('remarks.first', 'The first rule.', '    error: WSAEINVALL\n'))).to.deep.equal([
      'spec/clauses.yaml:8:12: "WSAEINVALL" is not a Winsock error name; did you mean "WSAEINVAL"?',
    ]);
  });

  it('reports a page that cannot be read at the page key', () => {
    const [problem] = problemsOf(entry('remarks.first', 'The first rule.'), 'spec/missing.txt');
    expect(problem).to.match(/^spec\/clauses\.yaml:2:7: page spec\/missing\.txt: cannot read the file: ENOENT/);
  });
});

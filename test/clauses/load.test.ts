import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadClauses } from '../../harness/clauses/load.js';
import { formatProblem } from '../../harness/cases/load.js';
import { CLAUSES_FILE } from '../../harness/paths.js';
import { PROJECT_ROOT } from '../cases/helpers.js';

describe('loadClauses', () => {
  it("loads the page's catalogue in the page's order, with each clause's section, kind and error", () => {
    const loaded = loadClauses(CLAUSES_FILE, PROJECT_ROOT);
    if ('problems' in loaded) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const { page, clauses } = loaded.catalogue;
    expect(page).to.equal('spec/WSAConnect.txt');
    expect(clauses[0]).to.deep.include({ id: 'summary.purpose', section: 'Summary', kind: 'informative' });
    expect(clauses.find((clause) => clause.id === 'errors.WSAEACCES')).to.deep.include({ section: 'Error codes', kind: 'rule', error: 'WSAEACCES' });
    expect(new Set(clauses.map((clause) => clause.id)).size).to.equal(clauses.length);
  });

  it('reports a catalogue that breaks its schema at file:line:column', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wsc-clauses-'));
    try {
      copyFileSync(path.join(PROJECT_ROOT, 'spec/clauses.schema.json'), path.join(dir, 'clauses.schema.json'));
      writeFileSync(path.join(dir, 'clauses.yaml'), 'format: 1\npage: spec/WSAConnect.txt\nclauses:\n  - id: remarks.x\n    section: Remarks\n    kind: rules\n    text: "A sentence."\n');
      const loaded = loadClauses(path.join(dir, 'clauses.yaml'), dir);
      expect('problems' in loaded && loaded.problems.map(formatProblem)).to.deep.equal(['clauses.yaml:6:11: "kind" must be rule or informative, not "rules"; did you mean "rule"?']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

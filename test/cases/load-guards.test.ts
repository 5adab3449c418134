/**
 * Guards against input that must not be parsed at all: oversized files and
 * bytes that are not UTF-8. The samples are written to a temporary project
 * root, so that no megabyte-sized or deliberately broken file lives in the tree.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatProblem, loadCases } from '../../harness/language/cases/load.js';
import { MAX_SOURCE_BYTES } from '../../harness/language/yaml/source-text.js';
import { MAX_NESTING } from '../../harness/language/yaml/nesting.js';

describe('loadCases: input guards', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'case-guards-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  function problemsOf(name: string, content: string | Uint8Array): string[] {
    writeFileSync(path.join(root, name), content);
    return loadCases([name], root, undefined).problems.map(formatProblem);
  }

  it('refuses a file over 1 MiB without parsing it', () => {
    const size = MAX_SOURCE_BYTES + 1;
    expect(problemsOf('huge.yaml', `#${'x'.repeat(size - 2)}\n`)).to.deep.equal([
      `huge.yaml:1:1: file is ${size} bytes, over the limit of ${MAX_SOURCE_BYTES} bytes (1 MiB); split it into smaller files`,
    ]);
  });

  it('accepts a file of exactly 1 MiB as far as size goes', () => {
    const problems = problemsOf('big.yaml', `#${'x'.repeat(MAX_SOURCE_BYTES - 2)}\n`);
    expect(problems).to.deep.equal(['big.yaml:1:1: file is empty; it should hold a `cases:` list']);
  });

  it('reports the first byte that is not UTF-8, at its line and column', () => {
    const latin1 = Buffer.concat([Buffer.from('cases:\n  - id: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect(problemsOf('latin1.yaml', latin1)).to.deep.equal([
      'latin1.yaml:2:12: file is not valid UTF-8 (save it as UTF-8; the first bad byte is here)',
    ]);
  });

  it('does not mistake a genuine U+FFFD before the bad byte for it', () => {
    const content = Buffer.concat([Buffer.from('# \uFFFD\ncases: '), Buffer.from([0xff]), Buffer.from('\n')]);
    expect(problemsOf('mixed.yaml', content)).to.deep.equal([
      'mixed.yaml:2:8: file is not valid UTF-8 (save it as UTF-8; the first bad byte is here)',
    ]);
  });

  it('treats a file of only comments as empty', () => {
    expect(problemsOf('comments.yaml', '# yaml-language-server: $schema=./case.schema.json\n')).to.deep.equal([
      'comments.yaml:1:1: file is empty; it should hold a `cases:` list',
    ]);
  });

  it('reports a key written twice in one mapping', () => {
    expect(problemsOf('twice.yaml', 'cases:\n  - id: a.b\n    title: t\n    id: a.c\n')).to.deep.equal([
      'twice.yaml:4:5: duplicate key "id": a key may appear only once in a mapping',
    ]);
  });

  it('refuses 10,000 levels of flow nesting where they pass the limit, before the parser can overflow its stack', () => {
    const deep = `cases:\n  - description: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    expect(problemsOf('flow.yaml', deep)).to.deep.equal([
      `flow.yaml:2:${18 + MAX_NESTING}: nested more than ${MAX_NESTING} levels deep; a case or expectations file needs a few, so write it flatter`,
    ]);
  });

  it('refuses 10,000 levels of compact block nesting, and 500 of indented (the size limit stops more)', () => {
    expect(problemsOf('compact.yaml', `cases:\n${'- '.repeat(10_000)}x\n`)).to.have.length(1).and.satisfy((problems: string[]) => problems[0]?.includes(`nested more than ${MAX_NESTING}`));
    const indented = Array.from({ length: 500 }, (_, level) => `${'  '.repeat(level)}k:`).join('\n');
    expect(problemsOf('indented.yaml', `${indented}\n`)[0]).to.match(new RegExp(`^indented\\.yaml:${MAX_NESTING + 2}:\\d+: nested more than ${MAX_NESTING} levels`));
  });

  it('does not count brackets inside quotes or comments as nesting', () => {
    const quoted = `cases:\n  - description: "${'['.repeat(200)}" # ${'{'.repeat(200)}\n`;
    expect(problemsOf('quoted.yaml', quoted).join('\n')).to.not.contain('nested more than');
  });

  it('reports a file that cannot be read', () => {
    expect(loadCases(['missing.yaml'], root, undefined).problems.map((p) => `${p.file}:${p.line}:${p.column}`)).to.deep.equal([
      'missing.yaml:1:1',
    ]);
  });
});

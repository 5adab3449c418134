/**
 * `winsock-conformance atlas [RESULTS...] --out DIR`: each page walked clause
 * by clause, with what it documents, what Windows does and what each run
 * observed (harness/uses/atlas/build.ts), as atlas.html and atlas.md.
 */
import { resolve } from 'node:path';
import { buildAtlas } from '../../harness/uses/atlas/build.js';
import { writeAtlasMarkdown } from '../../reporters/atlas-markdown.js';
import { writeAtlasPage } from '../../reporters/atlas-page.js';
import { EXIT } from '../exit-status.js';
import { readRecordedRun } from '../results-files.js';
import { loadSpecPages, loadSuiteKnowledge } from '../suite-knowledge.js';
import type { Terminal } from '../terminal.js';
import { plural } from '../../reporters/plural.js';

export function atlasCommand(resultsFiles: readonly string[], options: { readonly out?: string }, terminal: Terminal): number {
  const runs = resultsFiles.map(readRecordedRun);
  const knowledge = loadSuiteKnowledge();
  const atlas = buildAtlas(loadSpecPages(), knowledge.cases, runs, knowledge.references, knowledge.errata);
  const outDir = resolve(options.out ?? 'atlas');
  const written = [writeAtlasPage(outDir, atlas), writeAtlasMarkdown(outDir, atlas)];
  const clauses = atlas.pages.reduce((sum, page) => sum + page.clauses.length, 0);
  terminal.log(`${plural(atlas.pages.length, 'page', 'pages')}, ${clauses} clauses (${atlas.coverage.rulesCited} of ${atlas.coverage.rules} rules checked), ${atlas.cases.length} cases, ${runs.length} runs, ${plural(atlas.errata.length, 'documentation erratum', 'documentation errata')}`);
  terminal.log(`atlas: ${written.join(', ')}`);
  return EXIT.green;
}

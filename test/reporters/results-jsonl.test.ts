import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Reporter } from '../../harness/run/runner/reporter.js';
import { JsonLinesReporter, RESULTS_FILE_NAME, readResults } from '../../reporters/results-jsonl.js';
import { summarize } from '../../harness/judging/results/summary.js';
import { resultsSchemaDocument } from '../../harness/judging/results/results-schema.js';
import { compileSchema } from '../../harness/language/yaml/schema.js';
import { ALL_RESULTS, FAIL_CASE, PASS_CASE, RUN } from './sample-results.js';
import { makeTempDir, removeDir, runReporter } from './run-reporter.js';

describe('JsonLinesReporter and readResults', () => {
  let dir: string;
  let outDir: string;
  let file: string;
  beforeEach(() => {
    dir = makeTempDir();
    outDir = path.join(dir, 'nested', 'reports');
    file = path.join(outDir, RESULTS_FILE_NAME);
  });
  afterEach(() => removeDir(dir));

  it('writes one typed line for the run, each case and the summary', async () => {
    await runReporter(new JsonLinesReporter(outDir), RUN, ALL_RESULTS);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).to.have.length(ALL_RESULTS.length + 2);
    expect(lines[0]).to.match(/^\{"type":"run","format":1,"provider":"wine"/);
    expect(lines.slice(1, -1).every((line) => line.startsWith('{"type":"case",'))).to.equal(true);
    expect(lines.at(-1)).to.match(/^\{"type":"summary","counts":/);
  });

  it('round-trips every result, the run info and the summary', async () => {
    await runReporter(new JsonLinesReporter(outDir), RUN, ALL_RESULTS);
    const read = readResults(file);
    expect(read.run).to.deep.equal(RUN);
    expect(read.cases).to.deep.equal(ALL_RESULTS);
    expect(read.summary).to.deep.equal(summarize(ALL_RESULTS, 6543));
    expect(read.truncated).to.equal(false);
  });

  it('has every finished case on disk before the run ends', async () => {
    const reporter: Reporter = new JsonLinesReporter(outDir);
    await reporter.start(RUN, 2);
    await reporter.caseFinished(PASS_CASE);
    await reporter.caseFinished(FAIL_CASE);
    // No end(): as if the run were killed here.
    const read = readResults(file);
    expect(read.cases.map((result) => result.id)).to.deep.equal([PASS_CASE.id, FAIL_CASE.id]);
    expect(read.summary).to.equal(undefined);
  });

  it('drops a partly written last line', async () => {
    await runReporter(new JsonLinesReporter(outDir), RUN, ALL_RESULTS);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const lastCase = lines[ALL_RESULTS.length] ?? '';
    const cut = [...lines.slice(0, ALL_RESULTS.length), lastCase.slice(0, Math.floor(lastCase.length / 2))].join('\n');
    fs.writeFileSync(file, cut);
    const read = readResults(file);
    expect(read.cases).to.deep.equal(ALL_RESULTS.slice(0, -1));
    expect(read.summary).to.equal(undefined);
    expect(read.truncated).to.equal(true);
  });

  it('rejects a malformed line that is not the last', async () => {
    await runReporter(new JsonLinesReporter(outDir), RUN, ALL_RESULTS);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[2] = '{"type":"case",';
    fs.writeFileSync(file, lines.join('\n'));
    expect(() => readResults(file)).to.throw(/:3: not a JSON line/);
  });

  it('rejects a file that does not start with the run record', () => {
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ type: 'case', ...PASS_CASE })}\n`);
    expect(() => readResults(file)).to.throw(/first record must be of type "run"/);
  });

  it('refuses a file of another format version, or of none, saying which it reads', async () => {
    await runReporter(new JsonLinesReporter(outDir), RUN, ALL_RESULTS);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const withFormat = (format: unknown) => [JSON.stringify({ ...JSON.parse(lines[0] ?? '{}'), format }), ...lines.slice(1)].join('\n');
    fs.writeFileSync(file, withFormat(2));
    expect(() => readResults(file)).to.throw(/:1: results format 2, but this harness reads format 1/);
    fs.writeFileSync(file, withFormat(undefined));
    expect(() => readResults(file)).to.throw(/:1: the "run" record has no format version/);
  });

  it('writes lines that the published schema (reporters/results.schema.json) accepts', async () => {
    await runReporter(new JsonLinesReporter(outDir), { ...RUN, filters: { grep: 'tcp', tags: [] } }, ALL_RESULTS);
    const schema = compileSchema(resultsSchemaDocument());
    for (const line of fs.readFileSync(file, 'utf8').trimEnd().split('\n')) {
      expect(schema.validate(JSON.parse(line)), `${line.slice(0, 60)}: ${JSON.stringify(schema.validate.errors)}`).to.equal(true);
    }
    const unknownField = { type: 'case', ...PASS_CASE, surprise: 1 };
    expect(schema.validate(unknownField), 'a field the format does not document').to.equal(false);
  });

  it('starts a fresh file on every run', async () => {
    await runReporter(new JsonLinesReporter(outDir), RUN, ALL_RESULTS);
    await runReporter(new JsonLinesReporter(outDir), RUN, [PASS_CASE]);
    expect(readResults(file).cases).to.deep.equal([PASS_CASE]);
  });
});

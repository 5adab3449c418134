/**
 * The schemas: built from the declarations, they compile in Ajv's strict
 * mode, describe every property for editors, accept the examples of
 * cases/README.md (the specification of the format), and the files written
 * out for editors are exactly what the declarations give.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { caseFileSchema } from '../../harness/language/cases/schema.js';
import { expectationsFileSchema } from '../../harness/judging/expectations/schema.js';
import { caseSchemaDocument } from '../../harness/language/cases/case-schema.js';
import { expectationsSchemaDocument } from '../../harness/judging/expectations/expectations-schema.js';
import { GENERATED_FILES } from '../../harness/build-steps/generated-files.js';
import { CALL_NAMES } from '../../harness/language/calls/index.js';
import { PROJECT_ROOT } from './helpers.js';

/** The paths of every property schema (under `properties`) in a schema document. */
function propertiesWithoutDescription(node: unknown, at: string): string[] {
  if (node === null || typeof node !== 'object') return [];
  const entries = Object.entries(node);
  const own = entries.flatMap(([key, value]) => {
    if (key !== 'properties' || value === null || typeof value !== 'object') return [];
    return Object.entries(value)
      .filter(([, property]) => property === null || typeof property !== 'object' || !('description' in property))
      .map(([name]) => `${at}/properties/${name}`);
  });
  return [...own, ...entries.flatMap(([key, value]) => propertiesWithoutDescription(value, `${at}/${key}`))];
}

/** The ```yaml blocks of a Markdown file. */
function yamlBlocks(markdownFile: string): string[] {
  const text = readFileSync(path.join(PROJECT_ROOT, markdownFile), 'utf8');
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

describe('schemas', () => {
  it('compile in strict mode', () => {
    expect(() => caseFileSchema()).not.to.throw();
    expect(() => expectationsFileSchema()).not.to.throw();
  });

  it('describe every property', () => {
    expect(propertiesWithoutDescription(caseSchemaDocument(), '#')).to.deep.equal([]);
    expect(propertiesWithoutDescription(expectationsSchemaDocument(), '#')).to.deep.equal([]);
  });

  it('have a step branch for every declared call, and no other', () => {
    const branches = (caseSchemaDocument()['definitions'] as { step: { oneOf: { properties: { call: { const: string } } }[] } }).step.oneOf;
    expect(branches.map((branch) => branch.properties.call.const)).to.deep.equal([...CALL_NAMES, '$call']);
  });

  for (const file of GENERATED_FILES) {
    it(`${file.path} is what the declarations give (run npm run generate after changing them)`, () => {
      expect(readFileSync(path.join(PROJECT_ROOT, file.path), 'utf8') === file.content(), `${file.path} is out of date: run npm run generate`).to.equal(true);
    });
  }

  it('accept the case example of cases/README.md', () => {
    const [example] = yamlBlocks('cases/README.md');
    const { validate } = caseFileSchema();
    expect(validate(parse(example ?? '')), JSON.stringify(validate.errors)).to.equal(true);
  });

  it('accept the expectations example of cases/README.md', () => {
    const example = yamlBlocks('cases/README.md').find((block) => block.includes('deviations:'));
    const { validate } = expectationsFileSchema();
    expect(validate(parse(example ?? '')), JSON.stringify(validate.errors)).to.equal(true);
  });
});

/**
 * The schemas themselves: they compile in Ajv's strict mode, every property
 * carries a description for editors, and the examples of cases/README.md
 * (the specification of the format) pass them.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { caseFileSchema } from '../../harness/cases/schema.js';
import { expectationsFileSchema } from '../../harness/expectations/schema.js';
import { compileSchema } from '../../harness/yaml/schema.js';
import { PROJECT_ROOT } from './helpers.js';

const SCHEMA_FILES = ['cases/case.schema.json', 'expectations/expectations.schema.json'];

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
  for (const file of SCHEMA_FILES) {
    it(`${file} compiles in strict mode`, () => {
      expect(() => compileSchema(JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')))).not.to.throw();
    });

    it(`${file} describes every property`, () => {
      const schema: unknown = JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8'));
      expect(propertiesWithoutDescription(schema, '#')).to.deep.equal([]);
    });
  }

  it('accepts the case example of cases/README.md', () => {
    const [example] = yamlBlocks('cases/README.md');
    const { validate } = caseFileSchema();
    expect(validate(parse(example ?? '')), JSON.stringify(validate.errors)).to.equal(true);
  });

  it('accepts the expectations example of cases/README.md', () => {
    const example = yamlBlocks('cases/README.md').find((block) => block.includes('deviations:'));
    const { validate } = expectationsFileSchema();
    expect(validate(parse(example ?? '')), JSON.stringify(validate.errors)).to.equal(true);
  });
});

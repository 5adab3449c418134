/** The schema of expectations files (expectations/expectations.schema.json). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemaObject } from 'ajv';
import type { Outcome } from '../cases/case.js';
import { PROJECT_ROOT } from '../paths.js';
import { compileSchema, type CompiledSchema } from '../yaml/schema.js';

/** An entry as written, which the schema guarantees. */
export interface RawDeviation {
  readonly case: string;
  readonly step: string;
  readonly observed: Outcome;
  readonly reason: string;
  readonly bug?: string;
}

export interface RawExpectationsFile {
  readonly deviations: readonly RawDeviation[];
}

export const EXPECTATIONS_SCHEMA_PATH = 'expectations/expectations.schema.json';

export function expectationsFileSchema(): CompiledSchema<RawExpectationsFile> {
  const document = JSON.parse(readFileSync(path.join(PROJECT_ROOT, EXPECTATIONS_SCHEMA_PATH), 'utf8')) as SchemaObject;
  return compileSchema<RawExpectationsFile>(document);
}

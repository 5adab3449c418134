/** The schema of case files (cases/case.schema.json). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemaObject } from 'ajv';
import { PROJECT_ROOT } from '../paths.js';
import { compileSchema, type CompiledSchema } from '../yaml/schema.js';
import type { RawCase, RawCaseFile } from './raw-case.js';

export const CASE_SCHEMA_PATH = 'cases/case.schema.json';

let document: SchemaObject | undefined;

function caseSchemaDocument(): SchemaObject {
  document ??= JSON.parse(readFileSync(path.join(PROJECT_ROOT, CASE_SCHEMA_PATH), 'utf8')) as SchemaObject;
  return document;
}

/** The schema of a whole case file. */
export function caseFileSchema(): CompiledSchema<RawCaseFile> {
  return compileSchema<RawCaseFile>(caseSchemaDocument());
}

/** The schema of one case, to take the valid cases of a file that has errors elsewhere. */
export function caseSchema(): CompiledSchema<RawCase> {
  return compileSchema<RawCase>(caseSchemaDocument(), '#/definitions/case');
}

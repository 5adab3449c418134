/** The compiled schema of case files. */
import { caseSchemaDocument } from '../schemas/case-schema.js';
import { compileSchema, type CompiledSchema } from '../yaml/schema.js';
import type { RawCase, RawCaseFile } from './raw-case.js';

/** The schema of a whole case file. */
export function caseFileSchema(): CompiledSchema<RawCaseFile> {
  return compileSchema<RawCaseFile>(caseSchemaDocument());
}

/** The schema of one case, to take the valid cases of a file that has errors elsewhere. */
export function caseSchema(): CompiledSchema<RawCase> {
  return compileSchema<RawCase>(caseSchemaDocument(), '#/definitions/case');
}

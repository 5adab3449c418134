/** The compiled schema of case files. */
import { caseSchemaDocument } from './case-schema.js';
import { validatorOf } from '../yaml/schema-validators.js';
import type { CompiledSchema } from '../yaml/schema.js';
import type { RawCaseFile } from './raw-case.js';

/** The schema of a whole case file. */
export function caseFileSchema(): CompiledSchema<RawCaseFile> {
  return validatorOf<RawCaseFile>(caseSchemaDocument());
}

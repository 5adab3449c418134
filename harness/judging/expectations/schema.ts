/** The compiled schema of expectations files. */
import type { Outcome } from '../../language/cases/case.js';
import { expectationsSchemaDocument } from './expectations-schema.js';
import { validatorOf } from '../../language/yaml/schema-validators.js';
import type { CompiledSchema } from '../../language/yaml/schema.js';

/** An entry as written, which the schema guarantees. */
export interface RawDeviation {
  readonly case: string;
  readonly step: string;
  readonly observed: Outcome;
  readonly reason: string;
  readonly versions?: readonly string[];
  readonly bug?: string;
}

export interface RawExpectationsFile {
  readonly deviations: readonly RawDeviation[];
}

export function expectationsFileSchema(): CompiledSchema<RawExpectationsFile> {
  return validatorOf<RawExpectationsFile>(expectationsSchemaDocument());
}

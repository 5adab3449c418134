/** The compiled schema of expectations files. */
import type { Deviation } from './deviation.js';
import { expectationsSchemaDocument } from './expectations-schema.js';
import { validatorOf } from '../../language/yaml/schema-validators.js';
import type { CompiledSchema } from '../../language/yaml/schema.js';

/** An entry as written, which the schema guarantees: a deviation without its place in the file. */
export type RawDeviation = Omit<Deviation, 'location'>;

export interface RawExpectationsFile {
  readonly deviations: readonly RawDeviation[];
}

export function expectationsFileSchema(): CompiledSchema<RawExpectationsFile> {
  return validatorOf<RawExpectationsFile>(expectationsSchemaDocument());
}

/** The schema of expectations files (expectations/expectations.schema.json). */
import type { Outcome } from '../cases/case.js';
import { loadSchema, type CompiledSchema } from '../cases/schema.js';

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

export function expectationsFileSchema(): CompiledSchema<RawExpectationsFile> {
  return loadSchema<RawExpectationsFile>('expectations/expectations.schema.json');
}

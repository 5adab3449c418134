/**
 * The files written from the declarations, for editors and readers. `npm run
 * generate` writes them; a test fails when a committed one is out of date.
 */
import { callsReference } from '../language/calls/calls-reference.js';
import { caseSchemaDocument } from '../language/cases/case-schema.js';
import { expectationsSchemaDocument } from '../judging/expectations/expectations-schema.js';
import { referencesSchemaDocument } from '../judging/windows-reference/references-schema.js';
import { resultsSchemaDocument } from '../judging/results/results-schema.js';

export interface GeneratedFile {
  /** Relative to the project root. */
  readonly path: string;
  content(): string;
}

export const GENERATED_FILES: readonly GeneratedFile[] = [
  { path: 'cases/case.schema.json', content: () => `${JSON.stringify(caseSchemaDocument(), null, 2)}\n` },
  { path: 'expectations/expectations.schema.json', content: () => `${JSON.stringify(expectationsSchemaDocument(), null, 2)}\n` },
  { path: 'cases/CALLS.md', content: callsReference },
  { path: 'references/references.schema.json', content: () => `${JSON.stringify(referencesSchemaDocument(), null, 2)}\n` },
  { path: 'reporters/results.schema.json', content: () => `${JSON.stringify(resultsSchemaDocument(), null, 2)}\n` },
];

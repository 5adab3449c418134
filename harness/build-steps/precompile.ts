/**
 * Part of `npm run build`: compiles the schemas' validators once, to code
 * (Ajv's standalone output), so that a run loads them instead of spending a
 * third of a second compiling the case schema at every start. Each file
 * records a hash of the schema document it was compiled from; a validator
 * that does not match the document in use is ignored (harness/language/yaml/schema-validators.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SchemaObject } from 'ajv';
import { caseSchemaDocument } from '../language/cases/case-schema.js';
import { precompiledFile, documentHash } from '../language/yaml/schema-validators.js';
import { expectationsSchemaDocument } from '../judging/expectations/expectations-schema.js';
import { newAjv } from '../language/yaml/schema.js';
import standalone from 'ajv/dist/standalone/index.js';

/** The documents a run validates many files with: cases and expectations. */
const SCHEMA_DOCUMENTS = (): readonly SchemaObject[] => [caseSchemaDocument(), expectationsSchemaDocument()];

for (const document of SCHEMA_DOCUMENTS()) {
  const ajv = newAjv({ source: true });
  const validate = ajv.compile(document);
  const file = precompiledFile(String(document.$id));
  mkdirSync(dirname(file), { recursive: true });
  const code = standalone.default(ajv, validate);
  writeFileSync(file, `${code}\nmodule.exports.documentHash = ${JSON.stringify(documentHash(document))};\n`);
}

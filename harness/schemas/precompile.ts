/**
 * Part of `npm run build`: compiles the schemas' validators once, to code
 * (Ajv's standalone output), so that a run loads them instead of spending a
 * third of a second compiling the case schema at every start. Each file
 * records a hash of the schema document it was compiled from; a validator
 * that does not match the document in use is ignored (validators.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SCHEMA_DOCUMENTS, precompiledFile, documentHash } from './validators.js';
import { newAjv } from '../yaml/schema.js';
import standalone from 'ajv/dist/standalone/index.js';

for (const document of SCHEMA_DOCUMENTS()) {
  const ajv = newAjv({ source: true });
  const validate = ajv.compile(document);
  const file = precompiledFile(String(document.$id));
  mkdirSync(dirname(file), { recursive: true });
  const code = standalone.default(ajv, validate);
  writeFileSync(file, `${code}\nmodule.exports.documentHash = ${JSON.stringify(documentHash(document))};\n`);
}

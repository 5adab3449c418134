/**
 * The validators of the schema documents: loaded from the code `npm run
 * build` compiled them to (harness/build-steps/precompile.ts) when it matches the document, else
 * compiled now. Both give the same validator; the first starts a run faster.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { SchemaObject, ValidateFunction } from 'ajv';
import { compileSchema, type CompiledSchema } from './schema.js';

export function precompiledFile(id: string): string {
  return fileURLToPath(new URL(`./precompiled/${id.replace(/\.json$/, '')}.cjs`, import.meta.url));
}

export function documentHash(document: SchemaObject): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('hex');
}

const require = createRequire(import.meta.url);
const loaded = new Map<string, CompiledSchema<unknown>>();

/** The validator of `document` (a whole document, with an `$id`). */
export function validatorOf<T>(document: SchemaObject): CompiledSchema<T> {
  const id = String(document.$id);
  let schema = loaded.get(id);
  if (schema === undefined) {
    schema = precompiled(document) ?? compileSchema(document);
    loaded.set(id, schema);
  }
  // One validator per document; `T` is the caller's promise about it, as with compileSchema.
  return schema as CompiledSchema<T>;
}

function precompiled(document: SchemaObject): CompiledSchema<unknown> | undefined {
  const file = precompiledFile(String(document.$id));
  if (!existsSync(file)) return undefined;
  const module = require(file) as { default: ValidateFunction; documentHash: string };
  return module.documentHash === documentHash(document) ? { root: document, validate: module.default } : undefined;
}

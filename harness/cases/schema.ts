/**
 * Loads the JSON Schemas shipped with the project and compiles each once.
 * The schema files are the single definition of the formats: editors use
 * them through the `# yaml-language-server: $schema=` line, the loaders here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type SchemaObject, type ValidateFunction } from 'ajv';
import { PROJECT_ROOT } from '../paths.js';
import type { RawCase, RawCaseFile } from './raw-case.js';

export interface CompiledSchema<T> {
  /** The whole schema document, to look definitions up when explaining errors. */
  readonly root: SchemaObject;
  readonly validate: ValidateFunction<T>;
}

const ajv = new Ajv({
  // Every error, so that one run reports all the mistakes of a file.
  allErrors: true,
  // `call` selects the step's branch, so only that call's errors are reported.
  discriminator: true,
  // Errors carry the failing schema and data, which the messages quote.
  verbose: true,
  // Unknown keywords or inconsistent types in a schema are mistakes of the schema.
  strict: true,
  allowUnionTypes: true,
});
// Editors (VS Code, yaml-language-server) show this instead of the regular expression; so do we.
ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });

/** Schema documents by project path, as read and registered with Ajv. */
const roots = new Map<string, SchemaObject>();
/** Validators by project path and pointer. */
const compiled = new Map<string, CompiledSchema<unknown>>();

/**
 * The schema at `projectPath` (relative to the project root), or the
 * definition `pointer` inside it (`#/definitions/case`), compiled once.
 * `T` is the type the schema guarantees; callers must keep the two in step.
 */
export function loadSchema<T>(projectPath: string, pointer = ''): CompiledSchema<T> {
  const key = `${projectPath}${pointer}`;
  let schema = compiled.get(key);
  if (schema === undefined) {
    const root = rootSchema(projectPath);
    const validate = ajv.getSchema(`${String(root.$id)}${pointer}`);
    if (validate === undefined) throw new Error(`${projectPath} has no schema at "${pointer}"`);
    schema = { root, validate };
    compiled.set(key, schema);
  }
  // The map holds validators of several types; `T` is the caller's promise about this one.
  return schema as CompiledSchema<T>;
}

export const CASE_SCHEMA_PATH = 'cases/case.schema.json';

/** The schema of a whole case file. */
export function caseFileSchema(): CompiledSchema<RawCaseFile> {
  return loadSchema<RawCaseFile>(CASE_SCHEMA_PATH);
}

/** The schema of one case, to take the valid cases of a file that has errors elsewhere. */
export function caseSchema(): CompiledSchema<RawCase> {
  return loadSchema<RawCase>(CASE_SCHEMA_PATH, '#/definitions/case');
}

/** Reads a schema file and registers it with Ajv under its `$id`, once. */
function rootSchema(projectPath: string): SchemaObject {
  let root = roots.get(projectPath);
  if (root === undefined) {
    root = JSON.parse(readFileSync(path.join(PROJECT_ROOT, projectPath), 'utf8')) as SchemaObject;
    if (typeof root.$id !== 'string') throw new Error(`${projectPath} has no $id`);
    ajv.addSchema(root);
    roots.set(projectPath, root);
  }
  return root;
}

/**
 * Compiles the JSON Schemas of the project's YAML formats, each once. The
 * schema documents are built in code (cases/case.schema.json and
 * expectations/expectations.schema.json are those documents, written out for
 * editors); this module only turns a document into a validator.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type SchemaObject, type ValidateFunction } from 'ajv';

export interface CompiledSchema<T> {
  /** The whole schema document, to look definitions up when explaining errors. */
  readonly root: SchemaObject;
  readonly validate: ValidateFunction<T>;
}

/** An Ajv set up as every schema of the project is compiled; `code` for compiling to standalone code. */
export function newAjv(code?: { readonly source: true }): Ajv {
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
    ...(code === undefined ? {} : { code }),
  });
  // Editors (VS Code, yaml-language-server) show this instead of the regular expression; so do we.
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  return ajv;
}

const ajv = newAjv();

/** Validators by `$id` and pointer. */
const compiled = new Map<string, CompiledSchema<unknown>>();

/**
 * The validator of `root` (a document with an `$id`), or of the definition
 * `pointer` inside it (`#/definitions/case`), compiled once per `$id`.
 * `T` is the type the schema guarantees; callers must keep the two in step.
 */
export function compileSchema<T>(root: SchemaObject, pointer = ''): CompiledSchema<T> {
  const id = root.$id;
  if (typeof id !== 'string') throw new Error('a schema document needs an $id');
  const key = `${id}${pointer}`;
  let schema = compiled.get(key);
  if (schema === undefined) {
    if (ajv.getSchema(id) === undefined) ajv.addSchema(root);
    const validate = ajv.getSchema(key);
    if (validate === undefined) throw new Error(`${id} has no schema at "${pointer}"`);
    schema = { root, validate };
    compiled.set(key, schema);
  }
  // The map holds validators of several types; `T` is the caller's promise about this one.
  return schema as CompiledSchema<T>;
}

/** Schema documents read from files (those written by hand, such as spec/*.schema.json), by address. */
const documents = new Map<string, SchemaObject>();

/** The validator of the JSON Schema document in `file`, read once. */
export function compileSchemaFile<T>(file: URL): CompiledSchema<T> {
  let root = documents.get(file.href);
  if (root === undefined) {
    root = JSON.parse(readFileSync(file, 'utf8')) as SchemaObject;
    documents.set(file.href, root);
  }
  return compileSchema<T>(root);
}

/**
 * Says in words what a (sub)schema accepts, for messages such as
 * `"af" must be AF_INET, AF_INET6, AF_UNSPEC, an integer or a $reference`.
 * It covers the keywords the project's schemas use, not all of JSON Schema.
 */
import type { AnySchema, AnySchemaObject } from 'ajv';

/** Enumerations longer than this are cut short in messages. */
const MAX_LISTED_NAMES = 8;

export interface SchemaDescription {
  /** What the schema accepts, as a phrase: "AF_INET, AF_INET6, an integer or a $reference". */
  readonly phrase: string;
  /** The symbolic names it accepts, to suggest one for a misspelling. */
  readonly names: readonly string[];
}

/** Describes `schema`; `$ref`s are resolved in `root`, the schema document. */
export function describeSchema(schema: AnySchema, root: AnySchemaObject): SchemaDescription {
  const names: string[] = [];
  const phrases = alternatives(schema, root, names);
  return { phrase: joinAlternatives([...new Set(phrases)]), names };
}

/** A value as quoted in messages: strings in quotes, containers by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return String(value);
}

/** A JSON pointer reference inside `root` (`#/definitions/case`). */
export function resolveRef(ref: string, root: AnySchemaObject): AnySchema {
  const segments = ref.replace(/^[^#]*#\/?/, '').split('/').filter((s) => s !== '');
  let node: unknown = root;
  for (const segment of segments) {
    const key = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isSchemaObject(node) ? node[key] : undefined;
  }
  if (typeof node === 'boolean' || isSchemaObject(node)) return node;
  throw new Error(`schema reference ${ref} does not resolve`);
}

function alternatives(schema: AnySchema, root: AnySchemaObject, names: string[]): string[] {
  if (typeof schema === 'boolean') return [schema ? 'any value' : 'nothing'];
  if (typeof schema.$ref === 'string') return alternatives(resolveRef(schema.$ref, root), root, names);
  if (Array.isArray(schema.anyOf)) return schema.anyOf.flatMap((s: AnySchema) => alternatives(s, root, names));
  if (Array.isArray(schema.enum)) return listNames(schema.enum, names, schema.description);
  if ('const' in schema) return listNames([schema.const], names);
  return [typePhrase(schema)];
}

/** Short enumerations are listed; a long one is named by its description (`a Winsock error name, one of 66`). */
function listNames(values: readonly unknown[], names: string[], description?: unknown): string[] {
  const words = values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  names.push(...words);
  if (words.length <= MAX_LISTED_NAMES) return words;
  const what = typeof description === 'string' ? description.replace(/\.$/, '') : 'a name';
  return [`${what.charAt(0).toLowerCase()}${what.slice(1)} (one of ${words.length})`];
}

function typePhrase(schema: AnySchemaObject): string {
  switch (schema.type) {
    case 'integer':
    case 'number':
      return `${schema.type === 'integer' ? 'an integer' : 'a number'}${rangePhrase(schema)}`;
    case 'string':
      if (typeof schema.pattern === 'string') {
        // References are strings by pattern; say what they are rather than quote the pattern.
        return schema.pattern.startsWith('^\\$') ? 'a $reference' : `text matching ${schema.pattern}`;
      }
      return typeof schema.minLength === 'number' && schema.minLength > 0 ? 'non-empty text' : 'text';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'array':
      return typeof schema.minItems === 'number' && schema.minItems > 0 ? 'a non-empty list' : 'a list';
    case 'object':
      return objectPhrase(schema);
    default:
      return 'any value';
  }
}

function rangePhrase(schema: AnySchemaObject): string {
  const { minimum, maximum } = schema;
  if (typeof minimum === 'number' && typeof maximum === 'number') return ` from ${minimum} to ${maximum}`;
  if (typeof minimum === 'number') return ` ≥ ${minimum}`;
  if (typeof maximum === 'number') return ` ≤ ${maximum}`;
  return '';
}

/** `socket address { family, address, port, flowinfo?, scopeId? }`: its keys, optional ones marked. */
function objectPhrase(schema: AnySchemaObject): string {
  const title = typeof schema.title === 'string' ? schema.title : 'a mapping';
  const properties: unknown = schema.properties;
  if (!isSchemaObject(properties)) return title;
  const required: unknown[] = Array.isArray(schema.required) ? schema.required : [];
  const keys = Object.keys(properties).map((key) => (required.includes(key) ? key : `${key}?`));
  return `${title} { ${keys.join(', ')} }`;
}

function joinAlternatives(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases[0] ?? 'nothing';
  return `${phrases.slice(0, -1).join(', ')} or ${phrases[phrases.length - 1]}`;
}

function isSchemaObject(value: unknown): value is AnySchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

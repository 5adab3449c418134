/** Small JSON Schema pieces shared by the generated schemas. */
import type { SchemaObject } from 'ajv';

export function ref(definition: string, description?: string): SchemaObject {
  return description === undefined ? { $ref: `#/definitions/${definition}` } : { description, $ref: `#/definitions/${definition}` };
}

/** `{ not: … }` or a value: the schema of a key of an outcome that also takes the negation matcher. */
export function orNot(...alternatives: SchemaObject[]): SchemaObject[] {
  return [...alternatives, ref('notMatcher')];
}

/** A one-line list of names for descriptions: `` `A`, `B` or `C` ``. */
export function listed(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

export const SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

/** The version of the case and expectations formats this harness reads. */
export const FORMAT_VERSION = 1;

export function formatProperty(what: string): SchemaObject {
  return {
    description: `The version of the ${what} format the file is written in. This harness reads format ${FORMAT_VERSION}.`,
    const: FORMAT_VERSION,
  };
}

/** A case id: what cases declare and expectations name. */
export function caseIdProperty(description: string): SchemaObject {
  return {
    description,
    type: 'string',
    pattern: '^[a-z0-9]+([.-][a-z0-9]+)*$',
    patternErrorMessage: 'a case id is lower-case words of letters and digits separated by dots or dashes, e.g. tcp.blocking.connects-and-binds',
  };
}

/** A step id: what expectations and references name a step of a case by. */
export function stepIdProperty(description: string): SchemaObject {
  return {
    description,
    type: 'string',
    pattern: '^[A-Za-z][A-Za-z0-9_.-]*(#[1-9][0-9]*)?$',
    patternErrorMessage: 'a step id is the step\'s `id:` or its call name, with `#2`, `#3`… for repeats (e.g. WSAConnect#2)',
  };
}

/** The head of a generated schema document: the draft, its `$id`, a title and a description. */
export function schemaHead($id: string, title: string, description: string): SchemaObject {
  return { $schema: SCHEMA_DRAFT, $id, title, description };
}

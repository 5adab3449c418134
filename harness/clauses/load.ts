/**
 * The clause catalogue of the page (spec/clauses.yaml; spec/README.md has
 * the format), loaded with the project's YAML loader and checked against its
 * schema (spec/clauses.schema.json), with file:line:column problems. A small
 * loader of its own, so that it can be replaced by a fuller one without
 * touching what reads clauses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemaObject } from 'ajv';
import type { Problem } from '../yaml/problem.js';
import { projectRelative } from '../yaml/project-path.js';
import { schemaProblems } from '../yaml/schema-problems.js';
import { compileSchema } from '../yaml/schema.js';
import { loadYamlFile } from '../yaml/yaml-file.js';

export interface Clause {
  readonly id: string;
  readonly section: string;
  /** `rule`: something a case could check; `informative`: the rest. */
  readonly kind: 'rule' | 'informative';
  /** The sentence, exactly as on the page. */
  readonly text: string;
  /** The error the clause documents as an outcome, when it does. */
  readonly error?: string;
}

export interface ClauseCatalogue {
  /** The page, from the project root: `spec/WSAConnect.txt`. */
  readonly page: string;
  /** In the order of the page. */
  readonly clauses: readonly Clause[];
}

export type LoadedClauses = { readonly catalogue: ClauseCatalogue } | { readonly problems: readonly Problem[] };

/** Loads `file` (absolute, or relative to `root`); its schema is `clauses.schema.json` beside it. */
export function loadClauses(file: string, root: string): LoadedClauses {
  const absolutePath = path.resolve(root, file);
  const loaded = loadYamlFile(absolutePath, projectRelative(file, root), 'a `clauses:` list');
  if ('problems' in loaded) return loaded;
  const schema = compileSchema<ClauseCatalogue>(clausesSchema(path.join(path.dirname(absolutePath), 'clauses.schema.json')));
  const problems = schemaProblems(schema, loaded.yaml).map((finding) => finding.problem);
  if (problems.length > 0 || !schema.validate(loaded.yaml.data)) return { problems };
  const { page, clauses } = loaded.yaml.data;
  return { catalogue: { page, clauses: clauses.map(({ id, section, kind, text, error }) => ({ id, section, kind, text, ...(error === undefined ? {} : { error }) })) } };
}

function clausesSchema(schemaFile: string): SchemaObject {
  return JSON.parse(readFileSync(schemaFile, 'utf8')) as SchemaObject;
}

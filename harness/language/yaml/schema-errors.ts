/**
 * Turns Ajv's errors into one clear message per mistake, each with the data
 * path it concerns. Ajv reports every alternative that failed (a value that
 * is neither a name, nor a number, nor a reference gives four errors); here
 * those collapse into the one message a case author needs.
 */
import type { AnySchemaObject, ErrorObject } from 'ajv';
import { describeSchema, describeValue } from './schema-describe.js';
import type { DataPath, PathSegment } from './source-map.js';
import { didYouMean } from './suggest.js';

export interface SchemaFinding {
  readonly path: DataPath;
  /** Point at the key of the last path segment (an unknown or badly named key), or at the value. */
  readonly at: 'key' | 'value';
  readonly message: string;
}

interface Finding extends SchemaFinding {
  /**
   * The value has the wrong type or form (as opposed to a mapping or list
   * that has the right type but wrong content). Among the alternatives of an
   * `anyOf`, only the ones that got past the type say what is wrong.
   */
  readonly typeLevel: boolean;
}

const TYPE_LEVEL_KEYWORDS = new Set([
  'type', 'enum', 'const', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'multipleOf',
]);

/** Explains `errors` (from a validator compiled with `verbose: true`); `root` is the schema document. */
export function explainSchemaErrors(errors: readonly ErrorObject[], root: AnySchemaObject): SchemaFinding[] {
  const findings: Finding[] = [];
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      // Ajv lists an anyOf's failed alternatives just before the anyOf itself.
      const path = parsePointer(error.instancePath);
      const alternatives = popFindingsWithin(findings, path);
      findings.push(...reduceAlternatives(alternatives, error, path, root));
    } else {
      const finding = explainError(error, root);
      if (finding !== undefined) findings.push(finding);
    }
  }
  return dedupe(findings).map(({ path, at, message }) => ({ path, at, message }));
}

/** `/cases/0/steps` → `['cases', 0, 'steps']` (JSON pointer, with `~1` and `~0` escapes). */
export function parsePointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

/**
 * The path as a message names it, from the innermost list item it is in:
 * `args.af`, `timeout`, `tags[1]`; line and column say which case or step.
 */
export function pathLabel(path: DataPath): string {
  let start = 0;
  path.forEach((segment, index) => {
    if (typeof segment === 'number' && typeof path[index + 1] === 'string') start = index + 1;
  });
  const label = path
    .slice(start)
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
  return label === '' ? 'the file' : `"${label}"`;
}

function reduceAlternatives(alternatives: Finding[], error: ErrorObject, path: DataPath, root: AnySchemaObject): Finding[] {
  const past = alternatives.filter((f) => !f.typeLevel || f.path.length > path.length);
  if (past.length > 0) return past;
  return [mustBe(path, error.parentSchema ?? {}, error.data, root)];
}

function explainError(error: ErrorObject, root: AnySchemaObject): Finding | undefined {
  const path = parsePointer(error.instancePath);
  const schema = error.parentSchema ?? {};
  const title = typeof schema.title === 'string' ? schema.title : pathLabel(path);
  const params: Record<string, unknown> = error.params;

  if (error.propertyName !== undefined) {
    // An error about a key's name (propertyNames): point at that key.
    return {
      path: [...path, error.propertyName],
      at: 'key',
      message: `name "${error.propertyName}" is not valid: ${patternHint(schema)}`,
      typeLevel: false,
    };
  }
  switch (error.keyword) {
    case 'propertyNames':
      return undefined; // Its details were reported with the key's own name.
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(isObject(schema.properties) ? schema.properties : {});
      return {
        path: [...path, key],
        at: 'key',
        message: `unknown key "${key}" in ${title}; allowed: ${allowed.join(', ')}${didYouMean(key, allowed)}`,
        typeLevel: false,
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      const property: unknown = isObject(schema.properties) ? schema.properties[key] : undefined;
      // A key with one possible value (a format version) can say exactly what to write.
      const fix = isObject(property) && 'const' in property ? `; write ${key}: ${JSON.stringify(property.const)}` : '';
      return at(path, `missing required key "${key}" in ${title}${fix}`, false);
    }
    case 'discriminator':
      return explainDiscriminator(error, path, schema);
    case 'pattern':
      return at(path, `${pathLabel(path)} is not valid (${describeValue(error.data)}): ${patternHint(schema)}`, true);
    case 'minItems':
      return at(path, `${pathLabel(path)} must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`, false);
    case 'minProperties': {
      const keys = Object.keys(isObject(schema.properties) ? schema.properties : {});
      return at(path, `${pathLabel(path)} must name at least one of: ${keys.join(', ')}`, false);
    }
    case 'uniqueItems': {
      const later = Math.max(Number(params.i), Number(params.j));
      const items: unknown = error.data;
      const value = Array.isArray(items) ? items[later] : undefined;
      return at([...path, later], `${pathLabel(path)} lists ${describeValue(value)} more than once`, false);
    }
    default:
      if (TYPE_LEVEL_KEYWORDS.has(error.keyword)) return mustBe(path, schema, error.data, root);
      return at(path, `${pathLabel(path)} ${error.message ?? 'is not valid'}`, false);
  }
}

/** A wrong value: `"af" must be AF_INET, …, an integer or a $reference, not "AF_INTE"; did you mean "AF_INET"?` */
function mustBe(path: DataPath, schema: AnySchemaObject, value: unknown, root: AnySchemaObject): Finding {
  const { phrase, names } = describeSchema(schema, root);
  const suggestion = typeof value === 'string' ? didYouMean(value, names) : '';
  return at(path, `${pathLabel(path)} must be ${phrase}, not ${describeValue(value)}${suggestion}`, true);
}

/**
 * With `discriminator`, Ajv checks only the branch that `call` selects, so
 * an unknown call is one error. A missing or non-string `call` is already
 * reported by `required` or `type`.
 */
function explainDiscriminator(error: ErrorObject, path: DataPath, schema: AnySchemaObject): Finding | undefined {
  const params: Record<string, unknown> = error.params;
  if (params.error !== 'mapping') return undefined;
  const tagName = String(params.tag);
  const value = String(params.tagValue);
  // A `$name` branch stands for a variation's value (`call: $call`), not for a name to suggest.
  const known = branchTags(schema, tagName).filter((tag) => !tag.startsWith('$'));
  return {
    path: [...path, tagName],
    at: 'value',
    message: `unknown ${tagName} "${value}"; known: ${known.join(', ')}${didYouMean(value, known)}`,
    typeLevel: false,
  };
}

/** The `const` of `tagName` in each `oneOf` branch: the values the discriminator accepts. */
function branchTags(schema: AnySchemaObject, tagName: string): string[] {
  const branches: unknown[] = Array.isArray(schema.oneOf) ? schema.oneOf : [];
  return branches.flatMap((branch) => {
    const properties = isObject(branch) ? branch.properties : undefined;
    const tag = isObject(properties) ? properties[tagName] : undefined;
    return isObject(tag) && typeof tag.const === 'string' ? [tag.const] : [];
  });
}

function patternHint(schema: AnySchemaObject): string {
  return typeof schema.patternErrorMessage === 'string'
    ? schema.patternErrorMessage
    : `it must match ${String(schema.pattern)}`;
}

function at(path: DataPath, message: string, typeLevel: boolean): Finding {
  return { path, at: 'value', message, typeLevel };
}

/** Removes and returns the findings at the end of `findings` that concern `path` or what is below it. */
function popFindingsWithin(findings: Finding[], path: DataPath): Finding[] {
  const popped: Finding[] = [];
  while (findings.length > 0) {
    const last = findings[findings.length - 1];
    if (last === undefined || !isWithin(last.path, path)) break;
    popped.unshift(last);
    findings.pop();
  }
  return popped;
}

function isWithin(path: DataPath, ancestor: DataPath): boolean {
  return path.length >= ancestor.length && ancestor.every((segment, index) => path[index] === segment);
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = JSON.stringify([finding.path, finding.at, finding.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

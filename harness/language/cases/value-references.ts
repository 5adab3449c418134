/**
 * References in case values: `$name` or `$name.part.part` names a peer or
 * the result an earlier step kept with `as`; `$$` at the start stands for a
 * literal `$`. The loader checks that every reference names something
 * defined before the step that uses it; the runner resolves them.
 */
import { CALLS, callNamed } from '../calls/index.js';
import { RESOURCE_ARGUMENTS, type ArgKind, type ResourceKind } from '../calls/declaration.js';
import type { SourceLocation, Value } from './case.js';
import { problemAt, type Problem } from '../yaml/problem.js';
import type { RawCase, RawStep } from './raw-case.js';
import type { DataPath } from '../yaml/source-map.js';
import { didYouMean } from '../yaml/suggest.js';

export interface Reference {
  /** The peer or `as` name. */
  readonly name: string;
  /** The parts after the name: `$local.name.port` → `['name', 'port']`. */
  readonly path: readonly string[];
}

const REFERENCE = /^\$([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z0-9_]+)*)$/;

/** Whether a string is meant as a reference: it starts with `$`, but not with the `$$` escape. */
export function isReferenceText(text: string): boolean {
  return text.startsWith('$') && !text.startsWith('$$');
}

/** The reference a string spells, or undefined for plain strings, `$$` literals and malformed references. */
export function parseReference(text: string): Reference | undefined {
  if (!isReferenceText(text)) return undefined;
  const match = REFERENCE.exec(text);
  if (match === null || match[1] === undefined) return undefined;
  const parts = match[2] ?? '';
  return { name: match[1], path: parts === '' ? [] : parts.slice(1).split('.') };
}

/** The text a non-reference string stands for: `$$5` → `$5`; other strings unchanged. */
export function literalText(text: string): string {
  return text.startsWith('$$') ? text.slice(1) : text;
}

/** The parts of a peer's socket address that a reference may name (`$server.port`). */
export const PEER_PARTS = ['family', 'address', 'port'] as const;

/** What a name stands for: a peer's address, a resource kept with `as` (a socket, an event…), or a whole observation. */
type NameKind = 'peer' | ResourceKind | 'observation';

interface Definition {
  readonly kind: NameKind;
  /** Where it is defined (the peer's key, the step's `as`). */
  readonly location: SourceLocation;
  /** The step whose `as` defines it; undefined for peers. */
  readonly step?: number;
}

/**
 * Checks the names of one case: each reference in a step's args and expect
 * names a peer or an earlier step's `as`, with parts that exist; each `as`
 * is new. `locate` maps a path inside the case (`['steps', 2, 'as']`) to
 * its location. References to `reportedElsewhere` names (the names of
 * variations, variations.ts) are left to the check that knows them.
 */
export function checkReferences(raw: RawCase, locate: (path: DataPath) => SourceLocation, reportedElsewhere: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  const defined = new Map<string, Definition>();
  for (const name of Object.keys(raw.peers ?? {})) {
    defined.set(name, { kind: 'peer', location: locate(['peers', name]) });
  }
  const asDefinition = (index: number): Definition => {
    // A call that creates a resource keeps the resource itself; any other keeps its whole observation.
    const creates = callNamed(raw.steps[index]?.call ?? '')?.creates;
    return { kind: creates ?? 'observation', location: locate(['steps', index, 'as']), step: index };
  };
  const definedLater = new Map<string, Definition>();
  raw.steps.forEach((step, index) => {
    if (step.as !== undefined && !definedLater.has(step.as)) definedLater.set(step.as, asDefinition(index));
  });

  raw.steps.forEach((step, index) => {
    for (const use of stringsOf(step, index)) {
      if (reportedElsewhere.has(parseReference(use.text)?.name ?? '')) continue;
      const message = checkReference(use, { defined, definedLater, stepIndex: index });
      if (message !== undefined) problems.push(problemAt(locate(use.path), message));
    }
    if (step.as === undefined) return;
    const clash = defined.get(step.as);
    if (clash === undefined) {
      defined.set(step.as, asDefinition(index));
    } else {
      const what = clash.kind === 'peer' ? `the peer "${step.as}" (line ${clash.location.line})` : `the step at line ${clash.location.line}`;
      problems.push(problemAt(locate(['steps', index, 'as']), `"as: ${step.as}" is already defined by ${what}; choose another name`));
    }
  });
  return problems;
}

/** Every string of a step's args and expected outcomes, with its path inside the case (the step is the case's `index`th). */
export function stringsOf(step: RawStep, index: number): StringUse[] {
  const specs = callNamed(step.call)?.args ?? {};
  return [
    ...Object.entries(step.args ?? {}).flatMap(([name, value]) => argumentStrings(name, specs[name]?.kind, value, ['steps', index, 'args', name])),
    ...valueStrings(step.expect ?? null, ['steps', index, 'expect']),
  ];
}

interface StringUse {
  readonly text: string;
  readonly path: DataPath;
  /** The argument it is the whole value of (`s` in `s: $s`), with the kind that argument takes, if any. */
  readonly argument?: { readonly name: string; readonly kind: ArgKind | undefined };
}

interface Scope {
  /** Names defined before the step: peers and `as` of earlier steps. */
  readonly defined: ReadonlyMap<string, Definition>;
  /** Every `as` of the case, to tell "defined later" from "not defined". */
  readonly definedLater: ReadonlyMap<string, Definition>;
  readonly stepIndex: number;
}

/** The problem with one string of a step, if it is a reference that does not hold. */
function checkReference(use: StringUse, scope: Scope): string | undefined {
  if (!isReferenceText(use.text)) return undefined;
  const quoted = JSON.stringify(use.text);
  const reference = parseReference(use.text);
  if (reference === undefined) {
    return `${quoted} is not a valid reference: write $name or $name.part.part (and $$ for a literal $)`;
  }
  const definition = scope.defined.get(reference.name);
  if (definition === undefined) return undefinedNameMessage(quoted, reference.name, scope);
  return partsProblem(quoted, reference, definition) ?? argumentKindProblem(quoted, use, definition);
}

function undefinedNameMessage(quoted: string, name: string, scope: Scope): string {
  const later = scope.definedLater.get(name);
  if (later?.step === scope.stepIndex) {
    return `${quoted} refers to this step's own result ("as: ${name}"), which only exists once the step has run`;
  }
  if (later !== undefined) {
    return `${quoted} is used before it is defined: "as: ${name}" is on a later step (line ${later.location.line})`;
  }
  const names = [...scope.defined.keys()];
  const known = names.length > 0
    ? `defined before this step: ${names.join(', ')}`
    : 'nothing is defined before this step (declare peers under "peers", keep a step\'s result with "as")';
  return `${quoted} refers to "${name}", which is not defined; ${known}${didYouMean(name, names)}`;
}

function partsProblem(quoted: string, reference: Reference, definition: Definition): string | undefined {
  const [part, ...deeper] = reference.path;
  if (part === undefined || definition.kind === 'observation') return undefined;
  if (definition.kind !== 'peer') return `${quoted}: "${reference.name}" is ${article(definition.kind)}, which has no parts; write $${reference.name}`;
  const peerParts: readonly string[] = PEER_PARTS;
  if (!peerParts.includes(part)) {
    return `${quoted}: a peer's address has the parts ${PEER_PARTS.join(', ')}, not "${part}"${didYouMean(part, peerParts)}`;
  }
  return deeper.length > 0 ? `${quoted}: "${part}" of a peer has no parts` : undefined;
}

/**
 * An argument that takes a resource (a socket, an event, a window): passing a
 * peer's address (`$server`) or another kind of resource instead is an easy slip.
 */
function argumentKindProblem(quoted: string, use: StringUse, definition: Definition): string | undefined {
  const wanted = use.argument?.kind === undefined ? undefined : RESOURCE_ARGUMENTS[use.argument.kind]?.resource;
  if (use.argument === undefined || wanted === undefined || definition.kind === wanted) return undefined;
  const what = definition.kind === 'peer' ? 'a peer' : definition.kind === 'observation' ? `not ${article(wanted)}` : article(definition.kind);
  return `${quoted} is ${what}, but "${use.argument.name}" takes ${article(wanted)}: a name kept with "as" on a step that creates one (${creatingCalls(wanted)})`;
}

function creatingCalls(kind: ResourceKind): string {
  return CALLS.filter((call) => call.creates === kind)
    .map((call) => call.name)
    .join(', ');
}

function article(kind: ResourceKind): string {
  return kind === 'event' ? 'an event' : `a ${kind}`;
}

/**
 * The strings of one argument. A string that is the whole value, or an item
 * of an argument that takes a list of resources, is marked with the argument
 * and its kind.
 */
function argumentStrings(name: string, kind: ArgKind | undefined, value: Value, path: DataPath): StringUse[] {
  if (typeof value === 'string') return [{ text: value, path, argument: { name, kind } }];
  if (kind !== undefined && RESOURCE_ARGUMENTS[kind]?.list === true && isReadonlyArray(value)) {
    return value.flatMap((item, index) => argumentStrings(name, kind, item, [...path, index]));
  }
  return valueStrings(value, path);
}

/** Every string inside a value, with its path. */
function valueStrings(value: Value | readonly Value[], path: DataPath): StringUse[] {
  if (typeof value === 'string') return [{ text: value, path }];
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Value][] = isReadonlyArray(value)
    ? value.map((item, index): [number, Value] => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => valueStrings(item, [...path, key]));
}

function isReadonlyArray(value: Value | readonly Value[]): value is readonly Value[] {
  return Array.isArray(value);
}

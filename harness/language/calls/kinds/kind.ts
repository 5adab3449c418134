/**
 * What an argument kind is: everything the harness knows of one kind of
 * value a call takes, in one place — its TypeScript type (what its reader
 * returns), its JSON Schema definition (what `lint` and editors check a case
 * against), its reader (what the worker turns the case's value into) and its
 * description (the schema's and cases/CALLS.md's). The table of kinds
 * (index.ts) is the one list ArgKind, ArgValues, the schema's value
 * definitions and the readers are derived from.
 */
import type { SchemaObject } from 'ajv';
import type { Bounds } from '../bounds.js';
import type { ResourceKind } from '../declaration.js';
import type { ConstantGroup } from '../../vocabulary/constants.js';

/** The call cannot be made with these arguments: a mistake of the case or the harness, not of the provider. */
export class ArgumentError extends Error {}

/** The number a binding passes for a constant's name; undefined when it has none. */
export type ConstantResolver = (group: ConstantGroup, name: string) => number | undefined;

/**
 * What a description may name beyond the case language itself: facts of the
 * loopback peers (fixtures/catalogue.ts). What writes the descriptions (the
 * case schema, cases/CALLS.md) passes them in (kind-descriptions.ts); a kind
 * does not import them, since the readers run in the worker and in repro
 * scripts, which must not load the peers (they open sockets through koffi).
 */
export interface DescriptionFacts {
  /** The kinds of peer that record what they receive, which `peer.datagrams` reads. */
  readonly recordingPeerKinds: readonly string[];
}

export interface ArgumentKind<T> {
  /** The title of its schema definition. */
  readonly title: string;
  /** What a case writes for it: its schema definition's description, and its line in cases/CALLS.md. */
  readonly description: string | ((facts: DescriptionFacts) => string);
  /** The rest of its schema definition (`type`, `anyOf`…), beside the title and the description. */
  readonly schema: SchemaObject;
  /** Definitions its schema refers to by name, other than the kinds' own and `reference`; written just before it. */
  readonly parts?: { readonly [definition: string]: SchemaObject };
  /**
   * Reads a value as the runner sends it (references resolved, constants
   * still by name) into what a call receives, or throws ArgumentError.
   * `bounds`: the argument's own range, for a kind an argument may narrow.
   */
  read(value: unknown, name: string, constant: ConstantResolver, bounds: Bounds | undefined): T;
  /** For a kind that takes handles kept with `as`: of which resource, one or a list of them. */
  readonly takes?: { readonly resource: ResourceKind; readonly list: boolean };
}

/** A kind of number whose range an argument may narrow (`bounds`): the range it has otherwise. */
export interface BoundedArgumentKind extends ArgumentKind<number> {
  readonly bounds: Bounds;
}

/** Declares a kind whose values are of type T. */
export function argumentKind<T>(kind: ArgumentKind<T>): ArgumentKind<T> {
  return kind;
}

/** Declares a kind of number an argument may bound more narrowly. */
export function boundedKind(kind: BoundedArgumentKind): BoundedArgumentKind {
  return kind;
}

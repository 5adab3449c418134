/**
 * Variations: a case states once the dimensions it holds over
 * (`variations: { family: [AF_INET, AF_INET6] }`) and the loader expands it
 * into one case per combination of their values. Each dimension's values are
 * tabled here, once: the tag its expanded ids and titles carry, and the
 * values of the names (`$family`, `$loopback`…) that stand for it inside the
 * case. A new dimension is a new entry of DIMENSIONS; nothing else changes.
 */
import type { SchemaObject } from 'ajv';
import type { SourceLocation, Value } from './case.js';
import { problemAt, type Problem } from '../yaml/problem.js';
import type { RawCase, RawStep } from './raw-case.js';
import type { DataPath } from '../yaml/source-map.js';
import { parseReference, stringsOf } from './value-references.js';
import { stepIds } from './step-ids.js';

/** One value of a dimension: how ids, titles and tags name it, and what its names stand for. */
interface DimensionValue<Name extends string> {
  /** Added to the case's tags and, unless `asWritten`, appended to its id (`<id>.ipv6`). */
  readonly tag: string;
  /**
   * The value every case has when it does not vary over the dimension (a socket is blocking as made): its
   * variation keeps the id the case had before it varied, so that results, expectations and baselines
   * naming that id still name the same calls; the other values append their tags.
   */
  readonly asWritten?: true;
  /** Appended to the title, in a few words. */
  readonly words: string;
  /** What each name of the dimension (`$loopback`) stands for in this variation: text, or a number where an argument takes one. */
  readonly names: { readonly [N in Name]: string | number };
}

interface Dimension<Value extends string, Name extends string> {
  /** What the dimension is, for messages. */
  readonly what: string;
  /** What each of its names stands for, for messages. */
  readonly meanings: { readonly [N in Name]: string };
  /**
   * What a variation changes in a case that writes none of the dimension's names (the family: the peers
   * written without one); a dimension without it changes nothing then, so a case stating it must use a name.
   */
  readonly implied?: string;
  readonly values: { readonly [V in Value]: DimensionValue<Name> };
}

/** The dimensions, in the order their tags are appended to ids (`<id>.connect.ipv6`). */
export const DIMENSIONS = {
  // The calls of the connect family that take a socket and a name and connect it there and then, so that a
  // behaviour their pages state alike is written once (`call: $call`). ConnectEx (a bound socket and an
  // OVERLAPPED), WSAConnectByName and WSAConnectByList (a name or a list) take other arguments.
  call: {
    what: 'the connect call',
    meanings: { call: 'the call of the variation, as the `call:` of a step' },
    values: {
      WSAConnect: { tag: 'wsaconnect', words: 'through WSAConnect', names: { call: 'WSAConnect' } },
      connect: { tag: 'connect', words: 'through connect', names: { call: 'connect' } },
    },
  },
  family: {
    what: 'the address family',
    implied: 'the family of each peer written without one',
    meanings: {
      family: 'the address family',
      loopback: 'the loopback address of the family',
      unspecified: 'the unspecified address of the family',
      namelen: "the size of the family's socket address structure, as a namelen",
      shortNamelen: "one byte less than the family's socket address structure, as a namelen",
    },
    values: {
      AF_INET: { tag: 'ipv4', words: 'over IPv4', names: { family: 'AF_INET', loopback: '127.0.0.1', unspecified: '0.0.0.0', namelen: 16, shortNamelen: 15 } },
      AF_INET6: { tag: 'ipv6', words: 'over IPv6', names: { family: 'AF_INET6', loopback: '::1', unspecified: '::', namelen: 28, shortNamelen: 27 } },
    },
  },
  // Last, so that its tag ends an id (`<id>.connect.ipv4.nonblocking`). A case states the mode itself, with
  // `ioctlsocket FIONBIO $nonblocking`: where the socket is made and when it turns non-blocking is the case's.
  mode: {
    what: 'the blocking mode',
    meanings: { nonblocking: "FIONBIO's value for the mode, as ioctlsocket's `value`: 0 blocking, 1 non-blocking" },
    values: {
      blocking: { tag: 'blocking', asWritten: true, words: 'on a blocking socket', names: { nonblocking: 0 } },
      nonblocking: { tag: 'nonblocking', words: 'on a non-blocking socket', names: { nonblocking: 1 } },
    },
  },
} as const satisfies { readonly [name: string]: Dimension<string, string> };

export type DimensionName = keyof typeof DIMENSIONS;
export type DimensionValueName<D extends DimensionName> = keyof (typeof DIMENSIONS)[D]['values'];

/** The dimensions a case states, each with the values it holds for, as written. */
export type RawVariations = { readonly [D in DimensionName]?: readonly DimensionValueName<D>[] };

/** One combination: a value for each dimension the case states. */
export type Variation = { readonly [D in DimensionName]?: DimensionValueName<D> };

export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as DimensionName[];

function valueOf(dimension: DimensionName, value: string): DimensionValue<string> {
  const values: { readonly [value: string]: DimensionValue<string> } = DIMENSIONS[dimension].values;
  const entry = values[value];
  if (entry === undefined) throw new Error(`${dimension} has no value ${String(value)}`);
  return entry;
}

/** The names that stand for a dimension's values inside a case. */
function namesOf(dimension: DimensionName): string[] {
  return Object.keys(DIMENSIONS[dimension].meanings);
}

/** Every name that stands for a variation's value, with its dimension: `family` → family. */
export const VARIATION_NAMES: ReadonlyMap<string, DimensionName> = new Map(
  DIMENSION_NAMES.flatMap((dimension) => namesOf(dimension).map((name): [string, DimensionName] => [name, dimension])),
);

/** Every combination of the stated values, dimension by dimension; a case without variations has one, the empty one. */
export function variationsOf(raw: { readonly variations?: RawVariations }): Variation[] {
  return DIMENSION_NAMES.reduce<Variation[]>((combinations, dimension) => {
    const values = raw.variations?.[dimension];
    if (values === undefined) return combinations;
    return combinations.flatMap((combination) => values.map((value): Variation => ({ ...combination, [dimension]: value })));
  }, [{}]);
}

/** The values a variation takes, in dimension order, as the table holds them. */
function chosenValues(variation: Variation): DimensionValue<string>[] {
  return DIMENSION_NAMES.flatMap((dimension) => {
    const value = variation[dimension];
    return value === undefined ? [] : [valueOf(dimension, value as string)];
  });
}

/** The tags of a variation's values, in dimension order: `['ipv6']`. */
export function variationTags(variation: Variation): string[] {
  return chosenValues(variation).map((value) => value.tag);
}

/** The case's id for a variation: `<id>.ipv6`; unchanged for the empty variation and by a value `asWritten` (`blocking`). */
export function variationId(id: string, variation: Variation): string {
  return [id, ...chosenValues(variation).flatMap((value) => (value.asWritten === true ? [] : [value.tag]))].join('.');
}

/** The case's title for a variation: `… (over IPv6)`; unchanged for the empty variation. */
export function variationTitle(title: string, variation: Variation): string {
  const words = chosenValues(variation).map((value) => value.words);
  return words.length === 0 ? title : `${title} (${words.join(', ')})`;
}

/** The names that stand for a call, written only as the `call:` of a step (`call: $call`). */
export const CALL_VARIATION_NAMES: ReadonlySet<string> = new Set(namesOf('call'));

/** The calls a step written `call: $call` may become: the call dimension's values. */
export const VARYING_CALLS: readonly string[] = Object.keys(DIMENSIONS.call.values);

/** The address family a peer written without one takes: the variation's, else AF_INET. */
export function defaultPeerFamily(variation: Variation): 'AF_INET' | 'AF_INET6' {
  return variation.family ?? 'AF_INET';
}

/** Whether a citation limited to some variations (`when: { family: AF_INET6 }`) holds for this one. */
export function appliesTo(when: Variation | undefined, variation: Variation): boolean {
  return DIMENSION_NAMES.every((dimension) => when?.[dimension] === undefined || when[dimension] === variation[dimension]);
}

/** What the names of a variation stand for: `family` → `AF_INET6`, `loopback` → `::1`, `nonblocking` → 1… */
function substitutions(variation: Variation): Map<string, string | number> {
  return new Map(chosenValues(variation).flatMap((value) => Object.entries(value.names)));
}

/** The steps with every `$call`, `$family`, `$loopback`… replaced by what it stands for in `variation`; a `$call` step without an `id:` is named `call` (`call#2`…) in all of them. */
export function substituteSteps(steps: readonly RawStep[], variation: Variation): RawStep[] {
  const values = substitutions(variation);
  if (values.size === 0) return [...steps];
  const substitute = (value: Value): Value => {
    if (typeof value === 'string') {
      const reference = parseReference(value);
      const replacement = reference === undefined || reference.path.length > 0 ? undefined : values.get(reference.name);
      return replacement ?? value;
    }
    if (value === null || typeof value !== 'object') return value;
    if (isValueList(value)) return value.map(substitute);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item)]));
  };
  // A step written `call: $call` keeps one id in every variation: `call`, `call#2`… unless it has its own.
  const writtenIds = stepIds(steps).map((id) => id.replace(/^\$/, ''));
  return steps.map((step, index) => ({
    ...step,
    call: String(substitute(step.call)),
    ...(step.id === undefined && CALL_VARIATION_NAMES.has(step.call.slice(1)) ? { id: writtenIds[index] } : {}),
    ...(step.args === undefined ? {} : { args: Object.fromEntries(Object.entries(step.args).map(([name, value]) => [name, substitute(value)])) }),
    ...(step.expect === undefined ? {} : { expect: substitute(step.expect as Value) as RawStep['expect'] }),
  }));
}

function isValueList(value: Value): value is readonly Value[] {
  return Array.isArray(value);
}

/**
 * The problems with the names of variations in a case as written: a name
 * used in a case that does not vary over its dimension, or with parts; a peer
 * or `as` named like one; a citation limited to a dimension or value the case
 * does not vary over. `locate` maps a path inside the case to its location.
 */
export function checkVariations(raw: RawCase, locate: (path: DataPath) => SourceLocation): Problem[] {
  const stated = raw.variations ?? {};
  const problems: Problem[] = [];
  const reserved = (name: string, path: DataPath, what: string): void => {
    if (VARIATION_NAMES.has(name)) problems.push(problemAt(locate(path), `${what} is named like a variation's value ($${name}); choose another name`));
  };
  for (const name of Object.keys(raw.peers ?? {})) reserved(name, ['peers', name], `the peer "${name}"`);
  raw.steps.forEach((step, index) => {
    if (step.as !== undefined) reserved(step.as, ['steps', index, 'as'], `"as: ${step.as}"`);
    const callProblem = variedCallProblem(step.call, stated);
    if (callProblem !== undefined) problems.push(problemAt(locate(['steps', index, 'call']), callProblem));
    for (const use of stringsOf(step, index)) {
      const reference = parseReference(use.text);
      const dimension = reference === undefined ? undefined : VARIATION_NAMES.get(reference.name);
      if (reference === undefined || dimension === undefined) continue;
      const message = CALL_VARIATION_NAMES.has(reference.name)
        ? `$${reference.name} stands for a call: write it only as the \`call:\` of a step`
        : nameProblem(reference.name, reference.path, dimension, stated);
      if (message !== undefined) problems.push(problemAt(locate(use.path), message));
    }
  });
  for (const dimension of unusedDimensions(raw)) {
    const names = namesOf(dimension).map((name) => `$${name}`).join(', ');
    problems.push(problemAt(locate(['variations', dimension]), `the case varies over ${DIMENSIONS[dimension].what} but writes none of ${names}, so every variation would make the same calls; use it in a step or drop ${dimension} from \`variations\``));
  }
  raw.clauses.forEach((clause, index) => {
    problems.push(...whenProblems(clause.when, stated, ['clauses', index], { what: 'this citation holds', none: 'cite it', drop: 'drop the citation' }, locate));
  });
  raw.excluded?.forEach((exclusion, index) => {
    problems.push(...whenProblems(exclusion.when, stated, ['excluded', index], { what: 'this exclusion holds', none: 'be excluded', drop: 'drop the exclusion' }, locate));
  });
  return problems;
}

/** The problems with a `when` (of a citation or an exclusion at `at`) that names a dimension or value the case does not vary over. */
function whenProblems(
  when: Variation | undefined,
  stated: RawVariations,
  at: DataPath,
  words: { readonly what: string; readonly none: string; readonly drop: string },
  locate: (path: DataPath) => SourceLocation,
): Problem[] {
  return (Object.entries(when ?? {}) as [DimensionName, string][]).flatMap(([dimension, value]) => {
    const values: readonly string[] | undefined = stated[dimension];
    if (values?.includes(value) === true) return [];
    const message = values === undefined
      ? `${words.what} only when ${dimension} is ${value}, but the case does not vary over ${DIMENSIONS[dimension].what}; add \`variations: { ${dimension}: [...] }\` to the case or remove \`when\``
      : `${words.what} only when ${dimension} is ${value}, which is not one of the case's values (${values.join(', ')}); no variation would ${words.none}: add the value to the case's \`variations\` or ${words.drop}`;
    return [problemAt(locate([...at, 'when', dimension]), message)];
  });
}

/** The dimensions a case states whose names none of its steps writes, and which change nothing without them. */
function unusedDimensions(raw: RawCase): DimensionName[] {
  const used = new Set<string>();
  raw.steps.forEach((step, index) => {
    const called = parseReference(step.call);
    if (called !== undefined) used.add(called.name);
    for (const use of stringsOf(step, index)) {
      const reference = parseReference(use.text);
      if (reference !== undefined) used.add(reference.name);
    }
  });
  return (Object.keys(raw.variations ?? {}) as DimensionName[]).filter((dimension) => {
    const declared: Dimension<string, string> = DIMENSIONS[dimension];
    return declared.implied === undefined && !namesOf(dimension).some((name) => used.has(name));
  });
}

/** The problem with a step's `call:` written as a variation's name (`call: $call`), if any. */
function variedCallProblem(call: string, stated: RawVariations): string | undefined {
  const reference = parseReference(call);
  if (reference === undefined) return undefined;
  if (!CALL_VARIATION_NAMES.has(reference.name)) {
    return `"call: ${call}": only ${[...CALL_VARIATION_NAMES].map((name) => `$${name}`).join(', ')} may stand for a call; write the call's name`;
  }
  return nameProblem(reference.name, reference.path, 'call', stated);
}

function nameProblem(name: string, parts: readonly string[], dimension: DimensionName, stated: RawVariations): string | undefined {
  const values = Object.keys(DIMENSIONS[dimension].values);
  if (stated[dimension] === undefined) {
    const meanings: { readonly [name: string]: string } = DIMENSIONS[dimension].meanings;
    const example = valueOf(dimension, values[0] as DimensionValueName<typeof dimension>).names[name];
    return `$${name} stands for ${meanings[name] ?? name} in each variation, but this case states no \`variations: { ${dimension}: [${values.join(', ')}] }\`; add it, or write the value itself (e.g. ${String(example)})`;
  }
  return parts.length > 0 ? `$${name}.${parts.join('.')}: a variation's value has no parts; write $${name}` : undefined;
}

/** `when: { family: AF_INET6 }`: some values of the variations a case holds over, for an entry that holds only for those. */
export function variationWhenProperty(description: string): SchemaObject {
  return {
    title: 'when',
    description,
    type: 'object',
    properties: Object.fromEntries(DIMENSION_NAMES.map((dimension) => [dimension, { description: `One value of ${DIMENSIONS[dimension].what}.`, enum: Object.keys(DIMENSIONS[dimension].values) }])),
    minProperties: 1,
    additionalProperties: false,
  };
}

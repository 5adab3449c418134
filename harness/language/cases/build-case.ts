/**
 * Builds the in-memory Case (case.ts) from a case as written, once it has
 * passed the schema: short forms expanded, defaults filled in, step ids
 * given, and each case and step located in its file.
 */
import { ALTERNATIVE_NAME_KEY, DEFAULT_CASE_TIMEOUT_MS, type Alternative, type Case, type ClauseCitation, type Outcome, type PeerSpec, type SourceLocation, type Step } from './case.js';
import type { RawCase, RawPeer, RawStep } from './raw-case.js';
import type { DataPath } from '../yaml/source-map.js';
import { stepIds } from './step-ids.js';
import { appliesTo, defaultPeerFamily, DIMENSIONS, variationId, variationTags, variationTitle, type DimensionName, type Variation } from './variations.js';

/**
 * The case of one `variation` of `raw`, whose steps have its names already
 * substituted (variations.ts); the empty variation for a case without
 * variations. `clauses` are its citations that hold for the variation, each
 * with its page, in the order written; `locate` maps a path inside the case (`['steps', 2]`) to its location.
 */
export function buildCase(raw: RawCase, clauses: readonly ClauseCitation[], locate: (path: DataPath) => SourceLocation, variation: Variation = {}): Case {
  const ids = stepIds(raw.steps);
  // A tag written for one value of a dimension the case varies over (`blocking`) is the variation's to give.
  const varied = variedTags(raw);
  const tags = (raw.tags ?? []).filter((tag) => !varied.has(tag));
  return {
    id: variationId(raw.id, variation),
    title: variationTitle(raw.title, variation),
    ...(raw.description === undefined ? {} : { description: raw.description }),
    clauses,
    tags: [...tags, ...variationTags(variation).filter((tag) => !tags.includes(tag))],
    peers: Object.entries(raw.peers ?? {}).map(([name, peer]) => peerSpec(name, peer, defaultPeerFamily(variation))),
    steps: raw.steps.map((step, index) => buildStep(step, ids[index] ?? step.call, locate(['steps', index]))),
    timeoutMs: raw.timeout ?? DEFAULT_CASE_TIMEOUT_MS,
    alone: raw.alone ?? false,
    network: raw.network ?? 'loopback',
    ...(Object.keys(variation).length === 0 ? {} : { variation: { writtenId: raw.id, values: variation } }),
    ...excludedOf(raw, variation),
    ...(raw.ephemeralPorts === undefined ? {} : { ephemeralPorts: raw.ephemeralPorts }),
    location: locate([]),
  };
}

/** The tags of every value of the dimensions a case states. */
function variedTags(raw: RawCase): Set<string> {
  return new Set(
    (Object.keys(raw.variations ?? {}) as DimensionName[]).flatMap((dimension) => {
      const values: { readonly [value: string]: { readonly tag: string } } = DIMENSIONS[dimension].values;
      return Object.values(values).map((value) => value.tag);
    }),
  );
}

/** The reason a variation is excluded, if an entry of the case's `excluded` names it (the first that does). */
function excludedOf(raw: RawCase, variation: Variation): { excluded?: string } {
  const exclusion = raw.excluded?.find((entry) => Object.keys(variation).length > 0 && appliesTo(entry.when, variation));
  return exclusion === undefined ? {} : { excluded: exclusion.reason };
}

/** `server: tcp-listener` is short for `server: { kind: tcp-listener, family: F }`, F the variation's family (AF_INET without one). */
function peerSpec(name: string, peer: RawPeer, family: PeerSpec['family']): PeerSpec {
  return typeof peer === 'string' ? { name, kind: peer, family } : { name, kind: peer.kind, family: peer.family ?? family };
}

function buildStep(raw: RawStep, id: string, location: SourceLocation): Step {
  return {
    id,
    call: raw.call,
    args: raw.args ?? {},
    ...(raw.as === undefined ? {} : { as: raw.as }),
    ...(raw.expect === undefined ? {} : { expect: outcomeList(raw.expect).map(alternative) }),
    location,
  };
}

/** A single outcome is the one-element list of alternatives. */
function outcomeList(expect: Outcome | readonly Outcome[]): readonly Outcome[] {
  return isOutcomeList(expect) ? expect : [expect];
}

function isOutcomeList(expect: Outcome | readonly Outcome[]): expect is readonly Outcome[] {
  return Array.isArray(expect);
}

/** `{ as: rejected, returns: SOCKET_ERROR }` → the outcome `{ returns: SOCKET_ERROR }`, named `rejected`. */
function alternative(written: Outcome): Alternative {
  const { [ALTERNATIVE_NAME_KEY]: name, ...outcome } = written;
  return typeof name === 'string' ? { name, outcome } : { outcome };
}

/**
 * Builds the in-memory Case (case.ts) from a case as written, once it has
 * passed the schema: short forms expanded, defaults filled in, step ids
 * given, and each case and step located in its file.
 */
import { ALTERNATIVE_NAME_KEY, DEFAULT_CASE_TIMEOUT_MS, type Alternative, type Case, type ClauseCitation, type Outcome, type PeerSpec, type SourceLocation, type Step } from './case.js';
import type { RawCase, RawPeer, RawStep } from './raw-case.js';
import type { DataPath } from '../yaml/source-map.js';
import { stepIds } from './step-ids.js';

/** `clauses` are its citations, each with its page; `locate` maps a path inside the case (`['steps', 2]`) to its location. */
export function buildCase(raw: RawCase, clauses: readonly ClauseCitation[], locate: (path: DataPath) => SourceLocation): Case {
  const ids = stepIds(raw.steps);
  return {
    id: raw.id,
    title: raw.title,
    ...(raw.description === undefined ? {} : { description: raw.description }),
    clauses,
    tags: raw.tags ?? [],
    peers: Object.entries(raw.peers ?? {}).map(([name, peer]) => peerSpec(name, peer)),
    steps: raw.steps.map((step, index) => buildStep(step, ids[index] ?? step.call, locate(['steps', index]))),
    timeoutMs: raw.timeout ?? DEFAULT_CASE_TIMEOUT_MS,
    alone: raw.alone ?? false,
    network: raw.network ?? 'loopback',
    location: locate([]),
  };
}

/** `server: tcp-listener` is short for `server: { kind: tcp-listener, family: AF_INET }`. */
function peerSpec(name: string, peer: RawPeer): PeerSpec {
  return typeof peer === 'string'
    ? { name, kind: peer, family: 'AF_INET' }
    : { name, kind: peer.kind, family: peer.family ?? 'AF_INET' };
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

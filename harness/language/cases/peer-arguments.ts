/**
 * Arguments that name a recording peer (`peer: echo`, by its plain name, as
 * the runner looks peers up by name) must name a peer of the case whose kind
 * records what it receives.
 */
import { PEER_KINDS, PEER_KIND_NAMES } from '../../../fixtures/catalogue.js';
import { callNamed } from '../calls/index.js';
import type { SourceLocation } from './case.js';
import { problemAt, type Problem } from '../yaml/problem.js';
import type { RawCase, RawPeer } from './raw-case.js';
import type { DataPath } from '../yaml/source-map.js';
import { didYouMean } from '../yaml/suggest.js';


/** `locate` maps a path inside the case (`['steps', 2, 'args', 'peer']`) to its location. */
export function checkPeerArguments(raw: RawCase, locate: (path: DataPath) => SourceLocation): Problem[] {
  const peers = raw.peers ?? {};
  const problems: Problem[] = [];
  raw.steps.forEach((step, index) => {
    const specs = callNamed(step.call)?.args ?? {};
    for (const [argument, value] of Object.entries(step.args ?? {})) {
      if (specs[argument]?.kind !== 'recordingPeer' || typeof value !== 'string') continue;
      const message = peerProblem(argument, value, step.call, peers);
      if (message !== undefined) problems.push(problemAt(locate(['steps', index, 'args', argument]), message));
    }
  });
  return problems;
}

function peerProblem(argument: string, name: string, call: string, peers: { readonly [name: string]: RawPeer }): string | undefined {
  const peer = peers[name];
  if (peer === undefined) {
    const names = Object.keys(peers);
    const known = names.length > 0 ? `its peers: ${names.join(', ')}` : 'it declares no peers';
    return `"${argument}: ${name}" names no peer of this case; ${known}${didYouMean(name, names)}`;
  }
  const kind = typeof peer === 'string' ? peer : peer.kind;
  if (!PEER_KINDS[kind].recordsDatagrams) {
    const recording = PEER_KIND_NAMES.filter((candidate) => PEER_KINDS[candidate].recordsDatagrams).join(' or ');
    return `"${argument}: ${name}" is a ${kind}; ${call} reads what a ${recording} has received`;
  }
  return undefined;
}

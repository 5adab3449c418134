/**
 * `peer.datagrams` names the peer it reads by its plain name (`peer: echo`),
 * as the runner looks peers up by name; only a `udp-peer` records datagrams.
 */
import { PEER_KINDS, PEER_KIND_NAMES } from '../../fixtures/catalogue.js';
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
    const name = step.args['peer'];
    if (step.call !== 'peer.datagrams' || typeof name !== 'string') return;
    const message = peerProblem(name, peers);
    if (message !== undefined) problems.push(problemAt(locate(['steps', index, 'args', 'peer']), message));
  });
  return problems;
}

function peerProblem(name: string, peers: { readonly [name: string]: RawPeer }): string | undefined {
  const peer = peers[name];
  if (peer === undefined) {
    const names = Object.keys(peers);
    const known = names.length > 0 ? `its peers: ${names.join(', ')}` : 'it declares no peers';
    return `"peer: ${name}" names no peer of this case; ${known}${didYouMean(name, names)}`;
  }
  const kind = typeof peer === 'string' ? peer : peer.kind;
  if (!PEER_KINDS[kind].recordsDatagrams) {
    const recording = PEER_KIND_NAMES.filter((candidate) => PEER_KINDS[candidate].recordsDatagrams).join(' or ');
    return `"peer: ${name}" is a ${kind}; peer.datagrams reads what a ${recording} has received`;
  }
  return undefined;
}

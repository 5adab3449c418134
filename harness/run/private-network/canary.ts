/**
 * The private network's canary, run by its runner before any case: proof
 * that the provider's sockets live in the runner's own namespace. A
 * listener on the outer loopback only shows that they do not live outside;
 * a worker whose sockets lived in another run's namespace (through a
 * wineserver shared with it) would fail to reach it too. So the provider
 * must also reach a listener the runner holds inside, and that very
 * listener must accept the connection.
 */
import type { Case } from '../../language/cases/case.js';
import { runCase, type CaseSetting } from '../runner/run-case.js';
import { withinBound } from '../../common/within-bound.js';
import { openCanaryListener } from './canary-listener.js';

/** A listener in this namespace accepts the canary's connection within this (a loopback handshake takes microseconds). */
const INSIDE_ACCEPT_BOUND_MS = 5000;

/**
 * The canary: through the provider, a TCP connect to a listener in this
 * namespace, which must succeed, and one to a listener on the outer loopback,
 * which must fail. Both together say the provider's sockets live here: not
 * outside, and not in another run's namespace (whose loopback has no
 * listener on the inside port, or one that is not this runner's).
 */
function canaryCaseFor(insidePort: number, outsidePort: number): Case {
  const location = { file: '(canary)', line: 1, column: 1 };
  const tcpSocket = { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' };
  const loopback = (port: number) => ({ family: 'AF_INET', address: '127.0.0.1', port });
  return {
    id: 'private-network.canary',
    title: "The provider's sockets live in this namespace: they reach its loopback, not the outer one",
    clauses: [],
    tags: [],
    peers: [],
    steps: [
      { id: 'socket-inside', call: 'socket', args: tcpSocket, as: 'inside', location },
      { id: 'connect-inside', call: 'connect', args: { s: '$inside', name: loopback(insidePort) }, expect: [{ outcome: { returns: 0 } }], location },
      { id: 'socket-outside', call: 'socket', args: tcpSocket, as: 'outside', location },
      { id: 'connect-outside', call: 'connect', args: { s: '$outside', name: loopback(outsidePort) }, expect: [{ outcome: { returns: 'SOCKET_ERROR' } }], location },
    ],
    timeoutMs: 30_000,
    alone: true,
    network: 'private',
    location,
  };
}

/** Runs the canary; undefined when it proves that the provider's sockets live in this namespace, else why not. */
export async function isolationUnproven(outsidePort: number, setting: CaseSetting): Promise<string | undefined> {
  const inside = await openCanaryListener();
  try {
    const canary = await runCase(canaryCaseFor(inside.port, outsidePort), setting);
    if (canary.verdict !== 'PASS') return `the canary ended ${canary.verdict} (${canary.message})`;
    // A listener on the same port in another namespace would accept too: only this one's accept proves the socket lives here.
    const accepted = await withinBound(inside.firstConnection.then(() => true), INSIDE_ACCEPT_BOUND_MS);
    return accepted === true ? undefined : `the canary's connect succeeded, but not to the listener in this namespace (nothing accepted within ${INSIDE_ACCEPT_BOUND_MS} ms)`;
  } finally {
    inside.close();
  }
}


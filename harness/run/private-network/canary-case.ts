/**
 * The private network's canary as a case of the case language: the run's
 * runner makes it through the provider (canary.ts), and so does a repro
 * script of a private case before the case itself.
 */
import type { Case } from '../../language/cases/case.js';

/** A listener in this namespace accepts the canary's connection within this (a loopback handshake takes microseconds). */
export const INSIDE_ACCEPT_BOUND_MS = 5000;

/**
 * The canary: through the provider, a TCP connect to a listener in this
 * namespace, which must succeed, and one to a listener on the outer loopback,
 * which must fail. Both together say the provider's sockets live here: not
 * outside, and not in another run's namespace (whose loopback has no
 * listener on the inside port, or one that is not this runner's).
 */
export function canaryCaseFor(insidePort: number, outsidePort: number): Case {
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


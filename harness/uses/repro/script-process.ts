/**
 * What every process of a repro script shares: the roles it is started in
 * (its second argument, after the koffi), its exit statuses, and how it prints.
 */
import { writeSync } from 'node:fs';

/** The second argument that makes the script one of its own helpers; none, or `case`, makes it the repro itself. */
export const ROLES = {
  /** The case's peers, in a child process of the repro. */
  peers: 'peers',
  /** The steps of a private case, under Wine in the namespace. */
  case: 'case',
  /** The private network's canary, under Wine in the namespace, with the inside and outside listeners' ports. */
  canary: 'canary',
  /** Linux's Node in the new namespaces, with the outside listener's port: makes the private network and runs the rest there. */
  namespace: 'namespace',
} as const;

/**
 * For a private case's steps under Wine: the addresses of the case's peers, as JSON, which the script's
 * process in the namespace started there with Linux's sockets, as a run's runner starts them. (A variable:
 * Wine hands it over as it is, where quotes in a Windows command line would be read again.)
 */
export const PEERS_VARIABLE = 'WINSOCK_CONFORMANCE_REPRO_PEERS';

/** Exit statuses: every step as documented, some step not, the script could not run (a peer, koffi, a refused call, the private network). */
export const EXIT = { asDocumented: 0, differs: 1, couldNotRun: 2 } as const;

export function print(line: string): void {
  // Node for Windows under Wine cannot write to a pipe through process.stdout; a plain write on descriptor 1 works.
  writeSync(1, `${line}\n`);
}

/** The commands the script runs around the case, printed as `set -x` prints them: on stderr, so that stdout's last line stays the report. */
export function echo(line: string): void {
  writeSync(2, `+ ${line}\n`);
}

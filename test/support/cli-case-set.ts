/**
 * Small case sets for tests that run the real command: quick cases, and one
 * that hangs (a blocking connect to a full backlog) so that a run can be cut
 * short while it is under way.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A case that makes a blocking WSAConnect to its peer `to` and documents success. */
function connectCase(id: string, to: 'tcp-listener' | 'never-accepting-listener', extra = ''): string {
  return `
  - id: ${id}
    title: A blocking connect to a ${to}
    clauses: [{ id: return.success, quote: "If no error occurs, WSAConnect returns zero." }]${extra}
    peers: { to: ${to} }
    steps:
      - call: socket
        args: { af: AF_INET, type: SOCK_STREAM, protocol: IPPROTO_TCP }
        as: s
      - call: WSAConnect
        args: { s: $s, name: $to }
        expect: { returns: 0 }
`;
}

export const QUICK_CASE = (id: string): string => connectCase(id, 'tcp-listener');
/** Connects to a full backlog, so the call does not return, and the case's limit is far away. */
export const HANGING_CASE = connectCase('cli.hangs', 'never-accepting-listener', '\n    timeout: 300000');

/** Writes the cases as `cases/cli.yaml` under `dir`; returns the cases folder. */
export function caseSet(dir: string, ...cases: string[]): string {
  const casesDir = join(dir, 'cases');
  mkdirSync(casesDir, { recursive: true });
  writeFileSync(join(casesDir, 'cli.yaml'), `format: 1\npage: WSAConnect\ncases:${cases.join('')}`);
  return casesDir;
}

/** Resolves once `file` holds a line matching `pattern`, within the bound. */
export async function lineIn(file: string, pattern: RegExp, boundMs = 60_000): Promise<void> {
  const deadline = performance.now() + boundMs;
  while (performance.now() < deadline) {
    if (existsSync(file) && pattern.test(readFileSync(file, 'utf8'))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${file} never got a line matching ${String(pattern)}`);
}

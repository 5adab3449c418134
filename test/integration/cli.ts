/** Runs the real `winsock-conformance` command, as a user would, and reads what it wrote. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readResults } from '../../reporters/results-jsonl.js';

/** Compiled to dist/test/integration/: the project root is three levels up. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = fileURLToPath(new URL('../../cli/main.js', import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[]): Promise<CliRun> {
  return runProcess(process.execPath, [CLI, ...args]);
}

/** Runs a command in the project's folder to its end, with what it printed. */
export function runProcess(file: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Verdicts by case id, from a results.jsonl. */
export function verdictsOf(resultsFile: string): Map<string, string> {
  return new Map(readResults(resultsFile).cases.map((result) => [result.id, result.verdict]));
}

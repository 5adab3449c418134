/** Running the external commands provisioning needs, with their output kept for the error message. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A command that failed, with what it printed: callers that know its output pick the line that says why. */
export class CommandFailed extends Error {
  constructor(
    readonly command: string,
    readonly stdout: string,
    readonly stderr: string,
    /** Node's own words when the command printed nothing (it could not start, it was killed…). */
    readonly reason: string,
  ) {
    super(`${command} failed: ${stderr.trim() || reason}`);
  }

  /** The first line of what it printed on stderr (tar's, apt's reason), or Node's words if nothing. */
  get summary(): string {
    return firstLine(this.stderr) || this.reason;
  }
}

export function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim() ?? '';
}

/**
 * How long a provisioning command may take before it is taken for stuck and
 * killed, so that preparing a provider always ends: apt-get and npm over a
 * slow network finish well within it, and a local command (tar, mount, a
 * `wine reg add`) in seconds.
 */
export const COMMAND_BOUND_MS = 15 * 60 * 1000;

export async function run(command: string, args: readonly string[], env: Readonly<Record<string, string>> = {}, boundMs = COMMAND_BOUND_MS): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: boundMs,
      killSignal: 'SIGKILL',
    });
    return stdout;
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string; killed?: boolean; signal?: string | null };
    const reason = failure.killed === true && failure.signal === 'SIGKILL' ? `did not finish within ${boundMs / 1000} s, and was killed` : failure.message;
    throw new CommandFailed(`${command} ${args.join(' ')}`, failure.stdout ?? '', failure.stderr ?? '', reason);
  }
}

/**
 * A provider is a socket stack under test. The harness knows only this much
 * of it: how to make sure it is there, and how to start a worker process
 * that makes calls on it (harness/worker/main.ts, run by the provider's own
 * Node). Everything else — cases, fixtures, verdicts, reports — is shared.
 */

export interface WorkerCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

export interface Provider {
  /** The name used by `--provider` and by `expectations/<name>.yaml`. */
  readonly name: string;
  /** Makes sure the provider can run, installing what it may; throws ProviderUnavailable otherwise. */
  prepare(log: (line: string) => void): Promise<void>;
  /** The command that starts one worker which connects back to the runner on `runnerPort`. */
  workerCommand(workerScript: string, runnerPort: number): WorkerCommand;
}

/** The provider cannot run here; the message says what is missing and the command that fixes it. */
export class ProviderUnavailable extends Error {}

/**
 * A provider is a socket stack under test. The harness knows only this much
 * of it: the binding its worker runs (and so what it can do), how to make
 * sure it is there, and how to start a worker process that makes calls on it
 * (harness/stacks/worker/main.ts, run by the provider's own Node). Everything else —
 * cases, fixtures, verdicts, reports — is shared.
 */
import type { BindingDescription } from '../bindings/catalogue.js';

export interface WorkerCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

export interface Provider {
  /** The name used by `--provider` and by `expectations/<name>.yaml`. */
  readonly name: string;
  /** What its worker runs calls through: Winsock, libc… */
  readonly binding: BindingDescription;
  /** Makes sure the provider can run, installing what it may; throws ProviderUnavailable otherwise. */
  prepare(log: (line: string) => void): Promise<void>;
  /** The command that runs `workerScript` with `workerArgs` (which tell it how to reach the runner, and its binding). */
  workerCommand(workerScript: string, workerArgs: readonly string[]): WorkerCommand;
  /**
   * The same stack, but sharing nothing with this one, nor with another
   * run's, that would carry its sockets out of a network namespace: its
   * workers' sockets live in the namespace they start in. Its prepare() runs
   * in the private network's own network and mount namespaces, and may mount
   * there what it needs. Wine needs this (its sockets live in the wineserver,
   * which serves every worker that finds it); a stack whose sockets belong to
   * the worker process itself needs nothing and returns itself.
   */
  isolated(): Provider;
  /** Ends what `prepare` left running for this provider (an isolated wineserver); a no-op for most. */
  release(): Promise<void>;
}

/** The provider cannot run here; the message says what is missing and the command that fixes it. */
export class ProviderUnavailable extends Error {}

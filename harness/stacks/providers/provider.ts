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
  /** What makes this provider again in another process (the private network's runner), besides its name; none when only the name does. */
  readonly settings?: ProviderSettings;
  /** What its worker runs calls through: Winsock, libc… */
  readonly binding: BindingDescription;
  /**
   * Makes sure the provider can run, installing what it may; throws
   * ProviderUnavailable otherwise. Says which build it prepared, where the
   * provider has several (Wine's `--wine`).
   */
  prepare(log: (line: string) => void): Promise<ProviderBuild | undefined>;
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

/** What a run may say of a provider besides its name, as `createProvider` takes it; serializable. */
export interface ProviderSettings {
  /** For wine: the build, as `--wine` names it (wine/wine-builds.ts); the default build when absent. */
  readonly wine?: string;
}

/** Which build of a provider a run used, where it has several: for results.jsonl and every report. */
export interface ProviderBuild {
  /** As the user names it (`--wine host`, `debian-13`, a path). */
  readonly name: string;
  /** How it was obtained, in a few words: the package and its version, the folder it runs from. */
  readonly origin: string;
  /** The version it says it is (Wine: `10.0`, from `wine --version`), which expectations may name. */
  readonly version: string;
}

/** The provider cannot run here; the message says what is missing and the command that fixes it. */
export class ProviderUnavailable extends Error {}

/**
 * A Provider with no Winsock behind it: its worker is test/support/fake-provider/worker.ts,
 * run by this very Node, which speaks the protocol of harness/stacks/worker/main.ts and
 * does what the test's FakeScript says.
 */
import { fileURLToPath } from 'node:url';
import { BINDINGS } from '../../../harness/stacks/bindings/catalogue.js';
import type { Provider, WorkerCommand } from '../../../harness/stacks/providers/provider.js';
import { JOURNAL_VARIABLE, SCRIPT_VARIABLE, START_DELAY_VARIABLE, type FakeScript } from './script.js';

/** The compiled fake worker, beside this file in dist/. Pass it where the runner takes a worker script. */
export const FAKE_WORKER_SCRIPT = fileURLToPath(new URL('./worker.js', import.meta.url));

export interface FakeProviderOptions {
  readonly script: FakeScript;
  /** File the workers append their JournalEvents to. */
  readonly journal: string;
  /** Defaults to `fake`; it names `expectations/<name>.yaml`. */
  readonly name?: string;
  /** How long each worker takes to start (default: as fast as it can). */
  readonly startDelayMs?: number;
}

export class FakeProvider implements Provider {
  readonly name: string;
  /** The fake speaks the Winsock case language. */
  readonly binding = BINDINGS.winsock;
  private prepared = 0;

  constructor(private readonly options: FakeProviderOptions) {
    this.name = options.name ?? 'fake';
  }

  /** How many times the runner prepared this provider. */
  get prepareCount(): number {
    return this.prepared;
  }

  async prepare(log: (line: string) => void): Promise<undefined> {
    this.prepared++;
    log(`provider ${this.name} is ready`);
    return undefined;
  }

  isolated(): Provider {
    return this;
  }

  async release(): Promise<void> {}

  workerCommand(workerScript: string, workerArgs: readonly string[]): WorkerCommand {
    return {
      command: process.execPath,
      args: [workerScript, ...workerArgs],
      env: {
        [SCRIPT_VARIABLE]: JSON.stringify(this.options.script),
        [JOURNAL_VARIABLE]: this.options.journal,
        [START_DELAY_VARIABLE]: String(this.options.startDelayMs ?? 0),
      },
    };
  }
}

/**
 * A provider whose worker is the harness's own Node running the worker
 * script, and whose sockets belong to that worker process: nothing to start
 * beside it, nothing to end after it, and the same stack in any network
 * namespace it starts in (Windows' own Winsock, the host's libc).
 */
import type { Provider, ProviderBuild, WorkerCommand } from './provider.js';

export abstract class InProcessProvider implements Provider {
  abstract readonly name: Provider['name'];
  abstract readonly binding: Provider['binding'];

  abstract prepare(log: (line: string) => void): Promise<ProviderBuild | undefined>;

  workerCommand(workerScript: string, workerArgs: readonly string[]): WorkerCommand {
    return { command: process.execPath, args: [workerScript, ...workerArgs], env: {} };
  }

  /** The worker's sockets are its own: a worker started in a namespace has them there. */
  isolated(): Provider {
    return this;
  }

  async release(): Promise<void> {}
}

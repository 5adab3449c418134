/**
 * Winsock on Windows itself: the worker runs in this very Node, with the
 * koffi that npm installed for win32.
 */
import { BINDINGS } from '../bindings/catalogue.js';
import type { Provider, WorkerCommand } from './provider.js';
import { ProviderUnavailable } from './provider.js';

export class NativeWinsockProvider implements Provider {
  readonly name = 'native';
  readonly binding = BINDINGS.winsock;

  /** One build: the Windows the run is on, which the worker reports itself. */
  async prepare(): Promise<undefined> {
    if (process.platform !== 'win32') {
      throw new ProviderUnavailable(
        `the native provider is Windows' own Winsock and runs only on Windows (this is ${process.platform}); use --provider wine here`,
      );
    }
    return undefined;
  }

  workerCommand(workerScript: string, workerArgs: readonly string[]): WorkerCommand {
    return { command: process.execPath, args: [workerScript, ...workerArgs], env: {} };
  }

  /** Windows has no network namespaces: the run never asks for an isolated native provider. */
  isolated(): Provider {
    return this;
  }

  async release(): Promise<void> {}
}

/**
 * Wine's ws2_32, driven by Windows Node under Debian's wine64: the same
 * JavaScript and koffi binary a Windows machine runs, on Linux.
 */
import { BINDINGS } from '../../bindings/catalogue.js';
import type { Provider, WorkerCommand } from '../provider.js';
import { ProviderUnavailable } from '../provider.js';
import { windowsPath } from './paths.js';
import { defaultCacheDir, provisionWine, wineEnvironment, wineVariables, type WineEnvironment } from './provision.js';

export class WineProvider implements Provider {
  readonly name = 'wine';
  readonly binding = BINDINGS.winsock;
  private environment: WineEnvironment;

  constructor(private readonly cacheDir = defaultCacheDir()) {
    this.environment = wineEnvironment(cacheDir);
  }

  async prepare(log: (line: string) => void): Promise<void> {
    if (process.platform !== 'linux') {
      throw new ProviderUnavailable(`the wine provider runs on Linux (this is ${process.platform}); on Windows use --provider native`);
    }
    this.environment = await provisionWine(this.cacheDir, log);
  }

  workerCommand(workerScript: string, workerArgs: readonly string[]): WorkerCommand {
    const { wine64, nodeExe, koffiDir } = this.environment;
    return {
      command: wine64,
      args: [nodeExe, windowsPath(workerScript), ...workerArgs, '--koffi', windowsPath(koffiDir)],
      env: wineVariables(this.environment),
    };
  }
}

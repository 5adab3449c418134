/**
 * Wine's ws2_32, driven by Windows Node under Debian's wine64: the same
 * JavaScript and koffi binary a Windows machine runs, on Linux.
 */
import { BINDINGS } from '../../bindings/catalogue.js';
import type { Provider, WorkerCommand } from '../provider.js';
import { ProviderUnavailable } from '../provider.js';
import { windowsPath } from './paths.js';
import { defaultCacheDir, provisionWine, stopWineserver, wineEnvironment, wineVariables, type PrefixName, type WineEnvironment } from './provision.js';

export class WineProvider implements Provider {
  readonly name = 'wine';
  readonly binding = BINDINGS.winsock;
  private environment: WineEnvironment;

  constructor(
    private readonly cacheDir = defaultCacheDir(),
    private readonly prefixName: PrefixName = 'prefix',
  ) {
    this.environment = wineEnvironment(cacheDir, prefixName);
  }

  async prepare(log: (line: string) => void): Promise<void> {
    if (process.platform !== 'linux') {
      throw new ProviderUnavailable(`the wine provider runs on Linux (this is ${process.platform}); on Windows use --provider native`);
    }
    // An isolated prefix's wineserver must start here, in this namespace: one left from an earlier run lives in another.
    if (this.prefixName === 'prefix-private') await stopWineserver(this.environment);
    this.environment = await provisionWine(this.cacheDir, log, this.prefixName);
  }

  /**
   * Wine's sockets live in the wineserver, which serves every worker of a
   * prefix wherever it runs: an isolated provider has a prefix of its own,
   * whose wineserver starts in the namespace its prepare() runs in.
   */
  isolated(): Provider {
    return new WineProvider(this.cacheDir, 'prefix-private');
  }

  async release(): Promise<void> {
    if (this.prefixName === 'prefix-private') await stopWineserver(this.environment);
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

/**
 * Wine's ws2_32, driven by Windows Node under Wine: the same JavaScript and
 * koffi binary a Windows machine runs, on Linux. Which Wine is the build's
 * (wine-builds.ts): the host's by default, `--wine` names another.
 */
import { BINDINGS } from '../../bindings/catalogue.js';
import type { Provider, ProviderBuild, ProviderSettings, WorkerCommand } from '../provider.js';
import { ProviderUnavailable } from '../provider.js';
import { windowsPath } from './paths.js';
import { startPrivateWineserver } from './private-prefix.js';
import { defaultCacheDir, provisionWine, wineCommand, wineEnvironment, type PrefixName, type WineEnvironment } from './provision.js';
import type { WineBuild } from './wine-build.js';
import { startWineserver, stopWineserver } from './wineserver.js';

/**
 * Whose wineserver a provider's workers use: the one all outer runs of the
 * cache share (their sockets live in the machine's network anyway), or one
 * of the private network's own (private-prefix.ts).
 */
type WineserverScope = 'shared' | 'private';

export class WineProvider implements Provider {
  readonly name = 'wine';
  readonly binding = BINDINGS.winsock;
  private environment: WineEnvironment;

  constructor(
    private readonly build: WineBuild,
    readonly settings: ProviderSettings = {},
    private readonly cacheDir = defaultCacheDir(),
    private readonly scope: WineserverScope = 'shared',
  ) {
    this.environment = wineEnvironment(cacheDir, build, this.prefixName());
  }

  async prepare(log: (line: string) => void): Promise<ProviderBuild> {
    if (process.platform !== 'linux') {
      throw new ProviderUnavailable(`the wine provider runs on Linux (this is ${process.platform}); on Windows use --provider native`);
    }
    const provisioned = await provisionWine(this.cacheDir, this.build, log, this.prefixName());
    // The private wineserver starts here, in the private network, on a prefix no other run's server uses.
    if (this.scope === 'private') this.environment = await startPrivateWineserver(this.cacheDir, provisioned.environment);
    else {
      this.environment = provisioned.environment;
      await startWineserver(this.environment);
    }
    return provisioned.build;
  }

  /**
   * Wine's sockets live in the wineserver, which serves every worker that
   * finds it wherever it runs: an isolated provider has a wineserver of its
   * own, started in the namespaces its prepare() runs in.
   */
  isolated(): Provider {
    return new WineProvider(this.build, this.settings, this.cacheDir, 'private');
  }

  async release(): Promise<void> {
    if (this.scope === 'private') await stopWineserver(this.environment);
  }

  workerCommand(workerScript: string, workerArgs: readonly string[]): WorkerCommand {
    const { nodeExe, koffiDir } = this.environment;
    return wineCommand(this.environment, 'loader', [nodeExe, windowsPath(workerScript), ...workerArgs, '--koffi', windowsPath(koffiDir)]);
  }

  private prefixName(): PrefixName {
    // The private servers' prefix is a layer of its own: the shared server writes to `prefix` while runs use it.
    return this.scope === 'private' ? 'prefix-private' : 'prefix';
  }
}

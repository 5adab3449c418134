/**
 * The Wine a private case's script runs under, written down when the script
 * is written: the build's command lines and the cache's Windows Node, koffi
 * and private prefix — those the run's isolated Wine provider uses
 * (stacks/providers/wine/wine-provider.ts).
 */
import { installedKoffi } from '../../stacks/providers/provisioning/versions.js';
import { fixedWineBuild } from '../../stacks/providers/wine/fixed-build.js';
import { wineEnvironment } from '../../stacks/providers/wine/provision.js';
import type { WineBuild } from '../../stacks/providers/wine/wine-build.js';
import type { PrivateWine } from './repro-data.js';

export function privateWineOf(cacheDir: string, build: WineBuild, linuxKoffi: string = installedKoffi().dir): PrivateWine {
  const { nodeExe, koffiDir, prefix } = wineEnvironment(cacheDir, build, 'prefix-private');
  return { build: fixedWineBuild(build), cacheDir, nodeExe, koffiDir, prefix, linuxKoffi };
}

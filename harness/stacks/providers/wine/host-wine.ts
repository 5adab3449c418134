/**
 * The host's own Wine: Debian's wine64 package of this machine, installed
 * with apt-get when the run is root. The default build.
 */
import { existsSync } from 'node:fs';
import { ProviderUnavailable } from '../provider.js';
import { run } from '../provisioning/commands.js';
import { debianPackageVersion, WINE_PACKAGES } from './debian-packages.js';
import type { ProviderBuild } from '../provider.js';
import type { CommandLine, Log, WineBuild, WineProgram } from './wine-build.js';

/** Debian's wine64 package puts its loader here; there is no `wine64` on PATH. */
export const HOST_WINE_LOADER = '/usr/lib/wine/wine64';
const HOST_WINESERVER = '/usr/lib/wine/wineserver';
const APT_INSTALL = ['install', '-y', '--no-install-recommends', ...WINE_PACKAGES];
export const APT_COMMAND = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get ${APT_INSTALL.join(' ')}`;

export const HOST_WINE: WineBuild = {
  name: 'host',
  key: 'host',
  variables: {},

  async prepare(log: Log): Promise<Omit<ProviderBuild, 'version'>> {
    if (!existsSync(HOST_WINE_LOADER)) await installWine(log);
    return { name: 'host', origin: `Debian package wine64 ${await debianPackageVersion([], 'wine64')} of this machine (${HOST_WINE_LOADER})` };
  },

  command(program: WineProgram, args: readonly string[]): CommandLine {
    return { command: program === 'loader' ? HOST_WINE_LOADER : HOST_WINESERVER, args };
  },
};

async function installWine(log: Log): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new ProviderUnavailable(`Wine is not installed (${HOST_WINE_LOADER} is missing). Install it as root with:\n  ${APT_COMMAND}`);
  }
  log('installing wine64 with apt-get (Debian packages)…');
  await run('apt-get', ['update', '-qq']);
  await run('apt-get', ['-qq', ...APT_INSTALL], { DEBIAN_FRONTEND: 'noninteractive' });
  if (!existsSync(HOST_WINE_LOADER)) throw new ProviderUnavailable(`apt-get installed wine64 but ${HOST_WINE_LOADER} is still missing`);
}

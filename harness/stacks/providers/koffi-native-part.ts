/**
 * koffi's native half for the system a run is on. npm installs it as one of
 * koffi's optional dependencies, `@koromix/koffi-<platform>-<arch>`, but only
 * for the system `npm install` ran on: a node_modules made on Linux and run by
 * Windows Node, or installed with optional dependencies left out, has koffi
 * without it, and koffi then fails to load ("Cannot find the native Koffi
 * module"). It is installed here beside koffi, where koffi's loader requires
 * it by name, from the npm registry and checked as the provider cache's
 * pieces are (provisioning/cache-piece.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withCacheLock } from './provisioning/cache-lock.js';
import { ensurePiece } from './provisioning/cache-piece.js';
import { MANIFEST } from './provisioning/piece-manifest.js';
import { installedKoffi } from './provisioning/versions.js';

/** The system koffi's native half is built for, as Node names it. */
export interface KoffiTarget {
  readonly platform: NodeJS.Platform;
  readonly arch: string;
}

/** How koffi 3 names its native half for a system (its loader: `@koromix/koffi-${process.platform}-${process.arch}`). */
export function koffiNativePackage({ platform, arch }: KoffiTarget): string {
  return `@koromix/koffi-${platform}-${arch}`;
}

/** What ensureKoffiNativePart found: npm's own install, or the one it fetched (or had fetched before). */
export type NativePartSource = 'installed by npm' | 'fetched';

/**
 * Makes sure the koffi package in `koffiDir` (the project's own, by default)
 * has its native half for `target`, fetching the one of koffi's own version
 * when it is missing or damaged.
 */
export async function ensureKoffiNativePart(target: KoffiTarget, log: (line: string) => void, koffi = installedKoffi()): Promise<NativePartSource> {
  const name = koffiNativePackage(target);
  // Beside koffi's own folder, in the same node_modules: `require(name)` from koffi finds it there.
  const modules = dirname(koffi.dir);
  const folder = join(modules, ...name.split('/'));
  // npm's install has no manifest of ours; one that has it was fetched here and is checked by content.
  if (existsSync(join(folder, 'package.json')) && !existsSync(join(folder, MANIFEST))) return 'installed by npm';
  mkdirSync(dirname(folder), { recursive: true });
  // Two first runs would fetch into the same folder: one fetches, the other waits and finds it.
  await withCacheLock(modules, log, () => ensurePiece({ folder, packages: [{ spec: `${name}@${koffi.version}`, into: '.' }] }, log));
  return 'fetched';
}

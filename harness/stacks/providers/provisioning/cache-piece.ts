/**
 * Pieces of the provider cache (Windows Node, koffi's win32 part), each a
 * folder unpacked from npm packages. A piece is unpacked into a temporary
 * folder beside it, given a manifest of every file's content, and renamed into
 * place, so it is either whole or absent. Before every run it is checked by
 * content (piece-manifest.ts); a damaged one is fetched and unpacked anew, and
 * when that cannot be done the run stops with the reason (cache-failure.ts).
 * Callers hold the cache lock (cache-lock.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cacheUnusable } from './cache-failure.js';
import { run } from './commands.js';
import { npmPack } from './npm-pack.js';
import { pieceDamage, recordManifest, type PackageSource } from './piece-manifest.js';

/** An npm package a piece is unpacked from. */
export interface PiecePackage {
  readonly spec: string;
  /** Folder inside the piece the package's contents go to. */
  readonly into: string;
}

/** A folder of the cache and the npm packages it is unpacked from. */
export interface CachePiece {
  readonly folder: string;
  readonly packages: readonly PiecePackage[];
}

/** Makes sure the piece is there and whole, fetching it (again) from the npm registry if not. */
export async function ensurePiece({ folder: target, packages }: CachePiece, log: (line: string) => void): Promise<void> {
  const present = statSync(target, { throwIfNoEntry: false }) !== undefined;
  const damage = present ? await pieceDamage(target) : undefined;
  if (present && damage === undefined) return;
  if (damage !== undefined) log(`the cached ${target} cannot be used (${damage}); fetching it again`);
  try {
    // Nothing of it is worth keeping: a damaged piece, or folders a killed fetch left (freeing their room first).
    removeWithLeftovers(target);
    await fetchPiece(target, packages, log);
  } catch (error) {
    const problem =
      damage === undefined
        ? `${packages.map(({ spec }) => spec).join(' and ')} could not be fetched into the provider cache`
        : `the cached ${target} cannot be used (${damage}) and could not be fetched again`;
    throw cacheUnusable(problem, error, dirname(target));
  }
}

async function fetchPiece(target: string, packages: readonly PiecePackage[], log: (line: string) => void): Promise<void> {
  const staging = mkdtempSync(`${target}${PARTIAL}`);
  try {
    const sources: PackageSource[] = [];
    for (const { spec, into } of packages) {
      log(`fetching ${spec} from the npm registry…`);
      const tarball = await npmPack(spec, staging);
      const destination = join(staging, into);
      mkdirSync(destination, { recursive: true });
      await run('tar', ['-xzf', tarball.file, '-C', destination, '--strip-components=1']);
      rmSync(tarball.file);
      sources.push({ spec, integrity: tarball.integrity });
    }
    await recordManifest(staging, sources);
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** A piece being fetched is unpacked into `<target>.partial-XXXXXX` before it is renamed into place. */
const PARTIAL = '.partial-';

function removeWithLeftovers(target: string): void {
  const prefix = `${basename(target)}${PARTIAL}`;
  const leftovers = readdirSync(dirname(target)).filter((name) => name.startsWith(prefix));
  for (const path of [target, ...leftovers.map((name) => join(dirname(target), name))]) rmSync(path, { recursive: true, force: true });
}

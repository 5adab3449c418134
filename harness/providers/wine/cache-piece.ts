/**
 * Pieces of the provider cache (Windows Node, koffi's win32 part), each a
 * folder unpacked from an npm package. A piece is unpacked into a temporary
 * folder, given a manifest of every file's size, and renamed into place; a
 * piece whose files do not match its manifest (a truncated node.exe, a file
 * deleted by hand, a folder from before manifests) is fetched again.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from './commands.js';

export const MANIFEST = '.winsock-conformance-manifest.json';

export interface NpmPiece {
  readonly spec: string;
  /** Folder inside the target the package's contents go to. */
  readonly into: string;
}

interface Manifest {
  /** Size in bytes of every file of the piece, by path inside it. */
  readonly files: Readonly<Record<string, number>>;
}

/** Why the piece at `target` cannot be used as it is, or undefined when it is whole. */
export function pieceDamage(target: string): string | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(target, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return 'it has no manifest';
  }
  for (const [file, size] of Object.entries(manifest.files)) {
    const actual = statSync(join(target, file), { throwIfNoEntry: false })?.size;
    if (actual === undefined) return `${file} is missing`;
    if (actual !== size) return `${file} is ${actual} bytes, not ${size}`;
  }
  return undefined;
}

/** Makes sure the piece at `target` is there and whole, fetching it (again) from the npm registry if not. */
export async function ensurePiece(target: string, pieces: readonly NpmPiece[], log: (line: string) => void): Promise<void> {
  if (statSync(target, { throwIfNoEntry: false }) !== undefined) {
    const damage = pieceDamage(target);
    if (damage === undefined) return;
    log(`the cached ${target} cannot be used (${damage}); fetching it again`);
    rmSync(target, { recursive: true, force: true });
  }
  const staging = mkdtempSync(`${target}.partial-`);
  try {
    for (const piece of pieces) {
      log(`fetching ${piece.spec} from the npm registry…`);
      // These packages are marked os: win32, so `npm install` refuses them here; `npm pack` fetches them as they are.
      const packed = JSON.parse(await run('npm', ['pack', piece.spec, '--pack-destination', staging, '--json'])) as { filename: string }[];
      const tarball = join(staging, packed[0]?.filename ?? '');
      const destination = join(staging, piece.into);
      mkdirSync(destination, { recursive: true });
      await run('tar', ['-xzf', tarball, '-C', destination, '--strip-components=1']);
      rmSync(tarball);
    }
    writeManifest(staging);
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

export function writeManifest(dir: string): void {
  const files = Object.fromEntries(filesBelow(dir).map((file) => [relative(dir, file), statSync(file).size]));
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify({ files } satisfies Manifest)}\n`);
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(path) : entry.isFile() ? [path] : [];
  });
}

/**
 * The manifest beside each cache piece: the npm packages it was unpacked from
 * (with the registry's integrity, which npm checked on each tarball) and, for
 * every file, its size and the SHA-256 of its content as unpacked. A piece is
 * checked against it before every run, by content: a file changed in place
 * keeps its size (a flipped byte in node.exe does), not its hash.
 *
 * Cost, measured on this project's 2-core machine with the files in the page
 * cache (as after any recent run): about 50 ms for node.exe (72 MB, read in
 * 1 MiB chunks so the event loop is never held more than a few ms) and 6 ms
 * for koffi's 93 files; up to 230 ms for node.exe under a load of 15.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

export const MANIFEST = '.winsock-conformance-manifest.json';
const READ_CHUNK = 1024 * 1024;

/** A package a piece was unpacked from, as the registry identifies its tarball. */
export interface PackageSource {
  readonly spec: string;
  readonly integrity: string;
}

interface FileRecord {
  readonly size: number;
  readonly sha256: string;
}

interface Manifest {
  readonly packages: readonly PackageSource[];
  /** Every file of the piece, by path inside it. */
  readonly files: Readonly<Record<string, FileRecord>>;
}

/** Writes the manifest of the files now in `dir` (a piece just unpacked, before it is renamed into place). */
export async function recordManifest(dir: string, packages: readonly PackageSource[]): Promise<void> {
  const files: Record<string, FileRecord> = {};
  for (const file of filesBelow(dir)) {
    const path = relative(dir, file);
    // A manifest cannot vouch for itself (and one of an earlier unpacking is replaced here).
    const { size } = statSync(file);
    if (path !== MANIFEST) files[path] = { size, sha256: await sha256Of(file, size) };
  }
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify({ packages, files } satisfies Manifest)}\n`);
}

/** Why the piece at `target` cannot be used as it is, or undefined when every file is as it was unpacked. */
export async function pieceDamage(target: string): Promise<string | undefined> {
  const manifest = readManifest(join(target, MANIFEST));
  if (typeof manifest === 'string') return manifest;
  const records = Object.entries(manifest.files);
  // Sizes first: a truncated or missing file is found without reading anything.
  for (const [file, { size }] of records) {
    let actual: number | undefined;
    try {
      actual = statSync(join(target, file), { throwIfNoEntry: false })?.size;
    } catch (error) {
      return unreadable(file, error);
    }
    if (actual === undefined) return `${file} is missing`;
    if (actual !== size) return `${file} is ${actual} bytes, not ${size}`;
  }
  for (const [file, { size, sha256 }] of records) {
    let actual: string;
    try {
      actual = await sha256Of(join(target, file), size);
    } catch (error) {
      return unreadable(file, error);
    }
    if (actual !== sha256) return `${file} has changed since it was unpacked`;
  }
  return undefined;
}

/** A file in the way of the check (a folder where the file was, no permission, a failing disk) is damage too. */
function unreadable(file: string, error: unknown): string {
  return `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
}

/** The manifest, or why there is none that can vouch for the piece's content. */
function readManifest(path: string): Manifest | string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 'it has no manifest';
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'its manifest is not valid JSON';
  }
  const { packages, files } = (parsed ?? {}) as { packages?: unknown; files?: unknown };
  if (typeof files !== 'object' || files === null || Object.keys(files).length === 0) return 'its manifest lists no files';
  if (!Object.values(files).every(isFileRecord)) return 'its manifest predates content hashes';
  if (!Array.isArray(packages) || packages.length === 0) return 'its manifest names no package';
  return parsed as Manifest;
}

function isFileRecord(value: unknown): value is FileRecord {
  const record = value as Partial<FileRecord> | null;
  return typeof record?.size === 'number' && typeof record.sha256 === 'string';
}

/** Small files are read whole (a stream per file costs more than the hashing); large ones in chunks, leaving the event loop free. */
async function sha256Of(file: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  if (size <= READ_CHUNK) hash.update(await readFile(file));
  else await pipeline(createReadStream(file, { highWaterMark: READ_CHUNK }), hash);
  return hash.digest('hex');
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(path) : entry.isFile() ? [path] : [];
  });
}

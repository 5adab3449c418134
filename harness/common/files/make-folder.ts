/**
 * Makes an output folder (and its parents), telling a path that names the
 * wrong thing (bad input, UnusablePath) from a file system that refuses to
 * store anything (OutputNotWritten). Node's recursive mkdir reports ENOENT
 * for a parent it could not make on a read-only file system; the folders
 * are made one by one here, so the real reason (EROFS, EACCES) comes back.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { messageOf } from '../message-of.js';
import { UnusablePath } from './unusable-path.js';
import { isStorageRefusal, OutputNotWritten } from './output-not-written.js';

/** Creates `dir` if needed; throws UnusablePath or OutputNotWritten, each saying what to do. */
export function makeFolder(dir: string, option = '--out'): void {
  try {
    const found = statSync(dir, { throwIfNoEntry: false });
    if (found?.isDirectory() === false) throw new UnusablePath(`${option} ${dir} is a file, not a folder; name a folder for the reports`);
    if (found === undefined) missingFolders(dir).forEach(makeOne);
  } catch (error) {
    if (error instanceof UnusablePath) throw error;
    if (isStorageRefusal(error)) throw new OutputNotWritten(dir, error);
    throw new UnusablePath(`cannot create the report folder ${dir}: ${messageOf(error)}; choose another ${option}`);
  }
}

/** `dir` and those of its parents that do not exist, outermost first. */
function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let folder = dir; statSync(folder, { throwIfNoEntry: false }) === undefined && dirname(folder) !== folder; folder = dirname(folder)) missing.unshift(folder);
  return missing;
}

function makeOne(folder: string): void {
  try {
    mkdirSync(folder);
  } catch (error) {
    // Made meanwhile by another process: what was wanted.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory()) throw error;
  }
}

/** Folder entries seen through their links: what the project's loaders list, a link counts as what it points to. */
import { statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';

/** `entry` of `dir` as it is, or a symbolic link as what it points to; undefined for a dangling link. */
export function followedEntry(dir: string, entry: Dirent): Dirent | Stats | undefined {
  return entry.isSymbolicLink() ? statSync(path.join(dir, entry.name), { throwIfNoEntry: false }) : entry;
}

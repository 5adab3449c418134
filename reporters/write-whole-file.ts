/**
 * Writes a report file whole or not at all (harness/common/files/whole-writes.ts):
 * a full disk or a killed process never leaves half a file where a complete
 * one is expected, and a file that could not be written is an
 * OutputNotWritten naming it.
 */
import * as path from 'node:path';
import { makeFolder } from '../harness/common/files/make-folder.js';
import { writeWholeFile as writeWhole } from '../harness/common/files/whole-writes.js';

/** Writes `content` to `name` in `dir` (made if needed); returns the file's path. */
export function writeWholeFile(dir: string, name: string, content: string): string {
  makeFolder(dir);
  const file = path.join(dir, name);
  writeWhole(file, content);
  return file;
}

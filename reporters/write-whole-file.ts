/**
 * Writes a report file whole or not at all: to a temporary name, then renamed
 * into place, so that a full disk or a killed process never leaves half a
 * file where a complete one is expected.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** Writes `content` to `name` in `dir` (made if needed); returns the file's path. */
export function writeWholeFile(dir: string, name: string, content: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileAtomic.sync(file, content);
  return file;
}

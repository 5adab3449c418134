/**
 * A provider cache that cannot be made whole here: one line (exit status 2)
 * with what is wrong, why it could not be repaired, and what to do about it.
 */
import { existsSync, statfsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { messageOf } from '../../../common/message-of.js';
import { ProviderUnavailable } from '../provider.js';
import { CommandFailed } from './commands.js';
import { FetchFailed } from './npm-pack.js';

export class CacheUnusable extends ProviderUnavailable {}

/** Room a fetch needs at most: Windows Node unpacked (72 MB) beside its tarball (29 MB), with a margin. */
export const ROOM_NEEDED_BYTES = 128 * 1024 * 1024;

/** `problem` says what could not be done ("the cached X cannot be used (…) and could not be fetched again"); `error` why. */
export function cacheUnusable(problem: string, error: unknown, cacheDir: string): CacheUnusable {
  return new CacheUnusable(`${problem}: ${reasonOf(error)}; ${remedy(error, cacheDir)}`);
}

function reasonOf(error: unknown): string {
  if (error instanceof CommandFailed) {
    const program = basename(error.command.split(' ')[0] ?? '');
    return error.summary.startsWith(`${program}:`) ? error.summary : `${program}: ${error.summary}`;
  }
  // One line: a message that goes on (a command's output) says why in its first.
  return messageOf(error).split('\n')[0] ?? '';
}

function remedy(error: unknown, cacheDir: string): string {
  const other = 'or set WINSOCK_CONFORMANCE_CACHE to another folder';
  const said = error instanceof CommandFailed ? `${error.stderr}\n${error.reason}` : messageOf(error);
  // A full disk stops npm and tar too, and tar does not always say so ("Wrote only 4608 of 10240 bytes"): the room left tells.
  const free = freeBytes(cacheDir);
  if (/ENOSPC|no space left/i.test(said) || (free !== undefined && free < ROOM_NEEDED_BYTES)) {
    const room = free === undefined ? '' : ` (${megabytes(free)} MB free, a fetch needs up to ${megabytes(ROOM_NEEDED_BYTES)} MB)`;
    return `free space on the disk that holds ${cacheDir}${room}, ${other} on another disk`;
  }
  if (/EACCES|EPERM|EROFS|permission denied|read-only file system/i.test(said)) return `let this user write to ${cacheDir}, ${other}`;
  // proper-lockfile gave up waiting (cache-lock.ts): the cache is not broken, only busy.
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ELOCKED') return `another run is still preparing ${cacheDir}: wait for it to end and run again, ${other}`;
  if (error instanceof FetchFailed) return `make the npm registry reachable (see \`npm config get registry\`) and run again, ${other} that holds a whole cache`;
  return `delete ${cacheDir} and run again (it is fetched and made anew), ${other}`;
}

/** Bytes this user may still write on the disk that holds `dir` (or its nearest existing parent). */
function freeBytes(dir: string): number | undefined {
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    const { bavail, bsize } = statfsSync(existing);
    return bavail * bsize;
  } catch {
    return undefined;
  }
}

function megabytes(bytes: number): number {
  return Math.floor(bytes / (1024 * 1024));
}

/**
 * A provider cache that cannot be made whole here: one line (exit status 2)
 * with what is wrong, why it could not be repaired, and what to do about it.
 */
import { messageOf } from '../../message-of.js';
import { ProviderUnavailable } from '../provider.js';
import { CommandFailed } from './commands.js';
import { FetchFailed } from './npm-pack.js';

export class CacheUnusable extends ProviderUnavailable {}

/** `problem` says what could not be done ("the cached X cannot be used (…) and could not be fetched again"); `error` why. */
export function cacheUnusable(problem: string, error: unknown, cacheDir: string): CacheUnusable {
  const reason = reasonOf(error);
  return new CacheUnusable(`${problem}: ${reason}; ${remedy(reason, error, cacheDir)}`);
}

function reasonOf(error: unknown): string {
  if (error instanceof CommandFailed) return `${error.command}: ${error.summary}`;
  // One line: a message that goes on (a command's output) says why in its first.
  return messageOf(error).split('\n')[0] ?? '';
}

function remedy(reason: string, error: unknown, cacheDir: string): string {
  const other = 'or set WINSOCK_CONFORMANCE_CACHE to another folder';
  // A full disk stops npm and tar too: it is what to fix whichever step met it.
  if (/ENOSPC|no space left/i.test(reason)) return `free space on the disk that holds ${cacheDir}, ${other} on another disk`;
  if (/EACCES|EPERM|EROFS|permission denied|read-only file system/i.test(reason)) return `make ${cacheDir} writable for this user, ${other}`;
  // proper-lockfile gave up waiting (cache-lock.ts): the cache is not broken, only busy.
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ELOCKED') return `another run is still preparing ${cacheDir}: wait for it to end and run again, ${other}`;
  if (error instanceof FetchFailed) return `make the npm registry reachable (see \`npm config get registry\`) and run again, ${other} that holds a whole cache`;
  return `delete ${cacheDir} and run again (it is fetched and made anew), ${other}`;
}

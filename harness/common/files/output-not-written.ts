/**
 * A file the run had to write could not be written (README, "Exit status"
 * 3): the message names the file, what the file system said and what to do.
 * Distinct from bad input (2) and from findings (1), so that CI never reads
 * a full disk as red verdicts.
 */
import { messageOf } from '../message-of.js';

/** What each errno of a refused write means for the user, and what to do about it. */
const STORAGE_REFUSALS: { readonly [code: string]: { readonly what: string; readonly todo: string } } = {
  ENOSPC: { what: 'no space left on the device', todo: 'free some space there or choose another --out' },
  EDQUOT: { what: 'the disk quota is used up', todo: 'free some space there or choose another --out' },
  EFBIG: { what: 'the file would be larger than the file system allows', todo: 'choose another --out' },
  EROFS: { what: 'the file system is read-only', todo: 'choose another --out' },
  EACCES: { what: 'permission denied', todo: 'make the folder writable or choose another --out' },
  EPERM: { what: 'operation not permitted', todo: 'make the folder writable or choose another --out' },
  EIO: { what: 'an input/output error of the device', todo: 'check the disk or choose another --out' },
};

/** Whether `error` is the file system refusing to store data, rather than a path that names the wrong thing. */
export function isStorageRefusal(error: unknown): boolean {
  return Object.hasOwn(STORAGE_REFUSALS, codeOf(error) ?? '');
}

export class OutputNotWritten extends Error {
  /** The errno name, when the system gave one (ENOSPC…). */
  readonly code: string | undefined;

  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const code = codeOf(cause);
    const refusal = code === undefined ? undefined : STORAGE_REFUSALS[code];
    super(`could not write ${file}: ${refusal === undefined ? messageOf(cause) : `${refusal.what} (${code}); ${refusal.todo}`}`, { cause });
    this.code = code;
  }
}

/** The cause as an OutputNotWritten for `file`, unless it already is one. */
export function notWritten(file: string, cause: unknown): OutputNotWritten {
  return cause instanceof OutputNotWritten ? cause : new OutputNotWritten(file, cause);
}

function codeOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

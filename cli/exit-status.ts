/** What the command's exit status means (README, "Exit status"). */
export const EXIT = {
  /** Every verdict is PASS, KNOWN or SKIP (or: nothing wrong was found). */
  green: 0,
  /** Some verdict is FAIL, XPASS, ERROR, TIMEOUT or CRASH. */
  red: 1,
  /** Bad input (command line, case or expectations files, paths), or a provider that cannot run here. */
  badInput: 2,
  /** A result or report could not be written: the file system refused (full, quota, read-only, not permitted). */
  notWritten: 3,
  /** Stopped by SIGINT (128 + 2) or SIGTERM (128 + 15). */
  SIGINT: 130,
  SIGTERM: 143,
} as const;

/** A mistake on the command line, or a path it names; the message says what to do. */
export class UsageError extends Error {}

/**
 * What the provider wrote to provider.log while one case ran: the lines a
 * reader of a CRASH or TIMEOUT wants beside the verdict (Wine's crash dump,
 * Node's last words), without opening the whole log.
 */
import { fstatSync, readSync } from 'node:fs';
import type { CaseResult } from '../../judging/results/result.js';

/** Lines kept from the end of what the case wrote. */
const MAX_LINES = 40;
/** Bytes read at most: the end of a long crash dump is the part that says where. */
const MAX_BYTES = 16 * 1024;

/** Where the log ends now, to read what is written after. */
export function logMark(fd: number): number {
  return fstatSync(fd).size;
}

/** The last lines written to the log since `mark`, or undefined when nothing was (or it cannot be read back). */
export function logSince(fd: number, mark: number): string | undefined {
  try {
    return lastLines(fd, mark);
  } catch {
    // The excerpt is a courtesy: a log that cannot be read back must not cost the run.
    return undefined;
  }
}

function lastLines(fd: number, mark: number): string | undefined {
  const end = fstatSync(fd).size;
  const start = Math.max(mark, end - MAX_BYTES);
  if (end <= start) return undefined;
  const buffer = Buffer.alloc(end - start);
  readSync(fd, buffer, 0, buffer.length, start);
  const lines = buffer.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const text = lines.slice(-MAX_LINES).join('\n');
  return text.trim() === '' ? undefined : text;
}

/**
 * A case that ended in the provider's death or hang carries what the provider
 * wrote meanwhile (with several lanes, other workers' lines may be among them).
 */
export function withLogExcerpt(result: CaseResult, logFd: number, mark: number): CaseResult {
  if (result.verdict !== 'CRASH' && result.verdict !== 'TIMEOUT' && result.interruptedAt === undefined) return result;
  const excerpt = logSince(logFd, mark);
  return excerpt === undefined ? result : { ...result, logExcerpt: excerpt };
}

/**
 * Reads a YAML source file as text, refusing what a loader must not swallow:
 * oversized files (a case file is a few kilobytes; megabytes mean a mistake
 * or an attack), bytes that are not UTF-8, and empty files.
 */
import { readFileSync, statSync } from 'node:fs';
import type { SourceLocation } from './problem.js';
import { problemAt, startOf, type Problem } from './problem.js';
import { messageOf } from '../../common/message-of.js';

export const MAX_SOURCE_BYTES = 1024 * 1024;

export type SourceText = { readonly text: string } | { readonly problem: Problem };

/**
 * Reads `absolutePath`; `file` is the name used in problems (relative to the
 * project root), and `expected` says what the file should hold, for the
 * message about an empty file (e.g. "a `cases:` list").
 */
export function readSourceText(absolutePath: string, file: string, expected: string): SourceText {
  let size: number;
  try {
    // Checked before reading, so an oversized file is never loaded into memory.
    size = statSync(absolutePath).size;
  } catch (error) {
    return { problem: problemAt(startOf(file), `cannot read the file: ${messageOf(error)}`) };
  }
  if (size > MAX_SOURCE_BYTES) {
    return {
      problem: problemAt(
        startOf(file),
        `file is ${size} bytes, over the limit of ${MAX_SOURCE_BYTES} bytes (1 MiB); split it into smaller files`,
      ),
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { problem: problemAt(startOf(file), `cannot read the file: ${messageOf(error)}`) };
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return {
      problem: problemAt(
        firstInvalidUtf8(bytes, file),
        'file is not valid UTF-8 (save it as UTF-8; the first bad byte is here)',
      ),
    };
  }
  if (text.trim() === '') {
    return { problem: emptyFileProblem(file, expected) };
  }
  return { text };
}

export function emptyFileProblem(file: string, expected: string): Problem {
  return problemAt(startOf(file), `file is empty; it should hold ${expected}`);
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Where the first invalid byte sequence is. The lenient decoder turns it into
 * U+FFFD; a U+FFFD that the file really contains is told apart by its own
 * three bytes (EF BF BD) at that offset.
 */
function firstInvalidUtf8(bytes: Uint8Array, file: string): SourceLocation {
  const text = new TextDecoder('utf-8').decode(bytes);
  let offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // the decoder drops a BOM
  let line = 1;
  let column = 1;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const isGenuineReplacement = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (codePoint === 0xfffd && !isGenuineReplacement) break;
    offset += Buffer.byteLength(char, 'utf8');
    if (char === '\n') {
      line++;
      column = 1;
    } else {
      column += char.length; // UTF-16 units, as the YAML parser counts columns
    }
  }
  return { file, line, column };
}


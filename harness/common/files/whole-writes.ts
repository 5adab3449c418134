/**
 * Writes that are whole or not at all. write(2) may store fewer bytes than it
 * was given (a disk that fills up part-way), and fs.writeSync returns that
 * count rather than throwing; every write here loops until every byte is
 * stored, or fails. A file is written to a temporary name, flushed and
 * renamed into place, so no reader ever finds half of it; a line appended to
 * a file is cut off again when it cannot be stored whole.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { notWritten } from './output-not-written.js';

/** fs.writeSync's shape for a buffer: how many bytes it stored. */
export type WriteBytes = (fd: number, buffer: Uint8Array, offset: number, length: number) => number;

/** Stores every byte of `data` at `fd`'s position, looping over short writes; throws when the system refuses. */
export function writeAll(fd: number, data: string | Uint8Array, write: WriteBytes = writeSync): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let offset = 0; offset < bytes.length; ) {
    const written = write(fd, bytes, offset, bytes.length - offset);
    // write(2) stores nothing only when it fails, and then it throws; never loop on a zero.
    if (!(written > 0)) throw new Error(`the system stored no byte of the ${bytes.length - offset} left to write`);
    offset += written;
  }
}

let temporaries = 0;

/**
 * Writes `content` as `file`, whole: to a temporary file beside it, flushed
 * to the disk, then renamed over `file`. On failure the temporary file is
 * removed, `file` is as it was, and an OutputNotWritten says why.
 */
export function writeWholeFile(file: string, content: string, write: WriteBytes = writeSync): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${temporaries++}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx');
    writeAll(fd, content, write);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, file);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    rmSync(temporary, { force: true });
    throw notWritten(file, error);
  }
}

/** Appends `line` to `file` whole; when it cannot be stored whole, the file is cut back to where it was and an OutputNotWritten says why. */
export function appendWholeLine(file: string, line: string, write: WriteBytes = writeSync): void {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'a');
    const before = fstatSync(fd).size;
    try {
      writeAll(fd, line, write);
    } catch (error) {
      ftruncateSync(fd, before);
      throw error;
    }
  } catch (error) {
    throw notWritten(file, error);
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/**
 * Removes the `file` an earlier run left, so that it can neither mix with
 * this run's nor stand in for it when this run cannot write its own.
 */
export function discardEarlier(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch (error) {
    throw notWritten(file, error);
  }
}

/** Closing after a failed write must not hide the failure that matters. */
function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The descriptor is released either way.
  }
}

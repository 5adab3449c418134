/** Damage that keeps a file's size: what a check of sizes alone cannot see. */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** Inverts the byte at offset `at` of `file`, in place. */
export function flipByte(file: string, at: number): void {
  const fd = openSync(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, at);
    writeSync(fd, Buffer.from([(byte[0] ?? 0) ^ 0xff]), 0, 1, at);
  } finally {
    closeSync(fd);
  }
}

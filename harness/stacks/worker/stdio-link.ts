/**
 * The worker's end of its link to the runner: its own stdin and stdout
 * pipes, read and written synchronously. Node for Windows under Wine cannot
 * use a pipe as `process.stdin`/`process.stdout`, but plain fs reads and
 * writes on descriptors 0 and 1 work; and a link that is not a socket keeps
 * the worker's own traffic out of the stack under test (a case that ends
 * every WSAStartup of the process must not cut its link).
 */
import { readSync } from 'node:fs';
import { writeAll } from '../../common/files/whole-writes.js';

const STDIN = 0;
const STDOUT = 1;

export class StdioLink {
  private pending = '';
  private readonly chunk = Buffer.alloc(64 * 1024);

  /** The next line from the runner, or undefined once the runner has closed the link. */
  readLine(): string | undefined {
    for (;;) {
      const end = this.pending.indexOf('\n');
      if (end >= 0) {
        const line = this.pending.slice(0, end);
        this.pending = this.pending.slice(end + 1);
        return line;
      }
      const read = readSync(STDIN, this.chunk, 0, this.chunk.length, null);
      if (read === 0) return undefined;
      this.pending += this.chunk.subarray(0, read).toString('utf8');
    }
  }

  /** A reply can be longer than a pipe takes in one write (a recv of 64 KiB): it is written in as many as it needs. */
  writeLine(line: string): void {
    writeAll(STDOUT, `${line}\n`);
  }
}

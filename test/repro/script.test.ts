/**
 * Repro scripts: written from a case alone, self-contained (they run in a
 * context that has nothing but what Node gives a CommonJS file), honest
 * about peers they cannot make, and — under Wine — observing what the
 * harness observes for the same case.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type { Case } from '../../harness/language/cases/case.js';
import { findCaseFiles } from '../../harness/language/cases/load.js';
import { CASES_DIR } from '../../harness/common/project-paths.js';
import { windowsPath } from '../../harness/stacks/providers/wine/paths.js';
import { defaultCacheDir, wineCommand, wineEnvironment } from '../../harness/stacks/providers/wine/provision.js';
import { HOST_WINE, HOST_WINE_LOADER } from '../../harness/stacks/providers/wine/host-wine.js';
import { REPRO_CALLS, type ReproWinsock } from '../../harness/uses/repro/runtime.js';
import { reproScript } from '../../harness/uses/repro/script.js';
import { behaviourKey } from '../../harness/judging/results/stable-observation.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { load } from '../cases/helpers.js';
import { runCli } from '../integration/cli.js';

const SUITE: readonly Case[] = load(...findCaseFiles(CASES_DIR)).cases;
const OPTIONS = { provider: 'wine', harnessVersion: '9.9.9', runHint: 'node repro.cjs' };

function caseNamed(id: string): Case {
  const found = SUITE.find((testCase) => testCase.id === id);
  if (found === undefined) throw new Error(`no case ${id}`);
  return found;
}

function scriptOf(id: string): string {
  const made = reproScript(caseNamed(id), OPTIONS);
  if ('unavailable' in made) throw new Error(made.unavailable);
  return made.script;
}

/** A ws2_32 whose functions return what `answers` says, recording each call. */
function fakeWinsock(answers: Record<string, (...args: unknown[]) => unknown>, lastError = 10013): { ws: ReproWinsock; calls: string[] } {
  const calls: string[] = [];
  const fn = Object.fromEntries(
    Object.entries(answers).map(([name, answer]) => [
      name,
      (...args: unknown[]) => {
        calls.push(name);
        return answer(...args);
      },
    ]),
  );
  const ws: ReproWinsock = { fn, getLastError: () => lastError, setLastError: () => undefined, errorNames: { '10013': 'WSAEACCES' }, open: new Set(), startups: 0 };
  return { ws, calls };
}

describe('repro scripts', () => {
  it('say plainly that a peer Node cannot make standalone is needed, and make no script', () => {
    const made = reproScript(caseNamed('tcp.nonblocking.pending-second-call-is-wsaealready'), OPTIONS);
    expect(made).to.have.property('unavailable').that.matches(/needs the peer "busy", a never-accepting-listener, which a standalone script cannot make/);
  });

  it('carry the case, its clauses, its steps as written, the fingerprint and how to run them, and nothing that ends the comment early', () => {
    const script = scriptOf('udp.broadcast-without-so-broadcast-is-wsaeacces');
    expect(script).to.match(/^#!\/usr\/bin\/env node\n\/\*\n \* Repro of udp\.broadcast-without-so-broadcast-is-wsaeacces: /);
    expect(script).to.contain(' *   WSAConnect: WSAConnect(s=$s, name=255.255.255.255:9) — documented: SOCKET_ERROR WSAEACCES');
    expect(script).to.contain(' * Run: node repro.cjs');
    const evil = reproScript({ ...caseNamed('udp.broadcast-without-so-broadcast-is-wsaeacces'), title: 'ends */ early\nprocess.exit(3)' }, OPTIONS);
    const headerOf = (text: string) => text.slice(0, text.indexOf("'use strict';"));
    expect('script' in evil && headerOf(evil.script).match(/\*\//g)).to.have.length(1);
    expect('script' in evil && headerOf(evil.script)).to.contain(' * Repro of udp.broadcast-without-so-broadcast-is-wsaeacces: ends * / early process.exit(3)');
    expect(script).to.contain('"af": 2');
    expect(script).to.contain('function fingerprint(koffi)');
  });

  it('run with nothing but what Node gives a CommonJS file, and print each observation beside the page', async () => {
    const printed: string[] = [];
    const ws2 = (prototype: string) => {
      const name = /([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(prototype)?.[1];
      const answers: Record<string, (...args: unknown[]) => unknown> = { socket: () => 7, WSAConnect: () => -1, WSAGetLastError: () => 10013 };
      return answers[name ?? ''] ?? (() => 0);
    };
    const koffi = { version: 'fake', struct: () => undefined, load: (dll: string) => ({ func: dll === 'ntdll.dll' ? () => { throw new Error('not Wine'); } : ws2 }) };
    const modules: Record<string, unknown> = {
      koffi,
      'node:fs': { writeSync: (_fd: number, text: string) => void printed.push(text.trimEnd()) },
      'node:os': { type: () => 'Windows_NT', release: () => '10.0.22631', version: () => 'Windows 11 Pro', arch: () => 'x64' },
    };
    const fakeProcess = { argv: ['node', 'repro.cjs'], version: 'v20.0.0', exitCode: undefined as number | undefined };
    const context = vm.createContext({ require: (name: string) => modules[name], process: fakeProcess, Buffer, __filename: 'repro.cjs' });
    vm.runInContext(scriptOf('udp.broadcast-without-so-broadcast-is-wsaeacces').replace(/^#!.*\n/, ''), context);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(printed).to.include.members(['os: Windows_NT 10.0.22631 (Windows 11 Pro), x64', 'node: v20.0.0', 'koffi: fake', 'wine: none (ntdll has no wine_get_version)']);
    expect(printed).to.include('  observed:   {"returns":"SOCKET_ERROR","error":"WSAEACCES"}');
    expect(printed.at(-1)).to.equal('every step as documented');
    expect(fakeProcess.exitCode).to.equal(0);
  });

  it("make each call as the Winsock binding does: a socket's handle kept, SOCKET_ERROR with the error by name, outputs read back", () => {
    const { ws, calls } = fakeWinsock({
      socket: () => 9n,
      WSAConnect: (_s, name, namelen, _caller, callee) => {
        expect((name as Buffer).subarray(0, 8).toString('hex')).to.equal('020013887f000001');
        expect(namelen).to.equal(16);
        (callee as { len: number }).len = 0;
        return 0;
      },
      getsockname: (_s, name, namelen) => {
        (name as Buffer).write('17000050', 0, 'hex');
        (name as Buffer).writeUInt16BE(1, 22);
        (namelen as Buffer).writeInt32LE(28, 0);
        return 0;
      },
      send: () => -1,
    });
    expect(REPRO_CALLS['socket']?.(ws, { af: 2, type: 1, protocol: 6 })).to.deep.equal({ returns: 'socket', handle: 9 });
    expect([...ws.open]).to.deep.equal([9]);
    const name = { family: 'AF_INET', address: '127.0.0.1', port: 5000 };
    expect(REPRO_CALLS['WSAConnect']?.(ws, { s: 9, name, calleeData: { length: 8 } })).to.deep.equal({ returns: 0, calleeData: { len: 0 } });
    expect(REPRO_CALLS['getsockname']?.(ws, { s: 9 })).to.deep.equal({ returns: 0, name: { family: 'AF_INET6', address: '::1', port: 80 } });
    expect(REPRO_CALLS['send']?.(ws, { s: 9, data: 'x' })).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAEACCES' });
    expect(calls).to.deep.equal(['socket', 'WSAConnect', 'getsockname', 'send']);
  });
});

describe('repro scripts under Wine', function () {
  this.timeout(180_000);
  const CASES = [
    'tcp.blocking.connects-binds-and-carries-data',
    'tcp.nonblocking.refused-in-exceptfds',
    'udp.all-zero-name-disconnects',
    'startup.connects-after-a-new-startup',
    'errors.all-zero-address-is-wsaeaddrnotavail',
  ];
  let dir: string;

  before(function () {
    if (process.platform !== 'linux' || !existsSync(HOST_WINE_LOADER) || !existsSync(wineEnvironment(defaultCacheDir(), HOST_WINE).nodeExe)) this.skip(); // No Wine provider set up here.
    dir = mkdtempSync(path.join(tmpdir(), 'wsc-repro-'));
  });

  after(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('observe, step by step, what the harness observes for the same cases, and exit 1 where the page is not met', async () => {
    const run = await runCli(['run', '--provider', 'wine', '--out', path.join(dir, 'run'), '--reporter', 'console']);
    expect(run.status, run.stderr).to.be.oneOf([0, 1]);
    const results = readResults(path.join(dir, 'run', 'results.jsonl')).cases;
    const environment = wineEnvironment(defaultCacheDir(), HOST_WINE);
    for (const id of CASES) {
      const file = path.join(dir, `${id}.cjs`);
      writeFileSync(file, scriptOf(id));
      const { status, output } = await runUnderWine(environment, file);
      const harness = results.find((result) => result.id === id);
      const observed = [...output.matchAll(/^ {2}observed: {3}(.*)$/gm)].map((match) => behaviourKey(JSON.parse(match[1] ?? 'null')));
      expect(observed, id).to.deep.equal(harness?.checks.map((check) => behaviourKey(check.observed)));
      expect(status, `${id}: ${output}`).to.equal(harness?.verdict === 'PASS' ? 0 : 1);
      expect(output, id).to.match(/^wine: 8|^wine: \d/m);
    }
  });
});

function runUnderWine(environment: ReturnType<typeof wineEnvironment>, script: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const wine = wineCommand(environment, 'loader', [environment.nodeExe, windowsPath(script), windowsPath(environment.koffiDir)]);
    const child = spawn(wine.command, wine.args, {
      env: { ...process.env, ...wine.env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, output }));
  });
}

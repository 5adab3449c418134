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
import { reproScript, type ReproScript } from '../../harness/uses/repro/script.js';
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

describe('repro scripts', () => {
  it('say why a case cannot be reproduced standalone, and make no script: a peer Windows cannot make, the private network', () => {
    const pending = reproScript(caseNamed('tcp.nonblocking.pending-second-call-is-wsaealready.wsaconnect.ipv4'), OPTIONS);
    expect(pending).to.have.property('unavailable').that.matches(/needs the peer "busy", a never-accepting-listener, which a script cannot make where it runs: on Windows a listener whose backlog is full refuses/);
    const privateCase = reproScript(caseNamed('private.no-route-is-wsaenetunreach.wsaconnect.ipv4'), OPTIONS);
    expect(privateCase).to.have.property('unavailable').that.matches(/runs in the run's private network.*Run the case with the harness: winsock-conformance run --grep private\.no-route-is-wsaenetunreach\.wsaconnect\.ipv4$/);
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
    this.timeout(300_000); // one script a case, 4 at a time: over 200 cases on a busy 2-core machine
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
        const run = await runProcess(process.execPath, [file, STAND_IN_KOFFI], { ...process.env, [STAND_IN_LOG]: log });
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

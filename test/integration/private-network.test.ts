/**
 * The run's private network, end to end on the POSIX provider (seconds, no
 * Wine): the cases marked `network: private` run in a namespace the run
 * makes, where the page's routing errors and time-out can be provoked on
 * 127.0.0.0/8 alone — and without root they are SKIP with the reason.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readResults } from '../../reporters/results-jsonl.js';
import { AS_NOBODY, CHECKOUT_PARTS, whyNobodyCannotUse } from '../support/as-nobody.js';
import { privateNetworkAvailable } from '../support/private-network-available.js';
import { skipBecause } from '../support/skip-because.js';
import { CLI, runCli } from './cli.js';
import { providerNamed } from '../../cli/options.js';
import { WORKER_SCRIPT } from '../../harness/common/project-paths.js';
import type { Reporter } from '../../harness/run/runner/reporter.js';
import { inputOptionsFor } from '../../harness/run/runner/inputs.js';
import { runSuite } from '../../harness/run/runner/run-suite.js';

describe('the private network (POSIX provider)', function () {
  this.timeout(60_000);
  let out: string;

  before(function () {
    if (!privateNetworkAvailable()) this.skip(); // needs root, unshare and ip: elsewhere the cases SKIP with the reason
  });
  beforeEach(() => (out = mkdtempSync(join(tmpdir(), 'wsc-private-'))));
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('runs the private cases in a namespace: no route, an unreachable host and an unanswered connect give their errors', async () => {
    const run = await runCli(['run', '--provider', 'posix', '--tag', 'private-network', '--out', out]);
    expect(run.status, run.stderr).to.equal(0);
    const results = readResults(join(out, 'results.jsonl')).cases;
    const byId = new Map(results.map((result) => [result.id, result]));
    expect(results.length).to.be.at.least(6);
    // A private case needing what POSIX cannot express (ConnectEx's event objects and OVERLAPPED) is SKIP, for that reason alone.
    const expressible = results.filter((result) => !(result.verdict === 'SKIP' && / the libc binding \(.*\) has no way to express it$/.test(result.message)));
    expect(expressible.length).to.be.at.least(6);
    for (const result of expressible) expect(['PASS', 'KNOWN'], `${result.id}: ${result.message}`).to.include(result.verdict);
    const observedError = (id: string, step: string) => byId.get(id)?.checks.find((check) => check.stepId === step)?.observed.error;
    expect(observedError('private.no-route-is-wsaenetunreach.wsaconnect.ipv4', 'call')).to.equal('WSAENETUNREACH');
    expect(observedError('private.unreachable-host-is-wsaehostunreach.wsaconnect', 'call')).to.equal('WSAEHOSTUNREACH');
    expect(observedError('private.unanswered-connect-is-wsaetimedout.wsaconnect', 'call')).to.equal('WSAETIMEDOUT');
    // With its ephemeral ports narrowed to one, the second connect finds none: Linux says EADDRNOTAVAIL.
    expect(observedError('private.ephemeral-ports-exhausted-is-wsaenobufs.wsaconnect', 'no-port-left')).to.equal('WSAEADDRNOTAVAIL');
  });

  it("tells the reporters when each private case starts and ends in the namespace, so the terminal's progress shows it running", async () => {
    const events: string[] = [];
    const recorder: Reporter = {
      start: () => undefined,
      caseStarted: (header) => void events.push(`started ${header.id}`),
      caseEnded: (header) => void events.push(`ended ${header.id}`),
      caseFinished: (result) => void events.push(`finished ${result.id}`),
      end: () => undefined,
    };
    await runSuite({
      ...inputOptionsFor(providerNamed('posix'), {}),
      filter: { grep: 'private.no-route-is-wsaenetunreach.wsaconnect.ipv4', tags: [] },
      outDir: out,
      workerScript: WORKER_SCRIPT,
      harnessVersion: '0.0.0-test',
      reporters: [recorder],
      log: () => undefined,
    });
    expect(events).to.deep.equal(['started private.no-route-is-wsaenetunreach.wsaconnect.ipv4', 'ended private.no-route-is-wsaenetunreach.wsaconnect.ipv4', 'finished private.no-route-is-wsaenetunreach.wsaconnect.ipv4']);
  });

  it('without root, makes no namespace and SKIPs the private cases with the reason', function () {
    // The report folder is nobody's to write in.
    chmodSync(out, 0o777);
    const unusable = whyNobodyCannotUse([...CHECKOUT_PARTS, out]);
    if (unusable !== undefined) skipBecause(this, unusable);
    // As nobody: the run cannot make a network namespace.
    const [command, ...asNobody] = AS_NOBODY;
    const run = spawnSync(command, [...asNobody, process.execPath, CLI, 'run', '--provider', 'posix', '--grep', 'private.no-route-is-wsaenetunreach.wsaconnect.ipv4', '--out', join(out, 'r')], { encoding: 'utf8' });
    expect(run.status, run.stderr).to.equal(0);
    const [result] = readResults(join(out, 'r', 'results.jsonl')).cases;
    expect(result?.verdict).to.equal('SKIP');
    expect(result?.message).to.equal('needs the private network: a private network needs root (to make a network namespace with unshare --net); run as root to include these cases');
  });

  it('changes nothing of the outer network: its SYN retries and its ephemeral ports are still the host\'s own', async () => {
    const settings = ['/proc/sys/net/ipv4/tcp_syn_retries', '/proc/sys/net/ipv4/ip_local_port_range'];
    const before = settings.map((setting) => readFileSync(setting, 'utf8'));
    await runCli(['run', '--provider', 'posix', '--grep', 'private.', '--out', out]);
    expect(settings.map((setting) => readFileSync(setting, 'utf8'))).to.deep.equal(before);
  });
});

/**
 * The runner of the private cases, started by the run inside a new network
 * namespace (`unshare --net`). It sets the namespace up as the private
 * network, prepares an isolated provider there (for Wine: a prefix of its
 * own, whose wineserver — where Wine's sockets live — starts in here), proves
 * the isolation with a canary before any case runs (the provider must not
 * reach a listener on the outer loopback), then runs the cases the run hands
 * it on stdin, one line each, in order, and writes each result as a line on
 * stdout (job.ts), until its stdin ends.
 */
import { closeSync, openSync } from 'node:fs';
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Case } from '../cases/case.js';
import { messageOf } from '../message-of.js';
import { createProvider } from '../providers/registry.js';
import { loadSuiteInputs } from '../runner/inputs.js';
import { runCase } from '../runner/run-case.js';
import { ProviderSession } from '../runner/session.js';
import { WORKER_START_BOUND_MS, WorkerSpawner } from '../runner/worker-spawner.js';
import { JOB_VARIABLE, type PrivateCaseRequest, type PrivateNetworkJob, type PrivateNetworkReport } from './job.js';
import { configurePrivateNetwork } from './private-network.js';

function report(line: PrivateNetworkReport): void {
  writeSync(1, `${JSON.stringify(line)}\n`);
}

/** The canary: a TCP connect, through the provider, to a listener outside the namespace. */
function canaryCase(port: number): Case {
  const location = { file: '(canary)', line: 1, column: 1 };
  return {
    id: 'private-network.canary',
    title: 'The provider cannot reach the outer loopback',
    clauses: [],
    tags: [],
    peers: [],
    steps: [
      { id: 'socket', call: 'socket', args: { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' }, as: 's', location },
      { id: 'connect', call: 'connect', args: { s: '$s', name: { family: 'AF_INET', address: '127.0.0.1', port } }, expect: [{ outcome: { returns: 'SOCKET_ERROR' } }], location },
    ],
    timeoutMs: 30_000,
    alone: true,
    network: 'private',
    location,
  };
}

async function main(job: PrivateNetworkJob): Promise<void> {
  try {
    await configurePrivateNetwork();
  } catch (error) {
    report({ type: 'unavailable', reason: `the private network could not be set up: ${messageOf(error)}` });
    return;
  }
  const outer = createProvider(job.provider);
  if (outer === undefined) throw new Error(`unknown provider ${job.provider}`);
  const provider = outer.isolated();
  await provider.prepare((line) => process.stderr.write(`${line}\n`));
  const { cases, deviations } = loadSuiteInputs({ ...job, provider });
  const byId = new Map(cases.map((testCase) => [testCase.id, testCase]));
  const logFd = openSync(job.logFile, 'w+');
  const spawner = new WorkerSpawner({ provider, workerScript: job.workerScript, logFd, startTimeoutMs: WORKER_START_BOUND_MS });
  const setting = { session: new ProviderSession(spawner), provider, deviations, logFd };
  try {
    const canary = await runCase(canaryCase(job.canaryPort), setting);
    if (canary.verdict !== 'PASS') {
      report({ type: 'unavailable', reason: `isolation not proven: the canary connect ended ${canary.verdict} (${canary.message})` });
      return;
    }
    report({ type: 'isolated' });
    for await (const line of createInterface({ input: process.stdin })) {
      const { id, index } = JSON.parse(line) as PrivateCaseRequest;
      const testCase = byId.get(id);
      if (testCase === undefined) throw new Error(`no case ${id} in ${job.casesDir}`);
      report({ type: 'result', index, result: await runCase(testCase, setting) });
    }
  } finally {
    await setting.session.close();
    await spawner.close();
    await provider.release();
    closeSync(logFd);
  }
}

const job = JSON.parse(process.env[JOB_VARIABLE] ?? 'null') as PrivateNetworkJob | null;
if (job === null) throw new Error(`${JOB_VARIABLE} is not set: this runner is started by the run, in a network namespace`);
await main(job);

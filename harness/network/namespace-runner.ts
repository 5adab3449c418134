/**
 * The runner of the private cases, started by the run inside a new network
 * namespace (`unshare --net`). It sets the namespace up as the private
 * network, prepares an isolated provider there (for Wine: a prefix of its
 * own, whose wineserver — where Wine's sockets live — starts in here), proves
 * the isolation with a canary before any case runs (the provider must not
 * reach a listener on the outer loopback), then runs the cases — those the
 * job names side by side, or else those that come on stdin one after
 * another — and writes each result as a line on stdout (job.ts).
 */
import { closeSync, openSync } from 'node:fs';
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Case } from '../cases/case.js';
import { messageOf } from '../message-of.js';
import { createProvider } from '../providers/registry.js';
import { judgeAgainst } from '../references/standard.js';
import { loadSuiteInputs } from '../runner/inputs.js';
import { runInLanes } from '../runner/lanes.js';
import { runCase, type CaseSetting } from '../runner/run-case.js';
import { ProviderSession } from '../runner/session.js';
import { WORKER_START_BOUND_MS, WorkerSpawner } from '../runner/worker-spawner.js';
import { JOB_VARIABLE, type PrivateCaseRequest, type PrivateNetworkJob, type PrivateNetworkReport } from './job.js';
import { configurePrivateNetwork, PRIVATE_NETWORK_LANES } from './private-network.js';


function report(line: PrivateNetworkReport): void {
  writeSync(1, `${JSON.stringify(line)}\n`);
}

/** The canary: a TCP connect, through the provider, to a listener outside the namespace. */
function canaryCaseFor(port: number): Case {
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
  const inputs = loadSuiteInputs({ ...job, provider });
  // Judged as the parent run judges its own cases.
  const judged = judgeAgainst(job.against, inputs.cases, inputs.deviations, inputs.references);
  const byId = new Map(judged.cases.map((testCase) => [testCase.id, testCase]));
  const logFd = openSync(job.logFile, 'w+');
  const spawner = new WorkerSpawner({ provider, workerScript: job.workerScript, logFd, startTimeoutMs: WORKER_START_BOUND_MS });
  // Private cases mostly wait (a connect nobody answers takes seconds): several run side by side.
  const sessions = Array.from({ length: Math.max(1, Math.min(PRIVATE_NETWORK_LANES, job.cases?.length ?? 1)) }, () => new ProviderSession(spawner));
  const setting = (session: ProviderSession): CaseSetting => ({ session, provider, judged, logFd });
  const caseNamed = (id: string): Case => {
    const testCase = byId.get(id);
    if (testCase === undefined) throw new Error(`no case ${id} in ${job.casesDir}`);
    return testCase;
  };
  try {
    const canaryCase = canaryCaseFor(job.canaryPort);
    const canary = await runCase(canaryCase, setting(sessions[0] as ProviderSession));
    if (canary.verdict !== 'PASS') {
      report({ type: 'unavailable', reason: `isolation not proven: the canary connect ended ${canary.verdict} (${canary.message})` });
      return;
    }
    report({ type: 'isolated' });
    if (job.cases === undefined) {
      // One at a time, as the run hands them over.
      for await (const line of createInterface({ input: process.stdin })) {
        const { id, index } = JSON.parse(line) as PrivateCaseRequest;
        report({ type: 'result', index, result: await runCase(caseNamed(id), setting(sessions[0] as ProviderSession)) });
      }
      return;
    }
    const requests = job.cases;
    await runInLanes(
      requests.map(({ id }) => caseNamed(id)),
      sessions,
      {
        async run(testCase, position, session) {
          const result = await runCase(testCase, setting(session));
          // Each result goes back as soon as it is known; the parent puts them in order.
          report({ type: 'result', index: requests[position]?.index ?? -1, result });
          return result;
        },
        finished: async () => undefined,
        stopped: () => false,
      },
    );
  } finally {
    await Promise.all(sessions.map((session) => session.close()));
    await spawner.close();
    await provider.release();
    closeSync(logFd);
  }
}

const job = JSON.parse(process.env[JOB_VARIABLE] ?? 'null') as PrivateNetworkJob | null;
if (job === null) throw new Error(`${JOB_VARIABLE} is not set: this runner is started by the run, in a network namespace`);
await main(job);

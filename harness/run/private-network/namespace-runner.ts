/**
 * The runner of the private cases, started by the run inside new network and
 * mount namespaces (`unshare --net --mount`). It sets the namespace up as the
 * private network, prepares an isolated provider there (for Wine: a
 * wineserver of its own — where Wine's sockets live — started in here on a
 * prefix no other run's server uses), proves the isolation with a canary
 * before any case runs (the provider's sockets must reach a listener in this
 * namespace, and must not reach one on the outer loopback), then runs the
 * cases — those the job names side by side, or else those that come on
 * stdin one after another — and writes each result as a line on stdout
 * (job.ts).
 */
import { closeSync, openSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Case } from '../../language/cases/case.js';
import { writeAll } from '../../common/files/whole-writes.js';
import { messageOf } from '../../common/message-of.js';
import { holdsFor } from '../../judging/expectations/deviation.js';
import { ProviderUnavailable, type Provider, type ProviderBuild } from '../../stacks/providers/provider.js';
import { createProvider } from '../../stacks/providers/registry.js';
import { judgeAgainst } from '../../judging/windows-reference/standard.js';
import { loadSuiteInputs } from '../runner/inputs.js';
import { runInLanes } from '../runner/lanes.js';
import { runCase, type CaseSetting } from '../runner/run-case.js';
import { ProviderSession } from '../runner/session.js';
import { WORKER_START_BOUND_MS, WorkerSpawner } from '../runner/worker-spawner.js';
import { isolationUnproven } from './canary.js';
import { JOB_VARIABLE, type PrivateCaseRequest, type PrivateNetworkJob, type PrivateNetworkReport } from './job.js';
import { configurePrivateNetwork, PRIVATE_NETWORK_LANES, withEphemeralPorts } from './private-network.js';


/** A result can be longer than a pipe takes in one write (a recv of 64 KiB): it is written in as many as it needs. */
function report(line: PrivateNetworkReport): void {
  writeAll(1, `${JSON.stringify(line)}\n`);
}

async function main(job: PrivateNetworkJob): Promise<void> {
  try {
    await configurePrivateNetwork();
  } catch (error) {
    report({ type: 'unavailable', reason: `the private network could not be set up: ${messageOf(error)}` });
    return;
  }
  const outer = createProvider(job.provider, job.providerSettings);
  if (outer === undefined) throw new Error(`unknown provider ${job.provider}`);
  const provider = outer.isolated();
  const preparation = await prepared(provider);
  if ('unavailable' in preparation) {
    report({ type: 'unavailable', reason: `the provider could not be isolated: ${preparation.unavailable}` });
    return;
  }
  const inputs = loadSuiteInputs({ ...job, provider });
  // Judged as the parent run judges its own cases, by the deviations that hold for this build.
  const deviations = inputs.deviations.filter((deviation) => holdsFor(deviation, preparation.build?.version));
  const judged = judgeAgainst(job.against, inputs.cases, deviations, inputs.references);
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
    const unproven = await isolationUnproven(job.canaryPort, setting(sessions[0] as ProviderSession));
    if (unproven !== undefined) {
      report({ type: 'unavailable', reason: `isolation not proven: ${unproven}` });
      return;
    }
    report({ type: 'isolated' });
    if (job.cases === undefined) {
      // One at a time, as the run hands them over.
      for await (const line of createInterface({ input: process.stdin })) {
        const { id, index } = JSON.parse(line) as PrivateCaseRequest;
        const testCase = caseNamed(id);
        report({ type: 'started', index });
        report({ type: 'result', index, result: await withEphemeralPorts(testCase.ephemeralPorts, () => runCase(testCase, setting(sessions[0] as ProviderSession))) });
      }
      return;
    }
    const requests = job.cases;
    await runInLanes(
      requests.map(({ id }) => caseNamed(id)),
      sessions,
      {
        async run(testCase, position, session) {
          const index = requests[position]?.index ?? -1;
          report({ type: 'started', index });
          const result = await withEphemeralPorts(testCase.ephemeralPorts, () => runCase(testCase, setting(session)));
          // Each result goes back as soon as it is known; the parent puts them in order.
          report({ type: 'result', index, result });
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

/** Prepares the isolated provider: the build it runs, or why it cannot be prepared (its private cases are then SKIP). */
async function prepared(provider: Provider): Promise<{ readonly build: ProviderBuild | undefined } | { readonly unavailable: string }> {
  try {
    return { build: await provider.prepare((line) => process.stderr.write(`${line}\n`)) };
  } catch (error) {
    if (error instanceof ProviderUnavailable) return { unavailable: error.message };
    throw error;
  }
}

const job = JSON.parse(process.env[JOB_VARIABLE] ?? 'null') as PrivateNetworkJob | null;
if (job === null) throw new Error(`${JOB_VARIABLE} is not set: this runner is started by the run, in a network namespace`);
await main(job);

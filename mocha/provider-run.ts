/**
 * The provider's side of the suite under mocha. Mocha decides which case
 * runs and when (--grep, --bail); this runs each one it is handed the way
 * `winsock-conformance run --jobs 1` does: on one worker of the provider,
 * which a TIMEOUT or CRASH replaces with a fresh one (the spawner keeps one
 * ready), the private network's cases in a namespace made at the first of
 * them. `close` ends every process it started, whatever mocha ran.
 */
import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runsInPrivateNetwork, type Case } from '../harness/language/cases/case.js';
import { messageOf } from '../harness/common/message-of.js';
import { PrivateNetworkRun } from '../harness/run/private-network/private-run.js';
import { WORKER_SCRIPT } from '../harness/common/project-paths.js';
import { ProviderUnavailable, type ProviderBuild } from '../harness/stacks/providers/provider.js';
import type { JudgedInputs } from '../harness/judging/windows-reference/standard.js';
import { ACCEPTED_VERDICTS, type CaseResult } from '../harness/judging/results/result.js';
import { inputFoldersOf } from '../harness/run/runner/inputs.js';
import { runCase, type CaseSetting } from '../harness/run/runner/run-case.js';
import { ProviderSession } from '../harness/run/runner/session.js';
import { WORKER_START_BOUND_MS, WorkerSpawner } from '../harness/run/runner/worker-spawner.js';
import type { ProviderInfo } from '../harness/stacks/worker/protocol.js';
import type { LogDir, MochaSettings } from './settings.js';

/** What is running once the provider started. */
interface Started {
  readonly info: ProviderInfo;
  readonly logDir: LogDir;
  readonly spawner: WorkerSpawner;
  readonly setting: CaseSetting;
  /** Made at the first private case. */
  privateRun?: Promise<PrivateNetworkRun>;
}

export class MochaProviderRun {
  private started: Promise<Started> | undefined;
  /** A case ended red: what the provider wrote is worth keeping. */
  private red = false;

  constructor(
    private readonly settings: MochaSettings,
    /** The inputs as judged for a build of the provider (by the deviations that hold for its version). */
    private readonly judgeFor: (build: ProviderBuild | undefined) => JudgedInputs,
    private readonly log: (line: string) => void,
  ) {}

  /** Prepares the provider and starts its first worker, once; every later call gets the same outcome. */
  async start(): Promise<ProviderInfo> {
    this.started ??= this.startOnce();
    return (await this.started).info;
  }

  /** Runs the case at `index` of the loaded cases. */
  async run(testCase: Case, index: number): Promise<CaseResult> {
    const started = await (this.started ?? Promise.reject(new Error('the provider was not started (start() first)')));
    try {
      const result = await this.runStarted(started, testCase, index);
      if (!ACCEPTED_VERDICTS.has(result.verdict)) this.red = true;
      return result;
    } catch (error) {
      this.red = true;
      throw error;
    }
  }

  /** Ends the worker, its standby and the private network's runner; a no-op when nothing started. */
  async close(): Promise<void> {
    const started = await this.started?.catch(() => undefined);
    if (started === undefined) return;
    await (await started.privateRun?.catch(() => undefined))?.close();
    await started.setting.session.close();
    await started.spawner.close();
    closeSync(started.setting.logFd);
    if (started.logDir.temporary && !this.red) rmSync(started.logDir.path, { recursive: true, force: true });
    else this.log(`the provider's output is in ${started.logDir.path}`);
  }

  private async runStarted(started: Started, testCase: Case, index: number): Promise<CaseResult> {
    if (!runsInPrivateNetwork(testCase)) return runCase(testCase, started.setting);
    started.privateRun ??= this.openPrivateRun(started);
    return (await started.privateRun).submit(testCase, index);
  }

  private async startOnce(): Promise<Started> {
    const { provider } = this.settings;
    this.log(`preparing the ${provider.name} provider…`);
    // Known once the provider is prepared: the deviations that hold for its build.
    const judged = this.judgeFor(await provider.prepare(this.log));
    const logDir = this.settings.logDir();
    mkdirSync(logDir.path, { recursive: true });
    const logFile = join(logDir.path, 'provider.log');
    // Read back too: a case that crashes or hangs the provider carries what it wrote (log-excerpt.ts).
    const logFd = openSync(logFile, 'w+');
    const spawner = new WorkerSpawner({ provider, workerScript: WORKER_SCRIPT, logFd, startTimeoutMs: WORKER_START_BOUND_MS });
    const setting: CaseSetting = { session: new ProviderSession(spawner), provider, judged, logFd };
    try {
      const info = await setting.session.info();
      this.log(`running against ${provider.name} ${info.version}`);
      return { info, logDir, spawner, setting };
    } catch (error) {
      await setting.session.discard();
      await spawner.close();
      closeSync(logFd);
      throw new ProviderUnavailable(`the ${provider.name} provider did not start: ${messageOf(error)} (its output is in ${logFile})`);
    }
  }

  private openPrivateRun(started: Started): Promise<PrivateNetworkRun> {
    const { inputs, provider, against } = this.settings;
    return PrivateNetworkRun.open({
      ...inputFoldersOf(inputs),
      provider: provider.name,
      ...(provider.settings === undefined ? {} : { providerSettings: provider.settings }),
      against,
      workerScript: WORKER_SCRIPT,
      logFile: join(started.logDir.path, 'provider-private.log'),
      logFd: started.setting.logFd,
      deviations: started.setting.judged.deviations,
    });
  }
}

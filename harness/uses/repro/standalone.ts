/**
 * What a repro script runs: the harness's own code, bundled into the script
 * at build time (harness/build-steps/bundle-repro.ts), so that the script
 * makes each call exactly as a run does — through the worker's Winsock
 * binding and the call declarations, its references resolved, its addresses
 * past the traffic guard and its outcome judged by the runner's code
 * (step-check.ts) — with Node and koffi alone.
 *
 * The script's peers are the harness's fixtures, started in a child process
 * of the script (the script run again with PEERS_ROLE), so that a call that
 * blocks the script cannot stop them. The script prints the environment, each
 * step beside what the page documents, and last one JSON line (ReproReport).
 *
 * A case of the private network is run by Linux's Node first, which makes
 * the namespace and runs the script again under Wine there: in the canary's
 * role, then in the case's (private-repro.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { isRecordingPeer, type Datagram } from '../../../fixtures/peer.js';
import { startPeers, stopPeers } from '../../../fixtures/start.js';
import { messageOf } from '../../common/message-of.js';
import type { SockAddr } from '../../common/net/sockaddr.js';
import { WINSOCK_FAMILIES } from '../../common/net/sockaddr.js';
import { describeCall } from '../../judging/results/describe-outcome.js';
import type { ObservedCheck, Observation } from '../../judging/results/result.js';
import { KeptNames } from '../../run/runner/kept-names.js';
import { checkedStep, datagramsObserved, isMadeByHarness, readyStep } from '../../run/runner/step-check.js';
import { TrafficGuard } from '../../run/runner/traffic-guard.js';
import { openWinsock } from '../../stacks/bindings/winsock/open.js';
import type { ProviderInfo } from '../../stacks/worker/protocol.js';
import { koffiPath, loadKoffi } from './koffi-at-run-time.js';
import type { CaseNetwork } from '../../language/calls/traffic-rule.js';
import type { StepToRun } from '../../run/runner/step-check.js';
import { canaryCaseFor } from '../../run/private-network/canary-case.js';
import { OBSERVED_PREFIX, type ReproData, type ReproReport } from './repro-data.js';
import { EXIT, PEERS_VARIABLE, print, ROLES } from './script-process.js';
import { inNamespace, launchInNamespace } from './private-repro.js';

type FromPeers = { readonly ready: Readonly<Record<string, SockAddr>> } | { readonly datagrams: readonly Datagram[] } | { readonly failed: string };
interface ToPeers {
  readonly datagrams: string;
  readonly count: number;
}

/** The script's entry: its data is the case (repro-data.ts). */
export function main(data: ReproData): void {
  roleOf(data).catch((error: unknown) => {
    print(`the repro could not run: ${error instanceof Error && error.stack !== undefined ? error.stack : String(error)}`);
    process.exitCode = EXIT.couldNotRun;
  });
}

/** What this process of the script is, by its second argument (after the koffi), and for a private case by where it runs. */
function roleOf(data: ReproData): Promise<void> {
  const role = process.argv[3];
  if (role === ROLES.peers) return servePeers(data);
  if (data.network === 'loopback') return reproduce(data);
  if (role === ROLES.case) return reproduce(data);
  if (role === ROLES.canary) return canary(Number(process.argv[4]), Number(process.argv[5]));
  if (role === ROLES.namespace) return inNamespace(data, Number(process.argv[4]));
  if (process.platform === 'linux') return launchInNamespace(data);
  print(`${data.caseId} runs in the run's private network, a Linux network namespace this script makes: run it with Linux's Node, as root (node repro.cjs), not on ${process.platform}`);
  process.exitCode = EXIT.couldNotRun;
  return Promise.resolve();
}

async function reproduce(data: ReproData): Promise<void> {
  print(`repro of ${data.caseId}`);
  const koffi = loadKoffi();
  const binding = openWinsock(koffi);
  for (const line of fingerprint(binding.info())) print(line);
  const peers = data.peers.length === 0 ? undefined : data.network === 'private' ? peersInNamespace() : await PeersProcess.start();
  const { checks, stopped, pastTimeLimit } = await runSteps(data.steps, binding, { network: data.network, limitMs: data.timeoutMs, peers, say: print });
  const different = checks.filter((check) => !check.passed).length;
  print(stopped !== undefined ? 'the repro stopped before its last step' : different === 0 ? 'every step as documented' : `${different} step(s) differ from what the page documents`);
  const report: ReproReport = { repro: data.caseId, checks, ...(stopped === undefined ? {} : { stopped }), ...(pastTimeLimit === undefined ? {} : { pastTimeLimit }) };
  print(JSON.stringify(report));
  process.exitCode = stopped !== undefined ? EXIT.couldNotRun : different === 0 ? EXIT.asDocumented : EXIT.differs;
}

type Winsock = ReturnType<typeof openWinsock>;

/** What the steps observed; why they stopped, if a step could not be made; the step the case's time limit passed in, if it did. */
interface StepsRun {
  readonly checks: ObservedCheck[];
  readonly stopped?: string;
  readonly pastTimeLimit?: string;
}

/** Where the steps run, and how: the network (for the traffic guard), the case's time limit, its peers, and where each step is printed. */
interface StepsSetting {
  readonly network: CaseNetwork;
  readonly limitMs: number;
  readonly peers: ScriptPeers | undefined;
  readonly say: (line: string) => void;
}

/**
 * Makes the steps through `binding`, printing each, as a run makes them: up to a failed set-up step, a step that
 * could not be made, or the step in which the case's time limit (`limitMs`) passed. A run stops the case there as
 * TIMEOUT; the script cannot stop a call it is in, so it reports what the call returned, as differing.
 */
async function runSteps(steps: readonly StepToRun[], binding: Winsock, { network, limitMs, peers, say }: StepsSetting): Promise<StepsRun> {
  const kept = new KeptNames();
  const guard = new TrafficGuard(WINSOCK_FAMILIES, network);
  for (const [name, address] of Object.entries(peers?.addresses ?? {})) {
    kept.define(name, address);
    say(`peer ${name}: ${JSON.stringify(address)}`);
  }
  const checks: ObservedCheck[] = [];
  const stepsStarted = performance.now();
  try {
    for (const step of steps) {
      const ready = readyStep(step, kept, guard);
      say(`${step.id}: ${describeCall(step.call, ready.args)}`);
      const started = performance.now();
      const observation = isMadeByHarness(step) ? await observePeer(peers, ready.args) : binding.call(step.call, ready.args);
      const made = checkedStep(ready, observation, performance.now() - started, kept, guard);
      const elapsedMs = performance.now() - stepsStarted;
      const late = elapsedMs > limitMs;
      const check: ObservedCheck = late
        ? { ...made, passed: false, mismatch: `the case's time limit (${limitMs} ms) passed during this call, which returned ${Math.round(elapsedMs)} ms after the first step began: a run stops the case here, TIMEOUT` }
        : made;
      checks.push(check);
      // JSON, so that what a step observed can be read back even from a script that died in a later step.
      say(`${OBSERVED_PREFIX}${JSON.stringify(check.observed)}`);
      say(`  documented: ${check.kind === 'setup' ? 'success (a set-up step)' : check.expected.map((outcome) => JSON.stringify(outcome)).join(' or ')}${check.passed ? '' : `   <-- differs: ${check.mismatch ?? ''}`}`);
      if (late) {
        say("the case's time limit passed: the case stops here, as a run stops it");
        return { checks, pastTimeLimit: step.id };
      }
      if (check.kind === 'setup' && !check.passed) {
        say('a set-up step failed: the case stops here, as a run stops it');
        break;
      }
    }
    return { checks };
  } catch (error) {
    const stopped = messageOf(error);
    say(`stopped: ${stopped}`);
    return { checks, stopped };
  } finally {
    binding.reset();
    peers?.stop();
  }
}

/** The canary's process, under Wine in the namespace: its connects must reach the listener inside and not the one outside; status 0 when they do. */
async function canary(insidePort: number, outsidePort: number): Promise<void> {
  const testCase = canaryCaseFor(insidePort, outsidePort);
  print(`canary: ${testCase.title}`);
  // Its lines apart from the case's: what the case observed is read back by the lines that begin with OBSERVED_PREFIX.
  const { checks, stopped } = await runSteps(testCase.steps, openWinsock(loadKoffi()), { network: testCase.network, limitMs: testCase.timeoutMs, peers: undefined, say: (line) => print(`canary | ${line}`) });
  process.exitCode = stopped === undefined && checks.length === testCase.steps.length && checks.every((check) => check.passed) ? EXIT.asDocumented : EXIT.differs;
}

/** The machine and the stack, for a bug report: the OS, the stack as the worker names it (Wine and its host kernel when it is Wine), Node, koffi. */
function fingerprint(info: ProviderInfo): string[] {
  return [
    `os: ${os.type()} ${os.release()} (${os.version()}), ${os.arch()}`,
    `stack: ${info.version}`,
    ...(info.stack === undefined ? [] : [`stack facts: ${JSON.stringify(info.stack)}`]),
    `node: ${info.nodeVersion}`,
    `koffi: ${info.koffiVersion ?? 'unknown'}`,
  ];
}

/** What `peer.datagrams` observes, as a run observes it. */
async function observePeer(peers: ScriptPeers | undefined, args: Readonly<Record<string, unknown>>): Promise<Observation> {
  if (peers === undefined) throw new Error('the case has no peers to observe');
  return datagramsObserved(await peers.datagrams(String(args['peer']), Number(args['count'])));
}

/** The case's peers, as the process that makes the calls sees them: their addresses, and the datagrams they received. */
interface ScriptPeers {
  readonly addresses: Readonly<Record<string, SockAddr>>;
  datagrams(peer: string, count: number): Promise<readonly Datagram[]>;
  stop(): void;
}

/** A private case's peers, which the script's process in the namespace started and ends (private-repro.ts). */
function peersInNamespace(): ScriptPeers {
  const given = process.env[PEERS_VARIABLE];
  if (given === undefined) throw new Error(`${PEERS_VARIABLE} is not set: a private case's steps run in the namespace its script makes (node repro.cjs, as root)`);
  return {
    addresses: JSON.parse(given) as Record<string, SockAddr>,
    datagrams: () => Promise.reject(new Error("a private case's peers run in the namespace's Linux process, which answers no questions about datagrams")),
    stop: () => undefined,
  };
}

/** The script's peers in a child process of its own: their addresses, and the datagrams they received. */
class PeersProcess implements ScriptPeers {
  private constructor(
    private readonly child: ChildProcess,
    readonly addresses: Readonly<Record<string, SockAddr>>,
  ) {}

  static async start(): Promise<PeersProcess> {
    const child = fork(process.argv[1] ?? '', [koffiPath(), ROLES.peers], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const first = await nextMessage(child);
    if (!('ready' in first)) {
      child.disconnect();
      throw new Error(`the peers did not start: ${'failed' in first ? first.failed : JSON.stringify(first)}`);
    }
    return new PeersProcess(child, first.ready);
  }

  async datagrams(peer: string, count: number): Promise<readonly Datagram[]> {
    const question: ToPeers = { datagrams: peer, count };
    this.child.send(question);
    const answer = await nextMessage(this.child);
    if (!('datagrams' in answer)) throw new Error(`peer.datagrams: ${'failed' in answer ? answer.failed : JSON.stringify(answer)}`);
    return answer.datagrams;
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

function nextMessage(child: ChildProcess): Promise<FromPeers> {
  return new Promise((resolve, reject) => {
    const ended = (code: number | null) => reject(new Error(`the peers' process ended (status ${String(code)}) before it answered`));
    child.once('exit', ended);
    child.once('message', (message) => {
      child.off('exit', ended);
      resolve(message as FromPeers);
    });
  });
}

/** The peers' process: starts the case's peers, tells the parent their addresses, answers its questions about datagrams, and stops them when the parent goes. */
async function servePeers(data: ReproData): Promise<void> {
  const tell = (message: FromPeers) => process.send?.(message);
  let peers;
  try {
    peers = await startPeers(data.peers);
  } catch (error) {
    tell({ failed: messageOf(error) });
    process.disconnect?.();
    return;
  }
  const running = peers;
  process.on('message', (question: ToPeers) => {
    const peer = running.get(question.datagrams);
    if (peer === undefined || !isRecordingPeer(peer)) {
      tell({ failed: `${question.datagrams} is not a peer that records datagrams` });
      return;
    }
    peer.datagrams(question.count, AbortSignal.timeout(data.timeoutMs)).then(
      (datagrams) => tell({ datagrams }),
      () => tell({ failed: `fewer than ${question.count} datagrams arrived within the case's time limit (${data.timeoutMs} ms)` }),
    );
  });
  process.once('disconnect', () => void stopPeers(running).finally(() => process.exit(0)));
  tell({ ready: Object.fromEntries([...running].map(([name, peer]) => [name, peer.address])) });
}

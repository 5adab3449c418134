/**
 * A private case's script on Linux: it does what a run does for its private
 * cases, with the run's own code, so that the case meets the same network.
 *
 * Started by Linux's Node as root, the script (launchInNamespace) holds a
 * listener on the outer loopback — the canary the provider must not reach —
 * and starts itself again in new network and mount namespaces
 * (`unshare --net --mount`). There (inNamespace) it makes the private network
 * (private-network.ts: the same commands and settings), starts a wineserver
 * of its own on an overlay of the private prefix (private-prefix.ts: the
 * isolated provider's own start), proves the isolation with the run's canary
 * (canary-case.ts: under Wine, a connect to a listener in the namespace must
 * succeed and be accepted there, one to the outer listener must fail), and
 * only then runs the case's steps under Wine, with its ephemeral ports
 * narrowed as the run narrows them. Every command is printed before it runs.
 * The wineserver is ended on every path, an interruption too; the namespace
 * and its mounts end with the script's last process in them.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { constants } from 'node:os';
import { startPeers, stopPeers } from '../../../fixtures/start.js';
import { messageOf } from '../../common/message-of.js';
import { shellLine } from '../../common/shell-line.js';
import { withinBound } from '../../common/within-bound.js';
import { INSIDE_ACCEPT_BOUND_MS } from '../../run/private-network/canary-case.js';
import { openCanaryListener } from '../../run/private-network/canary-listener.js';
import { privateNetworkMeansMissing, UNSHARE } from '../../run/private-network/means.js';
import { configurePrivateNetwork, withEphemeralPorts } from '../../run/private-network/private-network.js';
import { wineBuildOf } from '../../stacks/providers/wine/fixed-build.js';
import { windowsPath } from '../../stacks/providers/wine/paths.js';
import { startPrivateWineserver } from '../../stacks/providers/wine/private-prefix.js';
import { wineCommand, type WineEnvironment } from '../../stacks/providers/wine/wine-command.js';
import { stopWineserver } from '../../stacks/providers/wine/wineserver.js';
import type { PrivateRepro } from './repro-data.js';
import { echo, EXIT, PEERS_VARIABLE, print, ROLES } from './script-process.js';

/** This script, as Node was given it: the path every process of the script starts it again from. */
function scriptPath(): string {
  return process.argv[1] ?? '';
}

/** The script's first process, outside: checks what it needs, then runs the rest in new namespaces. */
export async function launchInNamespace(data: PrivateRepro): Promise<void> {
  print(`repro of ${data.caseId}, in the run's private network`);
  const missing = privateNetworkMeansMissing() ?? missingWine(data);
  if (missing !== undefined) {
    print(`the repro could not run: ${missing}`);
    process.exitCode = EXIT.couldNotRun;
    return;
  }
  // Anything that reaches this from the namespace means the isolation does not hold.
  const outside = await openCanaryListener();
  try {
    // Its koffi, for the peers it starts there: the one on the command line, else the one the script was written with.
    const command = [UNSHARE, '--net', '--mount', '--', process.execPath, scriptPath(), linuxKoffi(data), ROLES.namespace, String(outside.port)];
    const status = await runChild(command, {}, interruptions());
    if (outside.reached) {
      print(`isolation not proven: the canary listener outside the namespace (127.0.0.1:${outside.port}) was reached, so what the repro observed is void`);
      process.exitCode = EXIT.couldNotRun;
      return;
    }
    process.exitCode = status;
  } finally {
    outside.close();
  }
}

/** The koffi of Linux's Node: `node repro.cjs KOFFI`, else the harness's that wrote the script. */
function linuxKoffi(data: PrivateRepro): string {
  return process.argv[2] || data.wine.linuxKoffi;
}

/** Why the Wine the script was written for (or Linux's koffi) is not here, or undefined. */
function missingWine(data: PrivateRepro): string | undefined {
  const { wine } = data;
  const absent = [wine.nodeExe, wine.koffiDir, wine.prefix, linuxKoffi(data)].filter((path) => !existsSync(path));
  if (absent.length === 0) return undefined;
  return `the Wine provider's cache is not as the script was written for: ${absent.join(', ')} missing (winsock-conformance run --provider wine --wine ${wine.build.name} --grep ${data.caseId}, as root, makes it)`;
}

/** The script's process in the new namespaces: the private network, its wineserver, the canary, then the case. */
export async function inNamespace(data: PrivateRepro, outsidePort: number): Promise<void> {
  const interrupted = interruptions();
  try {
    await configurePrivateNetwork(echo);
  } catch (error) {
    print(`the repro could not run: the private network could not be set up: ${messageOf(error)}`);
    process.exitCode = EXIT.couldNotRun;
    return;
  }
  const { wine } = data;
  const shared: WineEnvironment = { build: wineBuildOf(wine.build), nodeExe: wine.nodeExe, koffiDir: wine.koffiDir, prefix: wine.prefix };
  let environment: WineEnvironment | undefined;
  try {
    environment = await startPrivateWineserver(wine.cacheDir, shared, echo);
    const unproven = await isolationUnproven(environment, outsidePort, interrupted);
    if (unproven !== undefined) {
      print(`the repro could not run: isolation not proven: ${unproven}`);
      process.exitCode = EXIT.couldNotRun;
      return;
    }
    print("isolation proven: Wine's sockets reach the namespace's loopback, not the outer one");
    const isolated = environment;
    process.exitCode = await withEphemeralPorts(data.ephemeralPorts, () => caseUnderWine(data, isolated, interrupted), echo);
  } catch (error) {
    print(`the repro could not run: ${messageOf(error)}`);
    process.exitCode = EXIT.couldNotRun;
  } finally {
    // Its mounts end with the namespace, but a wineserver outlives its clients (-p): ended here, on every path.
    await stopWineserver(environment ?? shared, echo).catch((error: unknown) => print(`the wineserver could not be ended: ${messageOf(error)}`));
  }
}

/** The run's canary, under Wine in this namespace; undefined when it proves the isolation, else why not. */
async function isolationUnproven(environment: WineEnvironment, outsidePort: number, interrupted: AbortSignal): Promise<string | undefined> {
  const inside = await openCanaryListener();
  try {
    const status = await underWine(environment, [ROLES.canary, String(inside.port), String(outsidePort)], interrupted);
    if (status !== EXIT.asDocumented) return `the canary's connects were not as due (status ${status})`;
    // A listener on the same port in another namespace would accept too: only this one's accept proves the socket lives here.
    const accepted = await withinBound(inside.firstConnection.then(() => true), INSIDE_ACCEPT_BOUND_MS);
    return accepted === true ? undefined : `the canary's connect succeeded, but not to the listener in this namespace (nothing accepted within ${INSIDE_ACCEPT_BOUND_MS} ms)`;
  } finally {
    inside.close();
  }
}

/** The case's steps under Wine, with its peers started here, with Linux's sockets, as the run's runner starts them. */
async function caseUnderWine(data: PrivateRepro, environment: WineEnvironment, interrupted: AbortSignal): Promise<number> {
  const peers = await startPeers(data.peers);
  try {
    const addresses = Object.fromEntries([...peers].map(([name, peer]) => [name, peer.address]));
    return await underWine(environment, [ROLES.case], interrupted, data.peers.length === 0 ? {} : { [PEERS_VARIABLE]: JSON.stringify(addresses) });
  } finally {
    await stopPeers(peers);
  }
}

/** Runs this script under Wine with the Windows Node and koffi, in `role`; its exit status. */
function underWine(environment: WineEnvironment, role: readonly string[], interrupted: AbortSignal, variables: Readonly<Record<string, string>> = {}): Promise<number> {
  const wine = wineCommand(environment, 'loader', [environment.nodeExe, windowsPath(scriptPath()), windowsPath(environment.koffiDir), ...role]);
  return runChild([wine.command, ...wine.args], { ...wine.env, ...variables }, interrupted);
}

/**
 * Aborts when the process is told to end (Ctrl-C, kill): instead of dying at once, the script then ends the
 * process it waits on, which ends what it started, and cleans up after it.
 */
function interruptions(): AbortSignal {
  const interrupted = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => interrupted.abort(signal));
  return interrupted.signal;
}

/** The status a shell gives a command killed by `signal`. */
function killedBy(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

/** Runs a command with its output on the script's, printed first, and ended when `interrupted` aborts; its exit status. */
async function runChild(command: readonly string[], env: Readonly<Record<string, string>>, interrupted: AbortSignal): Promise<number> {
  if (interrupted.aborted) return killedBy('SIGTERM');
  const [program = '', ...args] = command;
  echo(shellLine(program, args, env));
  const child = spawn(program, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  const forward = () => child.kill('SIGTERM');
  interrupted.addEventListener('abort', forward);
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    return code ?? killedBy(signal ?? 'SIGTERM');
  } finally {
    interrupted.removeEventListener('abort', forward);
  }
}

/**
 * Starting and ending a prefix's wineserver, each within a bound: the
 * wineserver is where Wine's sockets live, and a run must never wait on it
 * forever (a server that is itself stuck would hold the run with it).
 */
import { spawn } from 'node:child_process';
import { exitWithin } from '../../../common/within-bound.js';
import { shellLine, SILENT, type CommandEcho } from '../../../common/shell-line.js';
import { ProviderUnavailable } from '../provider.js';
import { wineCommand, type WineEnvironment } from './wine-command.js';

/**
 * Seconds the wineserver stays up after its last client. The runner kills a
 * worker after a time-out and starts the next one at once: a server that is
 * still shutting down then (the default is to exit when the last client goes)
 * takes the new worker down with it.
 */
const WINESERVER_PERSISTENCE_S = 60;
const WINESERVER_ALREADY_RUNNING = 2;
/** Starting or ending a server takes well under a second, even on a loaded machine. */
const WINESERVER_COMMAND_BOUND_MS = 30_000;

/**
 * Starts the prefix's wineserver, persistent for a while; a no-op when one is already running.
 * Its output goes nowhere: the server daemonizes, and would keep a pipe open forever.
 */
export async function startWineserver(environment: WineEnvironment, echo: CommandEcho = SILENT): Promise<void> {
  const status = await wineserverCommand(environment, `-p${WINESERVER_PERSISTENCE_S}`, echo);
  // Status 2: a wineserver already runs for this prefix (it says nothing else); that one serves.
  if (status === 0 || status === WINESERVER_ALREADY_RUNNING) return;
  throw new ProviderUnavailable(`wineserver -p${WINESERVER_PERSISTENCE_S} ${typeof status === 'number' ? `exited with status ${status}` : status}`);
}

/** Ends the prefix's wineserver, wherever it runs (its socket is found through the prefix). */
export async function stopWineserver(environment: WineEnvironment, echo: CommandEcho = SILENT): Promise<void> {
  const status = await wineserverCommand(environment, '-k', echo);
  // Any status will do: with no server running there is nothing to end.
  if (typeof status === 'string') throw new ProviderUnavailable(`wineserver -k ${status}`);
}

/** Waits until the prefix's wineserver has exited (and so saved the registry); a no-op when none runs. */
export async function waitForWineserver(environment: WineEnvironment): Promise<void> {
  const status = await wineserverCommand(environment, '-w');
  if (typeof status === 'string') throw new ProviderUnavailable(`wineserver -w ${status}`);
}

/** Runs the prefix's wineserver command with `option`: its exit status, or what went wrong as the end of a sentence. */
async function wineserverCommand(environment: WineEnvironment, option: string, echo: CommandEcho = SILENT): Promise<number | string> {
  const server = wineCommand(environment, 'server', [option]);
  echo(shellLine(server.command, server.args, server.env));
  const command = spawn(server.command, server.args, { env: { ...process.env, ...server.env }, stdio: 'ignore' });
  const failed = new Promise<string>((resolve) => command.once('error', (error) => resolve(`could not start: ${error.message}`)));
  const exit = exitWithin(command, WINESERVER_COMMAND_BOUND_MS);
  const ended = await Promise.race([exit, failed]);
  if (typeof ended === 'string') return ended;
  if (ended === undefined) return `did not finish within ${WINESERVER_COMMAND_BOUND_MS} ms`;
  return ended.signal === null ? (ended.code ?? -1) : `was killed by ${ended.signal}`;
}

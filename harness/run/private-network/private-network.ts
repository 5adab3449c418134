/**
 * The run's private network: a network namespace the run makes for the
 * cases marked `network: private`, where the page's routing errors can be
 * provoked without a packet leaving loopback. Inside it, only 127.0.0.0/9 is
 * local; of the rest of 127.0.0.0/8, one address is an unreachable host and
 * the others have no route at all; and an unanswered SYN is retried once, a
 * second apart, so a connect nobody answers times out in about 2 s instead
 * of 2 minutes. A stack that sets its own SYN count on its sockets (Wine 10.0
 * sets TCP_SYNCNT to 4) is bounded too: no retransmission waits longer than
 * a second, so its connect gives up in about 5 s instead of 31.
 * Every address a case names stays inside 127.0.0.0/8.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { EphemeralPorts } from '../../language/cases/case.js';
import { promisify } from 'node:util';
import { shellLine, shellWord, SILENT, type CommandEcho } from '../../common/shell-line.js';

const execFileAsync = promisify(execFile);

/** A destination with no route in the private network: WSAENETUNREACH. */
export const NO_ROUTE_ADDRESS = '127.200.0.1';
/** A destination the private network's routes call unreachable: WSAEHOSTUNREACH. */
export const UNREACHABLE_HOST_ADDRESS = '127.128.0.1';
/** SYN retransmissions before a connect gives up (Linux's default is 6, about 130 s). */
export const SYN_RETRIES = 1;
/** The longest a retransmission waits (Linux's default is 120 s, doubling from 1 s). */
export const RTO_MAX_MS = 1000;
/** Where Linux keeps that bound: per network namespace, since Linux 6.15; older kernels have none. */
const RTO_MAX_SETTING = '/proc/sys/net/ipv4/tcp_rto_max_ms';

/**
 * Lanes for the private cases: each costs a provider start, and most private cases spend their time waiting.
 * Six lets the six that wait out a time-out (three, each through WSAConnect and connect) wait at once: with
 * four, two of them waited after the others, 2 s more on Wine 8.0 and 5 s on Wine 10.0.
 */
export const PRIVATE_NETWORK_LANES = 6;

/** The commands that make the namespace the run's private network, in order. */
export const CONFIGURATION: readonly (readonly string[])[] = [
  ['ip', 'link', 'set', 'lo', 'up'],
  ['ip', 'route', 'del', 'local', '127.0.0.0/8', 'dev', 'lo', 'table', 'local'],
  ['ip', 'route', 'add', 'local', '127.0.0.0/9', 'dev', 'lo', 'table', 'local', 'src', '127.0.0.1'],
  ['ip', 'route', 'add', 'unreachable', `${UNREACHABLE_HOST_ADDRESS}/32`],
];

/** A setting of the namespace's own (the outer network keeps its values), and whether a kernel may lack it. */
interface NamespaceSetting {
  readonly file: string;
  readonly value: string;
  /** Absent from older kernels, which then go without it. */
  readonly optional: boolean;
}

/** The settings that follow the CONFIGURATION commands, in order. */
const SETTINGS: readonly NamespaceSetting[] = [
  { file: '/proc/sys/net/ipv4/tcp_syn_retries', value: String(SYN_RETRIES), optional: false },
  { file: RTO_MAX_SETTING, value: String(RTO_MAX_MS), optional: true },
];

/**
 * Sets the namespace this process runs in up as the private network (root in the namespace).
 * `echo` is told each command and each setting as a shell line before it is made (a repro script prints them).
 */
export async function configurePrivateNetwork(echo: CommandEcho = SILENT): Promise<void> {
  for (const [command = 'ip', ...args] of CONFIGURATION) {
    echo(shellLine(command, args));
    await execFileAsync(command, args);
  }
  for (const { file, value, optional } of SETTINGS) {
    if (optional && !existsSync(file)) {
      echo(`# ${file} is not in this kernel (Linux 6.15 has it): left out`);
      continue;
    }
    writeSetting(file, value, echo);
  }
}

function writeSetting(file: string, value: string, echo: CommandEcho): void {
  echo(`echo ${shellWord(value)} > ${file}`);
  writeFileSync(file, `${value}\n`);
}

/** Where Linux keeps the range implicit binds take local ports from: per network namespace. */
const PORT_RANGE_SETTING = '/proc/sys/net/ipv4/ip_local_port_range';

/**
 * Runs `work` with the private network's ephemeral ports narrowed to `ports`, when a case asks (its
 * `ephemeralPorts`; it runs alone there), and puts the namespace's range back after it, on every path.
 */
export async function withEphemeralPorts<T>(ports: EphemeralPorts | undefined, work: () => Promise<T>, echo: CommandEcho = SILENT): Promise<T> {
  if (ports === undefined) return work();
  const saved = readFileSync(PORT_RANGE_SETTING, 'utf8').trim();
  writeSetting(PORT_RANGE_SETTING, `${ports.first} ${ports.last}`, echo);
  try {
    return await work();
  } finally {
    writeSetting(PORT_RANGE_SETTING, saved, echo);
  }
}

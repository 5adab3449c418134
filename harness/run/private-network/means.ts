/**
 * What making the run's private network takes from the machine: Linux, root
 * (to make a network namespace with unshare --net), unshare and ip. The run
 * checks it before it starts the namespace's runner, and so does a repro
 * script of a private case before it makes its own namespace.
 */
import { existsSync } from 'node:fs';

export const UNSHARE = '/usr/bin/unshare';
const IP = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'];

/** What this machine lacks to make a private network, as the end of a sentence; undefined when it has all. */
export function privateNetworkMeansMissing(): string | undefined {
  if (process.platform !== 'linux') return `a private network needs Linux network namespaces (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'a private network needs root (to make a network namespace with unshare --net); run as root to include these cases';
  if (!existsSync(UNSHARE)) return `a private network needs ${UNSHARE} (Debian's util-linux)`;
  if (!IP.some((path) => existsSync(path))) return "a private network needs the ip command (Debian's iproute2)";
  return undefined;
}

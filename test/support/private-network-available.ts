/**
 * Whether this machine can make the run's private network (Linux, root,
 * unshare and ip): where it cannot, the product SKIPs the private cases with
 * the reason, and the tests expect exactly that instead of a run.
 */
import { existsSync } from 'node:fs';

export function privateNetworkAvailable(): boolean {
  const ip = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].some((path) => existsSync(path));
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/unshare') && ip;
}

/** The verdicts a case may honestly have here: a private case SKIPs, saying why, where the private network cannot be made. */
export function acceptableVerdicts(tags: readonly string[]): readonly string[] {
  return tags.includes('private-network') && !privateNetworkAvailable() ? ['SKIP'] : ['PASS', 'KNOWN'];
}

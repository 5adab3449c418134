/**
 * The private network's own view of the private prefix. Wine's sockets live
 * in the wineserver, and a wineserver serves every client that finds its Unix
 * socket, which Wine keys by the prefix folder's device and inode
 * (server-DEV-INODE) and which crosses network namespaces: two runs whose
 * private networks used one prefix folder would share one wineserver, and the
 * second run's sockets would live in the first run's network.
 *
 * So the runner of the private cases, in a mount namespace of its own,
 * mounts a tmpfs over <cache>/private-run and, inside it, an overlay whose
 * lower layer is <cache>/prefix-private. An overlay is a file system of its
 * own, with a device number no other mounted file system has while it is
 * mounted: the wineserver started on it has a socket no other run looks
 * for, and its writes (the registry it saves) go to the tmpfs, not to the
 * shared prefix. Nothing is copied (the prefix is about 700 MB), and
 * nothing is left behind: the mounts end with the namespace.
 */
import { mkdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { messageOf } from '../../../common/message-of.js';
import { shellLine, SILENT, type CommandEcho } from '../../../common/shell-line.js';
import { ProviderUnavailable } from '../provider.js';
import { run } from '../provisioning/commands.js';
import type { WineEnvironment } from './wine-command.js';
import { startWineserver } from './wineserver.js';

/** The folder of the cache that each private network covers with a tmpfs of its own; empty outside. */
export const PRIVATE_RUN_FOLDER = 'private-run';

/**
 * The isolated wineserver of a private network: started in this process's namespaces, on this namespace's
 * view of `environment`'s prefix. Returns the environment whose prefix is that view. `echo` is told each
 * command first.
 */
export async function startPrivateWineserver(cacheDir: string, environment: WineEnvironment, echo: CommandEcho = SILENT): Promise<WineEnvironment> {
  const isolated = { ...environment, prefix: await mountPrivatePrefix(cacheDir, environment.prefix, echo) };
  await startWineserver(isolated, echo);
  return isolated;
}

/** Mounts this namespace's view of `lowerPrefix` and returns the path of the prefix to use. */
async function mountPrivatePrefix(cacheDir: string, lowerPrefix: string, echo: CommandEcho): Promise<string> {
  refuseSharedMountNamespace();
  // overlayfs reads `,` and `:` in its options as separators.
  if (/[,:\\]/.test(lowerPrefix)) throw new ProviderUnavailable(`the private prefix ${lowerPrefix} has a ',', ':' or '\\' in its path, which overlayfs cannot take; set WINSOCK_CONFORMANCE_CACHE to a plainer folder`);
  const scratch = join(cacheDir, PRIVATE_RUN_FOLDER);
  echo(shellLine('mkdir', ['-p', scratch]));
  mkdirSync(scratch, { recursive: true });
  await mount(['-t', 'tmpfs', '-o', 'mode=0700', 'winsock-conformance-private', scratch], echo);
  const [upper, work, prefix] = ['upper', 'work', 'prefix'].map((name) => join(scratch, name)) as [string, string, string];
  echo(shellLine('mkdir', [upper, work, prefix]));
  for (const folder of [upper, work, prefix]) mkdirSync(folder);
  await mount(['-t', 'overlay', '-o', `lowerdir=${lowerPrefix},upperdir=${upper},workdir=${work}`, 'winsock-conformance-prefix', prefix], echo);
  return prefix;
}

/** Mounting in the machine's own mount namespace would change every process's view: only the private runner may. */
function refuseSharedMountNamespace(): void {
  const own = readlinkSync('/proc/self/ns/mnt');
  if (own === readlinkSync(`/proc/${process.ppid}/ns/mnt`)) {
    throw new ProviderUnavailable('the private prefix is mounted only in a mount namespace of its own (unshare --mount), and this process shares its parent\'s');
  }
}

/** The private network cannot be made without these mounts: its cases are SKIP, with the reason. */
async function mount(args: readonly string[], echo: CommandEcho): Promise<void> {
  echo(shellLine('mount', args));
  await run('mount', args).catch((error: unknown) => {
    throw new ProviderUnavailable(messageOf(error));
  });
}

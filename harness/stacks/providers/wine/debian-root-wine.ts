/**
 * The second real build, built in: Debian 13's Wine 10.0, installed from
 * Debian's packages into a root file system of its own in the cache
 * (<cache>/wine-builds/debian-13/root, about 1.5 GB), made once with
 * debootstrap, as root. Its programs run inside that root with bubblewrap,
 * which binds in /dev, /proc and every top-level folder of the machine that
 * is not the operating system's own (/tmp, where a wineserver's socket
 * lives; /root, /home, /work…, where the cache and the project are), at the
 * same paths. Every program of the build sees the same folders: a wineserver
 * opens the files its clients name, so a worker started from one checkout
 * must find its script through a server another checkout's run started. The
 * network is the caller's, so a private network's cases stay in it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderUnavailable } from '../provider.js';
import { run } from '../provisioning/commands.js';
import { debianPackageVersion, WINE_PACKAGES } from './debian-packages.js';
import type { ProviderBuild } from '../provider.js';
import type { CommandLine, Log, WineBuild, WineProgram } from './wine-build.js';

/** A Debian release whose Wine the harness can install by itself. */
interface DebianRelease {
  /** As `--wine` names it. */
  readonly name: string;
  /** debootstrap's name of the suite. */
  readonly suite: string;
}

const BUBBLEWRAP = '/usr/bin/bwrap';
/** The machine's tables of host and service names, which the root shares so that names resolve inside as outside. */
const NAME_FILES = ['/etc/hosts', '/etc/services'];
const DEBOOTSTRAP = '/usr/sbin/debootstrap';
/** Where Debian's wine64 package puts its programs, inside the root. */
const LOADER = '/usr/lib/wine/wine64';
const WINESERVER = '/usr/lib/wine/wineserver';
const READY = '.winsock-conformance-ready';
const DEFAULT_MIRROR = 'http://deb.debian.org/debian';
const HOST_TOOLS = ['debootstrap', 'bubblewrap'];

export function debianRootWine(release: DebianRelease, cacheDir: string): WineBuild {
  const folder = join(cacheDir, 'wine-builds', release.name);
  const root = join(folder, 'root');
  // Read once: every worker and wineserver start of the build enters the root with the same options.
  let entering: readonly string[] | undefined;
  return {
    name: release.name,
    key: release.name,
    variables: {},

    async prepare(log: Log): Promise<Omit<ProviderBuild, 'version'>> {
      if (!existsSync(join(root, READY))) await makeRoot(release, folder, root, log);
      else if (!existsSync(BUBBLEWRAP)) await installHostTools(release, log);
      return { name: release.name, origin: readFileSync(join(root, READY), 'utf8').trim() };
    },

    command(program: WineProgram, args: readonly string[]): CommandLine {
      entering ??= insideRoot(root);
      return { command: BUBBLEWRAP, args: [...entering, program === 'loader' ? LOADER : WINESERVER, ...args] };
    },
  };
}

/** The machine's own top-level folders that the root has its own of: the operating system's. */
const SYSTEM_FOLDERS = new Set(['bin', 'boot', 'dev', 'etc', 'lib', 'lib32', 'lib64', 'libx32', 'lost+found', 'proc', 'run', 'sbin', 'sys', 'usr', 'var']);

/** bubblewrap's options that run a program in `root` with the machine's devices, processes and every folder that is not the system's. */
function insideRoot(root: string): string[] {
  const shared = readdirSync('/', { withFileTypes: true }).filter((entry) => entry.isDirectory() && !SYSTEM_FOLDERS.has(entry.name));
  const binds = shared.flatMap((entry) => ['--bind', `/${entry.name}`, `/${entry.name}`]);
  // A minimal root has no /etc/hosts and no /etc/services: without the machine's, its resolver would ask DNS
  // servers for `localhost`, and know no service by name.
  const names = NAME_FILES.filter((file) => existsSync(file)).flatMap((file) => ['--ro-bind', file, file]);
  return ['--bind', root, '/', '--dev-bind', '/dev', '/dev', '--proc', '/proc', ...binds, ...names, '--die-with-parent', '--'];
}

async function makeRoot(release: DebianRelease, folder: string, root: string, log: Log): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new ProviderUnavailable(
      `the ${release.name} Wine build is not made yet, and making it (a Debian ${release.suite} root file system with debootstrap, about 1.5 GB in ${folder}) needs root: run once as root  winsock-conformance setup --wine ${release.name}`,
    );
  }
  await installHostTools(release, log);
  const partial = `${root}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const mirror = debianMirror();
  log(`making a Debian ${release.suite} root file system for the ${release.name} Wine build with debootstrap from ${mirror} (first time only, about a minute)…`);
  await run(DEBOOTSTRAP, ['--variant=minbase', release.suite, partial, mirror]);
  log(`installing ${WINE_PACKAGES.join(' and ')} in it with apt-get…`);
  // apt's own user writes its temporary files to /tmp: a fresh one, open to all.
  const aptInside = [BUBBLEWRAP, '--bind', partial, '/', '--dev-bind', '/dev', '/dev', '--proc', '/proc', '--ro-bind', '/etc/resolv.conf', '/etc/resolv.conf', '--perms', '1777', '--tmpfs', '/tmp', '--die-with-parent', '--'];
  const [command = BUBBLEWRAP, ...args] = aptInside;
  await run(command, [...args, 'apt-get', 'update', '-qq']);
  await run(command, [...args, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...WINE_PACKAGES], { DEBIAN_FRONTEND: 'noninteractive' });
  if (!existsSync(join(partial, LOADER))) throw new ProviderUnavailable(`apt-get installed ${WINE_PACKAGES.join(' and ')} in ${partial} but ${LOADER} is missing there`);
  const version = await debianPackageVersion(aptInside, 'wine64');
  writeFileSync(join(partial, READY), `Debian ${release.suite} package wine64 ${version}, in a root file system made by debootstrap from ${mirror}\n`);
  rmSync(root, { recursive: true, force: true });
  // Whole or absent: a root that was interrupted is never taken for a made one.
  renameSync(partial, root);
}

async function installHostTools(release: DebianRelease, log: Log): Promise<void> {
  if (existsSync(DEBOOTSTRAP) && existsSync(BUBBLEWRAP)) return;
  if (process.getuid?.() !== 0) {
    throw new ProviderUnavailable(`the ${release.name} Wine build runs with bubblewrap (${BUBBLEWRAP} is missing). Install it as root with:\n  apt-get install -y ${HOST_TOOLS.join(' ')}`);
  }
  log(`installing ${HOST_TOOLS.join(' and ')} with apt-get (Debian packages)…`);
  await run('apt-get', ['update', '-qq']);
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...HOST_TOOLS], { DEBIAN_FRONTEND: 'noninteractive' });
}

/** The Debian mirror this machine's apt uses (deb822 `URIs:` or a sources.list `deb` line), else Debian's own. */
function debianMirror(): string {
  for (const file of ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const uri = /^URIs:\s*(\S+)/m.exec(text)?.[1] ?? /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+\S+\s+main/m.exec(text)?.[1];
    if (uri !== undefined && !uri.includes('security')) return uri;
  }
  return DEFAULT_MIRROR;
}

/** The Debian releases whose Wine the harness makes by itself, by `--wine` name. */
export const DEBIAN_RELEASES: readonly DebianRelease[] = [{ name: 'debian-13', suite: 'trixie' }];

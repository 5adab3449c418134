/**
 * Running part of the project as another user (uid 65534, "nobody"), for the
 * tests of what a run without root does. That user has to reach and read the
 * checkout: a clone inside a private folder (`mktemp -d` makes it mode 0700)
 * is out of its reach. There these tests skip, saying which folder stopped
 * it, instead of failing — under CI as well, where such a clone is legitimate.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR, EXPECTATIONS_DIR, PROJECT_ROOT, SPEC_DIR, WINDOWS_REFERENCES_FILE } from '../../harness/common/project-paths.js';

export const NOBODY_UID = 65534;
const SETPRIV = '/usr/bin/setpriv';

/** The command line that runs what follows it as nobody, with no groups. */
export const AS_NOBODY: readonly [string, ...string[]] = [SETPRIV, `--reuid=${NOBODY_UID}`, `--regid=${NOBODY_UID}`, '--clear-groups'];

/** What any run of this checkout reads: its compiled code, its dependencies, and the data the harness loads (harness/common/project-paths.ts). */
export const CHECKOUT_PARTS: readonly string[] = [
  join(PROJECT_ROOT, 'package.json'),
  join(PROJECT_ROOT, 'dist'),
  join(PROJECT_ROOT, 'node_modules'),
  CASES_DIR,
  EXPECTATIONS_DIR,
  SPEC_DIR,
  WINDOWS_REFERENCES_FILE,
];

/** Where a probe run as nobody was stopped: a folder on the way it may not enter, or the path itself it may not read. */
interface Denial {
  readonly path: string;
  readonly need: 'enter' | 'read';
}

/**
 * Run by Node as nobody, with the paths as JSON in its one argument: prints
 * the first Denial and exits 1, or exits 0 when every path is within reach.
 * It is given inline because the checkout's own files may be what nobody
 * cannot read.
 */
const PROBE = `
const { accessSync, statSync, constants } = require('node:fs');
const { dirname } = require('node:path');
const allowed = (path, mode) => { try { accessSync(path, mode); return true; } catch { return false; } };
const deny = (path, need) => { console.log(JSON.stringify({ path, need })); process.exit(1); };
for (const target of JSON.parse(process.argv[1])) {
  const above = [];
  for (let folder = dirname(target); ; folder = dirname(folder)) {
    above.unshift(folder);
    if (folder === dirname(folder)) break;
  }
  for (const folder of above) if (!allowed(folder, constants.X_OK)) deny(folder, 'enter');
  const mode = statSync(target).isDirectory() ? constants.R_OK | constants.X_OK : constants.R_OK;
  if (!allowed(target, mode)) deny(target, 'read');
}`;

/**
 * Why Node cannot run here as nobody on `paths` (each readable, a folder
 * also enterable, every folder above it enterable), or undefined when it can.
 */
export function whyNobodyCannotUse(paths: readonly string[]): string | undefined {
  if (process.platform !== 'linux') return 'running as another user takes setpriv, on Linux hosts';
  if (process.getuid?.() !== 0) return 'running as another user needs root';
  if (!existsSync(SETPRIV)) return `running as another user takes ${SETPRIV}, which is not installed`;
  const [command, ...args] = AS_NOBODY;
  const probe = spawnSync(command, [...args, process.execPath, '-e', PROBE, JSON.stringify(paths)], { cwd: '/', encoding: 'utf8' });
  if (probe.status === 0) return undefined;
  const denial = parseDenial(probe.stdout);
  if (denial === undefined) return `uid ${NOBODY_UID} cannot run ${process.execPath}: ${probe.error?.message ?? firstLine(probe.stderr)}`;
  return `uid ${NOBODY_UID} cannot ${denial.need} ${denial.path} (${describeAccess(denial.path)}); a checkout every user can read runs this test`;
}

function parseDenial(stdout: string): Denial | undefined {
  try {
    return JSON.parse(stdout) as Denial;
  } catch {
    return undefined;
  }
}

/** `mode 0700, owner uid 0`: what decides who may enter or read. */
function describeAccess(path: string): string {
  const { mode, uid, gid } = statSync(path);
  return `mode 0${(mode & 0o777).toString(8)}, owner uid ${uid} gid ${gid}`;
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '') ?? 'no message';
}

/**
 * What makes a Wine prefix of the cache usable by Windows Node, checked
 * before every run: it was completed, its Windows folder is there, and it
 * reports Windows 10 (Node exits at once, "only supported on Windows 8.1…",
 * under the Windows 7 Wine reports by default). The prefix's other 700 MB are
 * Wine's own, rewritten by Wine as it runs, and not hashed: Wine repairs its
 * files when its version changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written once the prefix was created and told to report Windows 10. */
export const PREFIX_READY = '.winsock-conformance-ready';
/** The Windows version the prefix reports, as winecfg names it (`winecfg -v win10`). */
export const PREFIX_WINDOWS_VERSION = 'win10';
/** The major version Windows 10 reports, which winecfg writes with its build and product name. */
const WINDOWS_10_MAJOR = 10;
/** Without it Wine cannot start any program ("could not load kernel32.dll"). */
const WINDOWS_FOLDER_WITNESS = join('drive_c', 'windows', 'system32', 'kernel32.dll');

export interface PrefixDamage {
  /** A missing version is set again in place; anything else is remade from nothing. */
  readonly repair: 'set-version' | 'remake';
  readonly reason: string;
}

/** What is wrong with the existing prefix folder `prefix`, or undefined when it is usable. */
export function prefixDamage(prefix: string): PrefixDamage | undefined {
  if (!existsSync(join(prefix, PREFIX_READY))) return { repair: 'remake', reason: `${PREFIX_READY} is missing: it was never completed` };
  if (!existsSync(join(prefix, WINDOWS_FOLDER_WITNESS))) return { repair: 'remake', reason: `${WINDOWS_FOLDER_WITNESS} is missing: its Windows folder is gone` };
  const reported = reportedWindows(prefix);
  if (reported !== undefined) {
    return { repair: 'set-version', reason: `it reports ${reported}, not Windows 10, and Windows Node refuses to start below Windows 8.1 (and names the product it reads there)` };
  }
  return undefined;
}

/**
 * What the prefix's registry says Windows is when that is not Windows 10,
 * else undefined, as a wineserver starting now loads it: Wine reports the
 * version HKCU\Software\Wine names (Version), else the one of
 * HKLM\Software\Microsoft\Windows NT\CurrentVersion, whose product name
 * (`Microsoft Windows 10`) Node reports too. winecfg sets the latter whole;
 * a `reg add` of Version alone left Wine 8.0 reporting Windows 10 under the
 * name of Windows 7. A running wineserver keeps its own copy in memory and
 * writes it back from time to time and when it exits; a prefix damaged only
 * in that copy shows in the worker's start-up error instead.
 */
function reportedWindows(prefix: string): string | undefined {
  const chosen = registryValue(join(prefix, 'user.reg'), ['Software', 'Wine'], 'Version');
  if (chosen !== undefined && chosen !== `"${PREFIX_WINDOWS_VERSION}"`) return `${chosen} (HKCU\\Software\\Wine)`;
  const major = registryValue(join(prefix, 'system.reg'), ['Software', 'Microsoft', 'Windows NT', 'CurrentVersion'], 'CurrentMajorVersionNumber');
  const number = major === undefined ? undefined : Number.parseInt(major.replace(/^dword:/, ''), 16);
  return number === WINDOWS_10_MAJOR ? undefined : `major version ${number ?? "Wine's default"} (HKLM CurrentVersion)`;
}

/** A value of a key of a registry file, as written there (`"win10"`, `dword:0000000a`); undefined when either is missing. */
function registryValue(file: string, key: readonly string[], name: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // A key is a `[Path] time` line, its path's backslashes doubled, followed by its values up to the next blank line.
  const header = `\n[${key.join('\\\\')}] `;
  const start = text.indexOf(header);
  if (start < 0) return undefined;
  const values = text.slice(start + header.length).split('\n\n', 1)[0] ?? '';
  const prefix = `"${name}"=`;
  return values.split('\n').find((line) => line.startsWith(prefix))?.slice(prefix.length);
}

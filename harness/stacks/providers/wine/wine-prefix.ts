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
/** The Windows version the prefix reports (HKCU\Software\Wine, value Version). */
export const PREFIX_WINDOWS_VERSION = 'win10';
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
  const version = reportedVersion(prefix);
  if (version !== PREFIX_WINDOWS_VERSION) {
    return { repair: 'set-version', reason: `it reports ${version ?? "Wine's default Windows version"}, not ${PREFIX_WINDOWS_VERSION}, and Windows Node refuses to start below Windows 8.1` };
  }
  return undefined;
}

/**
 * The Version value of HKCU\Software\Wine as user.reg holds it: what a
 * wineserver starting now loads. A running wineserver keeps its own copy in
 * memory and writes it back from time to time and when it exits; a prefix
 * damaged only in that copy shows in the worker's start-up error instead.
 */
function reportedVersion(prefix: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(prefix, 'user.reg'), 'utf8');
  } catch {
    return undefined;
  }
  // A key is a `[Path] time` line followed by its values, up to the next blank line.
  const key = /^\[Software\\\\Wine\] [^\n]*\n((?:[^\n]+\n)*)/m.exec(text);
  return key?.[1] === undefined ? undefined : /^"Version"="([^"]*)"$/m.exec(key[1])?.[1];
}

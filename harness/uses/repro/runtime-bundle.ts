/**
 * Where the repro scripts' runtime is: standalone.ts and everything it
 * imports, bundled by `npm run build` (harness/build-steps/bundle-repro.ts)
 * into one file beside this module's compiled form, which every script
 * carries whole.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bundle's entry: the compiled standalone.ts. */
export const RUNTIME_ENTRY = fileURLToPath(new URL('./standalone.js', import.meta.url));

/** The bundle: CommonJS-compatible code that defines RUNTIME_GLOBAL and nothing else. */
export const RUNTIME_BUNDLE = fileURLToPath(new URL('./standalone.bundle.cjs', import.meta.url));

/** The one name the bundle defines: its exports (`main`). */
export const RUNTIME_GLOBAL = 'reproRuntime';

export function readRuntimeBundle(): string {
  try {
    return readFileSync(RUNTIME_BUNDLE, 'utf8');
  } catch (error) {
    throw new Error(`the repro scripts' runtime ${RUNTIME_BUNDLE} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); npm run build writes it`);
  }
}

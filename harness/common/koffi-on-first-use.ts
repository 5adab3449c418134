/**
 * koffi, loaded when first used rather than when a module is imported: on
 * Windows its native half may still be missing when the CLI starts, and the
 * native provider installs it before the first case
 * (harness/stacks/providers/koffi-native-part.ts). A repro script's bundle
 * maps this module to the koffi the script is given
 * (harness/uses/repro/koffi-at-run-time.ts).
 */
import { createRequire } from 'node:module';

type Koffi = typeof import('koffi');

let loaded: Koffi | undefined;

export function loadKoffi(): Koffi {
  loaded ??= createRequire(import.meta.url)('koffi') as Koffi;
  return loaded;
}

/**
 * koffi inside a repro script. The script carries no koffi of its own (a
 * native module cannot be bundled); it loads the one it is given on its
 * command line, `node repro.cjs [KOFFI]`, when first used. The bundler maps
 * every `import koffi from 'koffi'` of the bundled code here
 * (harness/build-steps/bundle-repro.ts), so the harness's modules run in the
 * script unchanged. Only the bundle loads this module.
 */
type Koffi = typeof import('koffi');

/** Where the script's koffi is: its first argument (a path, or a package name), `koffi` when none is given. */
export function koffiPath(): string {
  return process.argv[2] || 'koffi';
}

let loaded: Koffi | undefined;

export function loadKoffi(): Koffi {
  // The script is CommonJS, so `require` resolves the path as Node would for the script itself.
  loaded ??= require(koffiPath()) as Koffi;
  return loaded;
}

/** The modules import koffi at their start, before the script knows whether it can load it: each use loads it then. */
const lazyKoffi = new Proxy({} as Koffi, {
  get: (_target, key) => {
    const koffi = loadKoffi();
    const value = Reflect.get(koffi, key) as unknown;
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(koffi) : value;
  },
});

export default lazyKoffi;

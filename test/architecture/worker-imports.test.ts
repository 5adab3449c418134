/**
 * The worker runs in the provider's own Node (Windows Node under Wine), with
 * the koffi it is handed (`--koffi`), not the project's: whatever it loads
 * must load nothing that imports koffi itself, nor the loopback peers
 * (fixtures/, which open sockets, some through koffi). Read from the compiled
 * JavaScript, where type-only imports are gone, following every relative
 * import, static or dynamic, from the worker's entry.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORKER = path.join(DIST, 'harness', 'stacks', 'worker', 'main.js');

/** Every module the file loads, as absolute paths for relative ones and as written for packages. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^import\s[^;]*?from\s*|^export\s[^;]*?from\s*|^import\s*|\bimport\()\s*'([^']+)'/gm)].map((match) => match[1] ?? '');
  return specifiers.map((specifier) => (specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : specifier));
}

/** The files reachable from `entry`, each with the chain of imports that reaches it. */
function reachable(entry: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of importsOf(file)) {
      if (chains.has(imported)) continue;
      chains.set(imported, [...(chains.get(file) ?? []), imported]);
      if (path.isAbsolute(imported)) queue.push(imported);
    }
  }
  return chains;
}

describe('what the worker loads', () => {
  const chains = reachable(WORKER);
  const shown = (chain: readonly string[]): string => chain.map((file) => (path.isAbsolute(file) ? path.relative(DIST, file) : file)).join(' → ');

  it('reaches the argument readers and both bindings (so the check below sees them)', () => {
    const files = [...chains.keys()].map((file) => (path.isAbsolute(file) ? path.relative(DIST, file) : file));
    expect(files).to.include.members([
      'harness/language/calls/kinds/index.js',
      'harness/stacks/bindings/winsock/open.js',
      'harness/stacks/bindings/libc/open.js',
    ]);
  });

  it('imports neither koffi nor the loopback peers', () => {
    const forbidden = [...chains.entries()].filter(([file]) => file === 'koffi' || file.startsWith(path.join(DIST, 'fixtures') + path.sep));
    expect(forbidden.map(([, chain]) => shown(chain))).to.deep.equal([]);
  });
});

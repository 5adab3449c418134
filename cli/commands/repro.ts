/**
 * `winsock-conformance repro CASE-ID [--provider P] [--wine BUILD]`: prints a standalone
 * script that makes the case's calls and prints what it observes, with the
 * environment's fingerprint, runnable with the provider's Node and koffi
 * alone (harness/uses/repro/script.ts) — something to attach to a bug report.
 */
import { windowsPath } from '../../harness/stacks/providers/wine/paths.js';
import { defaultCacheDir, wineCommand, wineEnvironment } from '../../harness/stacks/providers/wine/provision.js';
import { wineBuildNamed } from '../../harness/stacks/providers/wine/wine-builds.js';
import { WINSOCK_PROVIDERS } from '../../harness/stacks/providers/registry.js';
import { reproScript, type ScriptOptions } from '../../harness/uses/repro/script.js';
import { privateWineOf } from '../../harness/uses/repro/private-wine.js';
import { didYouMean } from '../../harness/language/yaml/suggest.js';
import { EXIT, UsageError } from '../exit-status.js';
import { loadSuiteKnowledge } from '../suite-knowledge.js';
import type { Terminal } from '../terminal.js';

export interface ReproOptions {
  readonly provider: string;
  /** For wine: the build whose loader the script's run hint names (`--wine`). */
  readonly wine?: string;
}

export function reproCommand(caseId: string, options: ReproOptions, terminal: Terminal, harnessVersion: string): number {
  // A repro script calls ws2_32: only providers whose stack is Winsock have one.
  if (!(WINSOCK_PROVIDERS as readonly string[]).includes(options.provider)) {
    throw new UsageError(`repro writes scripts that call Winsock (ws2_32), for the ${WINSOCK_PROVIDERS.join(' and ')} providers; ${options.provider} has no ws2_32 (run its cases with: winsock-conformance run --provider ${options.provider} --grep ${caseId})`);
  }
  const { cases } = loadSuiteKnowledge();
  const testCase = cases.find((candidate) => candidate.id === caseId);
  if (testCase === undefined) throw new UsageError(`no case has the id "${caseId}"${didYouMean(caseId, cases.map((candidate) => candidate.id))}`);
  if (options.wine !== undefined && options.provider !== 'wine') throw new UsageError(`--wine ${options.wine} picks a build of Wine: it goes with --provider wine, not --provider ${options.provider}`);
  const made = reproScript(testCase, scriptOptions(options, harnessVersion));
  if ('unavailable' in made) {
    terminal.log(`winsock-conformance: ${made.unavailable}`);
    return EXIT.badInput;
  }
  terminal.stdout.write(made.script);
  return EXIT.green;
}

/** For Wine, the build's command lines and the cache's pieces, which a case of the private network runs with in the namespace its script makes. */
function scriptOptions(options: ReproOptions, harnessVersion: string): ScriptOptions {
  const common = { provider: options.provider, harnessVersion, runHint: runHint(options) };
  if (options.provider !== 'wine') return common;
  const cacheDir = defaultCacheDir();
  return { ...common, privateWine: privateWineOf(cacheDir, wineBuildNamed(options.wine, cacheDir)) };
}

/** How to run the script on this machine with the provider's Node and koffi (under Wine: with the build --wine names). */
function runHint(options: ReproOptions): string {
  if (options.provider === 'native') return 'node repro.cjs [KOFFI] — KOFFI is the koffi package to load (default: koffi, e.g. after npm install koffi)';
  const environment = wineEnvironment(defaultCacheDir(), wineBuildNamed(options.wine, defaultCacheDir()));
  const wine = wineCommand(environment, 'loader', [environment.nodeExe, 'repro.cjs', `'${windowsPath(environment.koffiDir)}'`]);
  const variables = Object.entries(wine.env).map(([name, value]) => `${name}=${value}`).join(' ');
  return `${variables} ${[wine.command, ...wine.args].join(' ')} (the Windows Node and koffi that winsock-conformance setup installed, under the Wine build ${environment.build.name})`;
}

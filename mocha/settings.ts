/**
 * What a mocha run of the suite is told through the environment: mocha's
 * command line belongs to mocha, so the choices `winsock-conformance run`
 * takes as options are environment variables here.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Provider } from '../harness/stacks/providers/provider.js';
import { createProvider, defaultProviderName, PROVIDER_NAMES } from '../harness/stacks/providers/registry.js';
import { STANDARDS, type Standard } from '../harness/judging/results/result.js';
import { inputOptionsFor, type InputOptions } from '../harness/run/runner/inputs.js';

export const VARIABLES = {
  /** The provider: wine, native or posix (default: native on Windows, wine elsewhere, as the CLI). */
  provider: 'WINSOCK_CONFORMANCE_PROVIDER',
  /** The Wine build of the wine provider: host, debian-13 or a path (the CLI's --wine). */
  wine: 'WINSOCK_CONFORMANCE_WINE',
  /** A folder of case files to run instead of the suite's cases/ (the CLI's --cases). */
  cases: 'WINSOCK_CONFORMANCE_CASES',
  /** A folder holding <provider>.yaml to read instead of expectations/ (the CLI's --expectations). */
  expectations: 'WINSOCK_CONFORMANCE_EXPECTATIONS',
  /** What documented steps are judged by: docs (default) or windows (the CLI's --against). */
  against: 'WINSOCK_CONFORMANCE_AGAINST',
  /** Where provider.log and provider-private.log go (default: a new folder in the system's temporary folder, removed after a run with no red case). */
  logDir: 'WINSOCK_CONFORMANCE_LOG_DIR',
} as const;

export interface MochaSettings {
  readonly provider: Provider;
  readonly inputs: InputOptions;
  readonly against: Standard;
  /** Made when the run starts, not when the suite is read: a listing (--dry-run) writes nothing. */
  readonly logDir: () => LogDir;
}

export interface LogDir {
  readonly path: string;
  /** Made for this run alone, and so removed after it unless a case there is a reason to read it for. */
  readonly temporary: boolean;
}

/** A variable that is wrong; the message names it and says what it takes. */
export class BadSetting extends Error {}

export function settingsFrom(env: NodeJS.ProcessEnv): MochaSettings {
  const value = (name: string): string | undefined => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const providerName = value(VARIABLES.provider) ?? defaultProviderName();
  const wine = value(VARIABLES.wine);
  if (wine !== undefined && providerName !== 'wine') throw new BadSetting(`${VARIABLES.wine}=${wine} picks a build of Wine: it goes with ${VARIABLES.provider}=wine, not ${providerName}`);
  const provider = createProvider(providerName, wine === undefined ? {} : { wine });
  if (provider === undefined) throw new BadSetting(`${VARIABLES.provider}=${providerName} is no provider; known providers: ${PROVIDER_NAMES.join(', ')}`);
  const against = value(VARIABLES.against) ?? 'docs';
  if (!isStandard(against)) throw new BadSetting(`${VARIABLES.against}=${against} is no standard; standards: ${STANDARDS.join(', ')}`);
  const cases = value(VARIABLES.cases);
  const expectations = value(VARIABLES.expectations);
  const logDir = value(VARIABLES.logDir);
  return {
    provider,
    against,
    inputs: inputOptionsFor(provider, {
      ...(cases === undefined ? {} : { cases }),
      ...(expectations === undefined ? {} : { expectations }),
      names: { cases: VARIABLES.cases, expectations: VARIABLES.expectations },
    }),
    logDir:
      logDir === undefined
        ? () => ({ path: mkdtempSync(join(tmpdir(), 'winsock-conformance-mocha-')), temporary: true })
        : () => ({ path: resolve(logDir), temporary: false }),
  };
}

function isStandard(name: string): name is Standard {
  return (STANDARDS as readonly string[]).includes(name);
}

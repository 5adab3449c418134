/** Option values the commands share, read from commander's parse into the harness's own types. */
import { InvalidArgumentError } from 'commander';
import type { Provider } from '../harness/stacks/providers/provider.js';
import { UsageError } from './exit-status.js';
import { createProvider, PROVIDER_NAMES } from '../harness/stacks/providers/registry.js';

export const REPORT_NAMES = ['console', 'junit', 'html'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** The provider `--provider` names, with the Wine build `--wine` names (for wine only). */
export function providerNamed(name: string, wine?: string): Provider {
  if (wine !== undefined && name !== 'wine') throw new UsageError(`--wine ${wine} picks a build of Wine: it goes with --provider wine, not --provider ${name}`);
  const provider = createProvider(name, wine === undefined ? {} : { wine });
  if (provider === undefined) throw new UsageError(`unknown provider "${name}"; known providers: ${PROVIDER_NAMES.join(', ')}`);
  return provider;
}

/** `--reporter console,html --reporter junit` → the set named; each name must be a known report. */
export function addReports(value: string, previous: readonly ReportName[] | undefined): ReportName[] {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !(REPORT_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown report ${unknown.join(', ')}; reports: ${REPORT_NAMES.join(', ')} (results.jsonl is always written)`);
  return [...new Set([...(previous ?? []), ...(names as ReportName[])])];
}

export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError(`expected a whole number from 1 up, got ${JSON.stringify(value)}`);
  return number;
}

export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Colour on the terminal: NO_COLOR (any value) turns it off, FORCE_COLOR
 * (other than 0) turns it on, else a terminal gets colour and a pipe does not.
 * https://no-color.org, https://force-color.org
 */
export function wantsColor(isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if ((env['NO_COLOR'] ?? '') !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0';
  return isTTY;
}

/**
 * The stack a run judged, in a few words, as every report names it: its
 * provider and version, and its build where the provider has several, so
 * that two runs of one provider on different builds read differently.
 */
import type { RunInfo } from './result.js';

/**
 * `Wine 10.0 (reports Windows 10.0.19043), build debian-13`; `native Windows
 * 10 Pro 10.0.19045`. The provider's name is left out when its version
 * starts with it (`Wine 9.0`, not `wine Wine 9.0`).
 */
export function providerLabel(run: Pick<RunInfo, 'provider' | 'providerVersion' | 'providerBuild'>): string {
  const version = run.providerVersion.toLowerCase().startsWith(run.provider.toLowerCase()) ? run.providerVersion : `${run.provider} ${run.providerVersion}`.trim();
  return run.providerBuild === undefined ? version : `${version}, build ${run.providerBuild.name}`;
}

/**
 * Names a Winsock stack from what Windows (or Wine) reports: one line for
 * people (`Wine 8.0 (reports Windows 10.0.19043)`, `Windows 11 Pro
 * 10.0.22631`) and the same split into fields for grouping and merging runs.
 */
import type { StackFacts } from '../../stack-facts.js';
import type { ProviderInfo } from '../../worker/protocol.js';

/** What node:os says: `release()` (`10.0.22631`) and `version()` (the product name, `Windows 11 Pro`). */
export interface WindowsFacts {
  readonly release: string;
  readonly productName: string;
}

/** What Wine's ntdll exports say: wine_get_version, wine_get_build_id, wine_get_host_version. */
export interface WineFacts {
  readonly version: string;
  readonly build?: string;
  /** `Linux 6.1.0-18-amd64`. */
  readonly host?: string;
}

export function describeWinsockStack(windows: WindowsFacts, wine: WineFacts | undefined): Pick<ProviderInfo, 'version' | 'stack'> {
  const build = Number(/^\d+\.\d+\.(\d+)/.exec(windows.release)?.[1]);
  const reported: StackFacts = {
    kind: wine === undefined ? 'windows' : 'wine',
    windowsVersion: windows.release,
    ...(Number.isInteger(build) ? { windowsBuild: build } : {}),
    ...(windows.productName === '' ? {} : { windowsEdition: windows.productName }),
  };
  if (wine === undefined) return { version: `${windows.productName} ${windows.release}`.trim(), stack: reported };
  return {
    // Under Wine the product name is whatever the prefix's registry says; the version number is what it reports.
    version: `Wine ${wine.version} (reports Windows ${windows.release})`,
    stack: {
      ...reported,
      wineVersion: wine.version,
      ...(wine.build === undefined ? {} : { wineBuild: wine.build }),
      ...(wine.host === undefined ? {} : { kernel: wine.host }),
    },
  };
}

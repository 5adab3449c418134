/** Opens the Winsock binding in a worker: ws2_32 loaded, Winsock started, the stack named. */
import { release, version as windowsName } from 'node:os';
import type { ProviderInfo } from '../../worker/protocol.js';
import { WinsockBinding } from './winsock-binding.js';
import { loadWs2_32 } from './ws2-32.js';

type Koffi = typeof import('koffi');

export function openWinsock(koffi: Koffi): WinsockBinding {
  const binding = new WinsockBinding(loadWs2_32(koffi), () => describeStack(koffi));
  binding.start();
  return binding;
}

function describeStack(koffi: Koffi): ProviderInfo {
  let wine: string | undefined;
  try {
    const ntdll = koffi.load('ntdll.dll');
    wine = (ntdll.func('const char *wine_get_version()') as () => string)();
  } catch {
    // Not Wine: ntdll has no wine_get_version on Windows.
  }
  // Under Wine the product name is whatever the prefix's registry says; the version number is what it reports.
  const version = wine ? `Wine ${wine} (reports Windows ${release()})` : `${windowsName()} ${release()}`;
  return { version, nodeVersion: process.version };
}

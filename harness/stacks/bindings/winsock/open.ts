/** Opens the Winsock binding in a worker: ws2_32 loaded, Winsock started, the stack named. */
import { release, version as productName } from 'node:os';
import type { ProviderInfo } from '../../worker/protocol.js';
import { describeWinsockStack, type WineFacts } from './stack.js';
import { WinsockBinding } from './winsock-binding.js';
import { loadWs2_32 } from './ws2-32.js';

type Koffi = typeof import('koffi');

export function openWinsock(koffi: Koffi): WinsockBinding {
  const binding = new WinsockBinding(loadWs2_32(koffi), () => describeStack(koffi));
  binding.start();
  return binding;
}

function describeStack(koffi: Koffi): ProviderInfo {
  return { ...describeWinsockStack({ release: release(), productName: productName() }, wineFacts(koffi)), nodeVersion: process.version, koffiVersion: koffi.version };
}

/** What Wine's ntdll says of itself and of its host; undefined on Windows, whose ntdll has no wine_get_version. */
function wineFacts(koffi: Koffi): WineFacts | undefined {
  let ntdll: ReturnType<Koffi['load']>;
  let version: string;
  try {
    ntdll = koffi.load('ntdll.dll');
    version = (ntdll.func('const char *wine_get_version()') as () => string)();
  } catch {
    return undefined;
  }
  const optional = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch {
      // An older or stripped Wine without this export: the fact is left out.
      return undefined;
    }
  };
  const build = optional(() => (ntdll.func('const char *wine_get_build_id()') as () => string)());
  const host = optional(() => {
    const sysname: (string | null)[] = [null];
    const hostRelease: (string | null)[] = [null];
    (ntdll.func('void wine_get_host_version(_Out_ const char **sysname, _Out_ const char **release)') as (a: unknown, b: unknown) => void)(sysname, hostRelease);
    return sysname[0] && hostRelease[0] ? `${sysname[0]} ${hostRelease[0]}` : undefined;
  });
  return { version, ...(build === undefined ? {} : { build }), ...(host === undefined ? {} : { host }) };
}

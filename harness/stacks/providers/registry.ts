/** Providers by the name `--provider` takes: the one list of their names, each with the binding its worker runs. */
import type { BindingName } from '../bindings/catalogue.js';
import { NativeWinsockProvider } from './native.js';
import { PosixProvider } from './posix.js';
import type { Provider, ProviderSettings } from './provider.js';
import { defaultCacheDir } from './wine/provision.js';
import { wineBuildNamed } from './wine/wine-builds.js';
import { WineProvider } from './wine/wine-provider.js';

const PROVIDERS = {
  wine: { binding: 'winsock', create: (settings: ProviderSettings) => new WineProvider(wineBuildNamed(settings.wine, defaultCacheDir()), settings) },
  native: { binding: 'winsock', create: () => new NativeWinsockProvider() },
  posix: { binding: 'libc', create: () => new PosixProvider() },
} as const;

export type ProviderName = keyof typeof PROVIDERS;

/** A provider entered under name N: it answers to N (`expectations/<N>.yaml`) and its worker runs the binding the entry names. */
interface Entry<N extends ProviderName> {
  readonly binding: BindingName;
  create(settings: ProviderSettings): Provider & { readonly name: N; readonly binding: { readonly name: (typeof PROVIDERS)[N]['binding'] } };
}

// The compiler checks each entry against the provider it creates, so that the names and bindings here cannot drift from the classes'.
PROVIDERS satisfies { readonly [N in ProviderName]: Entry<N> };

export const PROVIDER_NAMES = Object.keys(PROVIDERS) as ProviderName[];

/** The providers whose stack is Winsock (ws2_32): a repro script, which calls ws2_32, runs on these. */
export const WINSOCK_PROVIDERS: readonly ProviderName[] = PROVIDER_NAMES.filter((name) => PROVIDERS[name].binding === 'winsock');

export function defaultProviderName(): ProviderName {
  return process.platform === 'win32' ? 'native' : 'wine';
}

export function createProvider(name: string, settings: ProviderSettings = {}): Provider | undefined {
  return isProviderName(name) ? PROVIDERS[name].create(settings) : undefined;
}

function isProviderName(name: string): name is ProviderName {
  return Object.hasOwn(PROVIDERS, name);
}

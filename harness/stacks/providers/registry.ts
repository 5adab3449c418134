/** Providers by the name `--provider` takes. */
import { NativeWinsockProvider } from './native.js';
import { PosixProvider } from './posix.js';
import type { Provider, ProviderSettings } from './provider.js';
import { defaultCacheDir } from './wine/provision.js';
import { wineBuildNamed } from './wine/wine-builds.js';
import { WineProvider } from './wine/wine-provider.js';

const FACTORIES: Readonly<Record<string, (settings: ProviderSettings) => Provider>> = {
  wine: (settings) => new WineProvider(wineBuildNamed(settings.wine, defaultCacheDir()), settings),
  native: () => new NativeWinsockProvider(),
  posix: () => new PosixProvider(),
};

export const PROVIDER_NAMES = Object.keys(FACTORIES);

export function defaultProviderName(): string {
  return process.platform === 'win32' ? 'native' : 'wine';
}

export function createProvider(name: string, settings: ProviderSettings = {}): Provider | undefined {
  return FACTORIES[name]?.(settings);
}

/** Providers by the name `--provider` takes. */
import { NativeWinsockProvider } from './native.js';
import { PosixProvider } from './posix.js';
import type { Provider } from './provider.js';
import { WineProvider } from './wine/wine-provider.js';

const FACTORIES: Readonly<Record<string, () => Provider>> = {
  wine: () => new WineProvider(),
  native: () => new NativeWinsockProvider(),
  posix: () => new PosixProvider(),
};

export const PROVIDER_NAMES = Object.keys(FACTORIES);

export function defaultProviderName(): string {
  return process.platform === 'win32' ? 'native' : 'wine';
}

export function createProvider(name: string): Provider | undefined {
  return FACTORIES[name]?.();
}

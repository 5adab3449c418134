/**
 * Winsock on Windows itself: the worker runs in this very Node, with the
 * project's koffi and its native half for this Windows, which prepare()
 * installs when npm did not (koffi-native-part.ts).
 */
import { BINDINGS } from '../bindings/catalogue.js';
import { ensureKoffiNativePart, type KoffiTarget } from './koffi-native-part.js';
import { InProcessProvider } from './in-process-provider.js';
import { ProviderUnavailable } from './provider.js';

export class NativeWinsockProvider extends InProcessProvider {
  readonly name = 'native';
  readonly binding = BINDINGS.winsock;

  /** The system the run is on; another only in tests. */
  constructor(private readonly system: KoffiTarget = { platform: process.platform, arch: process.arch }) {
    super();
  }

  /** One build: the Windows the run is on, which the worker reports itself. */
  async prepare(log: (line: string) => void): Promise<undefined> {
    if (this.system.platform !== 'win32') {
      throw new ProviderUnavailable(
        `the native provider is Windows' own Winsock and runs only on Windows (this is ${this.system.platform}); use --provider wine here`,
      );
    }
    await ensureKoffiNativePart(this.system, log);
    return undefined;
  }
}

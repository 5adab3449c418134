/**
 * The host's own sockets through libc: the worker runs in the host's Node
 * (this very executable, no Wine) with the koffi npm installed for the host,
 * and its libc binding makes each call as its POSIX counterpart. The
 * Winsock semantics the cases document came from BSD sockets; this provider
 * shows, case by case, where a POSIX stack (Linux's here) agrees and where
 * it does not.
 */
import { BINDINGS } from '../bindings/catalogue.js';
import { hostAbi, HostUnsupported } from '../../common/net/host-abi.js';
import { InProcessProvider } from './in-process-provider.js';
import { ProviderUnavailable } from './provider.js';

export class PosixProvider extends InProcessProvider {
  readonly name = 'posix';
  readonly binding = BINDINGS.libc;

  constructor(private readonly platform: NodeJS.Platform = process.platform) {
    super();
  }

  /** One build: the host's own kernel and libc, which the worker reports itself. */
  async prepare(): Promise<undefined> {
    try {
      hostAbi(this.platform);
    } catch (error) {
      if (error instanceof HostUnsupported) throw new ProviderUnavailable(`the posix provider cannot run on this host: ${error.message}`);
      throw error;
    }
    return undefined;
  }
}

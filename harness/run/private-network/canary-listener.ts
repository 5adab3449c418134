/**
 * A loopback listener that only notes whether anything connected to it: the
 * private network's canaries. The run holds one on the outer loopback, which
 * the provider in the private network must not reach; the runner in there
 * holds one in its own namespace, which the provider must reach.
 */
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';

export interface CanaryListener {
  readonly port: number;
  /** Whether a connection has been accepted. */
  readonly reached: boolean;
  /** Settles once a connection has been accepted. */
  readonly firstConnection: Promise<void>;
  close(): void;
}

export async function openCanaryListener(): Promise<CanaryListener> {
  let reached = false;
  let noteReached: () => void = () => undefined;
  const firstConnection = new Promise<void>((resolve) => (noteReached = resolve));
  const server = createServer((socket) => {
    reached = true;
    noteReached();
    socket.destroy();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    get reached() {
      return reached;
    },
    firstConnection,
    close: () => server.close(),
  };
}

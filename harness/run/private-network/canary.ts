/**
 * The private network's canary, run by its runner before any case: proof
 * that the provider's sockets live in the runner's own namespace. A
 * listener on the outer loopback only shows that they do not live outside;
 * a worker whose sockets lived in another run's namespace (through a
 * wineserver shared with it) would fail to reach it too. So the provider
 * must also reach a listener the runner holds inside, and that very
 * listener must accept the connection.
 */
import { runCase, type CaseSetting } from '../runner/run-case.js';
import { withinBound } from '../../common/within-bound.js';
import { canaryCaseFor, INSIDE_ACCEPT_BOUND_MS } from './canary-case.js';
import { openCanaryListener } from './canary-listener.js';

/** Runs the canary; undefined when it proves that the provider's sockets live in this namespace, else why not. */
export async function isolationUnproven(outsidePort: number, setting: CaseSetting): Promise<string | undefined> {
  const inside = await openCanaryListener();
  try {
    const canary = await runCase(canaryCaseFor(inside.port, outsidePort), setting);
    if (canary.verdict !== 'PASS') return `the canary ended ${canary.verdict} (${canary.message})`;
    // A listener on the same port in another namespace would accept too: only this one's accept proves the socket lives here.
    const accepted = await withinBound(inside.firstConnection.then(() => true), INSIDE_ACCEPT_BOUND_MS);
    return accepted === true ? undefined : `the canary's connect succeeded, but not to the listener in this namespace (nothing accepted within ${INSIDE_ACCEPT_BOUND_MS} ms)`;
  } finally {
    inside.close();
  }
}


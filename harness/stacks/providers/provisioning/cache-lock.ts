/**
 * One provisioning at a time per cache folder, across processes: a second
 * run (or `setup`) waits for the first to finish, then finds the pieces in
 * place. The lock is proper-lockfile's, refreshed while held, so the lock of
 * a killed run goes stale and is taken over.
 */
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/** Fetching Windows Node and creating a prefix takes about a minute on a fresh machine; wait a little longer. */
const WAIT = { retries: 200, minTimeout: 200, maxTimeout: 1000 } as const;
const STALE_MS = 20_000;

export async function withCacheLock<T>(cacheDir: string, log: (line: string) => void, work: () => Promise<T>): Promise<T> {
  const options = { lockfilePath: join(cacheDir, '.winsock-conformance.lock'), stale: STALE_MS, onCompromised: () => undefined };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(cacheDir, { ...options, retries: 0 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    log(`another run is preparing ${cacheDir}; waiting for it…`);
    release = await lockfile.lock(cacheDir, { ...options, retries: WAIT });
  }
  try {
    return await work();
  } finally {
    await release();
  }
}

/**
 * One run owns its output folder: a second run into the same folder would
 * interleave results.jsonl and overwrite the reports. The claim is a lock
 * (proper-lockfile) that a live run keeps fresh; the lock of a run that was
 * killed goes stale within seconds, and the next run takes the folder over.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { makeFolder } from '../../common/files/make-folder.js';
import { isStorageRefusal, OutputNotWritten } from '../../common/files/output-not-written.js';
import { messageOf } from '../../common/message-of.js';
import { UnusablePath } from '../../common/files/unusable-path.js';

const LOCK_NAME = '.winsock-conformance.lock';
/** A run refreshes its lock every few seconds; one not refreshed for this long belongs to a dead run. */
const STALE_MS = 10_000;

export type Release = () => Promise<void>;

/**
 * Creates `outDir` if needed and claims it for this run; throws UnusablePath
 * when the path is wrong or taken, OutputNotWritten when the file system
 * refuses to store anything there (full, read-only, not permitted).
 */
export async function claimOutDir(outDir: string): Promise<Release> {
  makeFolder(outDir);
  try {
    return await lockfile.lock(outDir, {
      lockfilePath: path.join(outDir, LOCK_NAME),
      stale: STALE_MS,
      // A lock that could not be refreshed (folder removed under us) must not crash the run.
      onCompromised: () => undefined,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new UnusablePath(`another run is writing its reports to ${outDir}; wait for it to end, or choose another --out`);
    }
    if (isStorageRefusal(error)) throw new OutputNotWritten(outDir, error);
    throw new UnusablePath(`cannot write to the report folder ${outDir}: ${messageOf(error)}; choose another --out`);
  }
}

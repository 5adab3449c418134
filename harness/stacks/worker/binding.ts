/**
 * What a worker runs calls through: one binding to one socket stack. The
 * worker's main loop only forwards requests to it.
 */
import type { RawArgs } from '../../language/calls/arguments.js';
import type { Observation } from '../../language/calls/observation.js';
import type { ProviderInfo } from './protocol.js';

export interface WorkerBinding {
  /** Makes one call of the case language; throws ArgumentError for arguments it cannot pass, Unsupported for a call it cannot make. */
  call(name: string, args: RawArgs): Observation;
  /** Ends a case: closes every socket it left open and undoes its start-ups; returns how many sockets there were. */
  reset(): number;
  info(): ProviderInfo;
}

/** The binding has no way to make this call; the case is SKIP (the runner checks capabilities first, so this is a backstop). */
export class Unsupported extends Error {}

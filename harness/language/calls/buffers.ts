/** Buffers the Winsock calls read back, shared by their declarations. */
import type { Observation } from './observation.js';

/** The bytes a receiving call wrote, as text, added to its observation when it succeeded. */
export function withData(observation: Observation, buffer: Buffer): Observation {
  if (typeof observation.returns !== 'number') return observation;
  return { ...observation, data: buffer.subarray(0, observation.returns).toString('utf8') };
}

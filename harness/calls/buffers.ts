/** Small buffers the Winsock calls pass and read back, shared by their declarations. */
import type { Observation } from '../results/result.js';

/** A 4-byte little-endian int, as `int *` arguments take it. */
export function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32LE(value);
  return buffer;
}

/** The bytes a receiving call wrote, as text, added to its observation when it succeeded. */
export function withData(observation: Observation, buffer: Buffer): Observation {
  if (typeof observation.returns !== 'number') return observation;
  return { ...observation, data: buffer.subarray(0, observation.returns).toString('utf8') };
}

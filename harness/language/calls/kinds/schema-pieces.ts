/** JSON Schema shapes several kinds share. */
import type { SchemaObject } from 'ajv';
import { boundedInteger, describeBounds, type Bounds } from '../bounds.js';
import { ref } from '../../cases/schema-fragments.js';

/** An integer within `bounds` (the range the call really takes: harness/language/calls/bounds.ts), or a reference to one. */
export function boundedNumber(description: string, bounds: Bounds): SchemaObject {
  return { description, anyOf: [boundedInteger(`An integer from ${describeBounds(bounds)}.`, bounds), ref('reference')] };
}

/** A value written as `number`, or a reference to one. */
export function numberOrReference(number: SchemaObject): SchemaObject {
  return { anyOf: [number, ref('reference')] };
}

/** A pointer argument: NULL, a reference, or the structure written out as `object`. */
export function pointer(object: SchemaObject): SchemaObject {
  return { anyOf: [{ description: 'A NULL pointer.', type: 'null' }, ref('reference'), object] };
}

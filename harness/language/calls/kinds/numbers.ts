/** Plain numbers and truth values: a count, an integer (each narrowed by the argument when the call takes less), a flag. */
import { boundedInteger, COUNT_BOUNDS, describeBounds, INT_BOUNDS } from '../bounds.js';
import { argumentKind, ArgumentError, boundedKind } from './kind.js';
import { readBounded } from './reading.js';
import { numberOrReference } from './schema-pieces.js';

export const count = boundedKind({
  title: 'count',
  description: 'A non-negative integer (a C int), or a reference to one.',
  schema: numberOrReference(boundedInteger(`A non-negative integer, at most ${COUNT_BOUNDS.maximum}.`, COUNT_BOUNDS)),
  bounds: COUNT_BOUNDS,
  read: (value, name, _constant, bounds) => readBounded(value, name, bounds ?? COUNT_BOUNDS),
});

export const integer = boundedKind({
  title: 'integer',
  description: 'An integer (a C int), or a reference to one.',
  schema: numberOrReference(boundedInteger(`An integer from ${describeBounds(INT_BOUNDS)}.`, INT_BOUNDS)),
  bounds: INT_BOUNDS,
  read: (value, name, _constant, bounds) => readBounded(value, name, bounds ?? INT_BOUNDS),
});

export const flag = argumentKind<boolean>({
  title: 'flag',
  description: '`true` or `false`, or a reference to one.',
  schema: numberOrReference({ description: 'true or false', type: 'boolean' }),
  read(value, name) {
    if (typeof value === 'boolean') return value;
    throw new ArgumentError(`argument ${name}: expected true or false, got ${JSON.stringify(value)}`);
  },
});

/** One kind per group of symbolic constants (harness/language/vocabulary/constants.ts): a name of the group, or a number. */
import { boundedInteger, CONSTANT_BOUNDS } from '../bounds.js';
import { listed, ref } from '../../cases/schema-fragments.js';
import { CONSTANTS, CONSTANT_GROUPS, constantNames, type ConstantGroup } from '../../vocabulary/constants.js';
import { argumentKind, ArgumentError, type ArgumentKind } from './kind.js';
import { readBounded } from './reading.js';

function constantKind(group: ConstantGroup): ArgumentKind<number> {
  const { description } = CONSTANTS[group];
  const names = constantNames(group);
  return argumentKind<number>({
    title: description.toLowerCase(),
    description: `${description}: ${listed(names)}, or a number.`,
    schema: {
      anyOf: [{ description: `${description} by name`, enum: names }, boundedInteger(`${description} as a number`, CONSTANT_BOUNDS[group]), ref('reference')],
    },
    read(value, name, constant) {
      if (typeof value === 'number') return readBounded(value, name, CONSTANT_BOUNDS[group]);
      const number = typeof value === 'string' ? constant(group, value) : undefined;
      if (number === undefined) throw new ArgumentError(`argument ${name}: expected a number or a known constant, got ${JSON.stringify(value)}`);
      return number;
    },
  });
}

export const CONSTANT_KINDS = Object.fromEntries(CONSTANT_GROUPS.map((group) => [group, constantKind(group)])) as { readonly [G in ConstantGroup]: ArgumentKind<number> };

/**
 * Memory an earlier step passed to the provider and the binding keeps for
 * the case (an OVERLAPPED, a WSABUF the provider writes after the call
 * returns): a later step names it by the number the earlier step reported,
 * its place among those the case passed (1, 2…), usually as a reference
 * (`$cx.overlapped`).
 */
import { boundedInteger, COUNT_BOUNDS } from '../bounds.js';
import { ref } from '../../cases/schema-fragments.js';
import { argumentKind, type ArgumentKind } from './kind.js';
import { readBounded } from './reading.js';

const NUMBER_BOUNDS = { ...COUNT_BOUNDS, minimum: 1 };

/** The kind of such a number: `what` says what it numbers ("an OVERLAPPED"). */
export function passedByNumber({ title, description, what }: { readonly title: string; readonly description: string; readonly what: string }): ArgumentKind<number> {
  return argumentKind<number>({
    title,
    description,
    schema: { anyOf: [ref('reference'), boundedInteger(`The number of ${what} within the case (1, 2…).`, NUMBER_BOUNDS)] },
    read: (value, name) => readBounded(value, name, NUMBER_BOUNDS),
  });
}

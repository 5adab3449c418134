/**
 * Overlapped I/O: the OVERLAPPED a call starts an operation with, and the one
 * a later call asks about. An OVERLAPPED must stay where it is until its
 * operation completes, which may be steps later, so a step that passes one
 * gets it from the binding, numbered within the case (1, 2…), and reports
 * that number; a later step names it by that number (`$cx.overlapped`).
 */
import { ref } from '../../cases/schema-fragments.js';
import { argumentKind } from './kind.js';
import { passedByNumber } from './passed.js';
import { objectField, readHandle } from './reading.js';
import { pointer } from './schema-pieces.js';

/** A new OVERLAPPED, zeroed, whose hEvent is this event object; or NULL. */
export type NewOverlapped = { readonly event: number } | null;

export const overlapped = argumentKind<NewOverlapped>({
  title: 'overlapped',
  description:
    'lpOverlapped: `{ event: $e }` for a new OVERLAPPED, zeroed, whose hEvent is the event object (kept from WSACreateEvent), or `null` for a NULL pointer. The step reports it as `overlapped`, its number within the case.',
  schema: pointer({
    title: 'overlapped',
    description: 'A new OVERLAPPED signalling an event object.',
    type: 'object',
    properties: { event: ref('event', 'hEvent: the event object the completion signals.') },
    required: ['event'],
    additionalProperties: false,
  }),
  read: (value, name) => (value === null ? null : { event: readHandle(objectField(value, name, 'event'), `${name}.event`, 'an event') }),
});

/** An OVERLAPPED an earlier step of the case passed, by the number that step reported. */
export const passedOverlapped = passedByNumber({
  title: 'passed overlapped',
  description: 'The OVERLAPPED an earlier step passed, by the number it reported: `$cx.overlapped`.',
  what: 'an OVERLAPPED',
});

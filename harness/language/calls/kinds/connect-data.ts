/** WSAConnect's connect data: the WSABUF a call sends (lpCallerData) and the one it offers to receive into (lpCalleeData). */
import { LENGTH_BOUNDS } from '../bounds.js';
import { ref } from '../../cases/schema-fragments.js';
import { argumentKind } from './kind.js';
import { passedByNumber } from './passed.js';
import { objectField, readBounded, readText } from './reading.js';
import { boundedNumber, pointer } from './schema-pieces.js';

/** lpCallerData: the bytes of the WSABUF and, when given, the len it claims (its buffer is that long), or NULL. */
export type CallerData = { readonly data: string; readonly len?: number } | null;
/**
 * lpCalleeData: a WSABUF with a buffer of this many bytes (none, NULL, for 0), or NULL. The binding keeps
 * both until the case ends: for a non-blocking connect, the page makes the WSABUF valid only once
 * FD_CONNECT has occurred, after the call returned.
 */
export type CalleeData = { readonly length: number } | null;

export const callerData = argumentKind<CallerData>({
  title: 'callerData',
  description: 'lpCallerData: `{ data: text, len?: n }` for a WSABUF holding the text, or `null` (or left out) for a NULL pointer.',
  schema: pointer({
    title: 'callerData',
    description: 'A WSABUF holding text.',
    type: 'object',
    properties: {
      data: ref('text', 'The bytes of the buffer, as text.'),
      len: boundedNumber(`The len the WSABUF claims, when not the length of the data: its buffer is then this long (at most ${LENGTH_BOUNDS.maximum} bytes), the data followed by zeros.`, LENGTH_BOUNDS),
    },
    required: ['data'],
    additionalProperties: false,
  }),
  read(value, name) {
    if (value === null) return null;
    const data = readText(objectField(value, name, 'data'), `${name}.data`);
    const len = objectField(value, name, 'len');
    return len === undefined ? { data } : { data, len: readBounded(len, `${name}.len`, LENGTH_BOUNDS) };
  },
});

export const calleeData = argumentKind<CalleeData>({
  title: 'calleeData',
  description:
    'lpCalleeData: `{ length: n }` for a WSABUF with an n-byte buffer, kept until the case ends (its `len` after the call is observed, and `readWsabuf` reads it later), or `null` (or left out) for a NULL pointer.',
  schema: pointer({
    title: 'calleeData',
    description: 'A WSABUF with an empty buffer of the given size.',
    type: 'object',
    properties: { length: boundedNumber(`Size of the buffer in bytes (at most ${LENGTH_BOUNDS.maximum}).`, LENGTH_BOUNDS) },
    required: ['length'],
    additionalProperties: false,
  }),
  read: (value, name) => (value === null ? null : { length: readBounded(objectField(value, name, 'length'), `${name}.length`, LENGTH_BOUNDS) }),
});

/** A WSABUF an earlier step passed and the binding keeps for the case, by the number that step reported. */
export const passedWsabuf = passedByNumber({
  title: 'passed WSABUF',
  description: 'A WSABUF an earlier step passed, by the number it reported: `$c.calleeWsabuf` for the lpCalleeData of a WSAConnect kept `as: c`.',
  what: 'a WSABUF',
});

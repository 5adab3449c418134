/**
 * Room for an address a call writes back (WSAConnectByName's LocalAddress
 * and RemoteAddress): a buffer of n bytes and the DWORD holding n on input,
 * which the call sets on output; or NULL for both pointers.
 */
import { LENGTH_BOUNDS } from '../bounds.js';
import { argumentKind } from './kind.js';
import { objectField, readBounded } from './reading.js';
import { boundedNumber, pointer } from './schema-pieces.js';

/** The buffer's size in bytes, which is also the length passed in; or null for NULL pointers. */
export type AddressRoom = { readonly length: number } | null;

export const addressRoom = argumentKind<AddressRoom>({
  title: 'address room',
  description:
    '`{ length: n }` for an n-byte SOCKADDR buffer and a DWORD holding n (its value after the call and the address written are observed), or `null` (or left out) for NULL pointers to both.',
  schema: pointer({
    title: 'address room',
    description: 'A buffer for an address, and its length.',
    type: 'object',
    properties: { length: boundedNumber(`Size of the buffer in bytes, and the length passed in (at most ${LENGTH_BOUNDS.maximum}).`, LENGTH_BOUNDS) },
    required: ['length'],
    additionalProperties: false,
  }),
  read: (value, name) => (value === null ? null : { length: readBounded(objectField(value, name, 'length'), `${name}.length`, LENGTH_BOUNDS) }),
});

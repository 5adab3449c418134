/** A socket address (SOCKADDR_IN or SOCKADDR_IN6), written field by field or as a peer reference, or NULL. */
import { sockaddrMismatch, type SockAddr } from '../../../common/net/sockaddr.js';
import { boundedInteger, describeBounds, ULONG_BOUNDS, USHORT_BOUNDS, withinBounds } from '../bounds.js';
import { listed, ref } from '../../cases/schema-fragments.js';
import { constantNames } from '../../vocabulary/constants.js';
import { argumentKind, ArgumentError } from './kind.js';
import { boundedNumber, pointer } from './schema-pieces.js';

export const socketAddress = argumentKind<SockAddr | null>({
  title: 'socket address',
  description: 'A socket address: a peer reference (`$server`), `{ family, address, port, flowinfo?, scopeId? }`, or `null` for a NULL pointer.',
  schema: pointer({
    title: 'socket address',
    description: 'A socket address written out field by field.',
    type: 'object',
    properties: {
      family: {
        description: `\`sin_family\`/\`sin6_family\`, a u_short: ${listed(constantNames('addressFamily'))}, or a number from ${describeBounds(USHORT_BOUNDS)}.`,
        anyOf: [{ description: 'An address family by name', enum: constantNames('addressFamily') }, boundedInteger('A family number (two bytes in the structure).', USHORT_BOUNDS), ref('reference')],
      },
      address: { description: 'The IP address as text (`127.0.0.1`, `::1`, `0.0.0.0`), or a reference to one (`$server.address`).', type: 'string' },
      port: {
        description: 'The port number (0 to 65535), or a reference to one (`$server.port`).',
        anyOf: [boundedInteger('A port number.', USHORT_BOUNDS), ref('reference')],
      },
      flowinfo: boundedNumber('`sin6_flowinfo` (AF_INET6 only; default 0): a ULONG.', ULONG_BOUNDS),
      scopeId: boundedNumber('`sin6_scope_id` (AF_INET6 only; default 0): a ULONG.', ULONG_BOUNDS),
    },
    required: ['family', 'address', 'port'],
    additionalProperties: false,
  }),
  read(value, name) {
    if (value === null) return null;
    const address = asSocketAddress(value);
    if (address === undefined) throw new ArgumentError(`argument ${name}: expected a socket address { family, address, port }, got ${JSON.stringify(value)}`);
    if (typeof address.family === 'number' && !withinBounds(address.family, USHORT_BOUNDS)) {
      throw new ArgumentError(`argument ${name}: family ${address.family} does not fit sa_family, a u_short (${describeBounds(USHORT_BOUNDS)})`);
    }
    const mismatch = sockaddrMismatch(address);
    if (mismatch !== undefined) throw new ArgumentError(`argument ${name}: ${mismatch.message}`);
    return address;
  },
});

/** A value as a socket address argument takes it (`{ family, address, port, … }`), or undefined when it is none. */
export function asSocketAddress(value: unknown): SockAddr | undefined {
  return value !== null && typeof value === 'object' && 'address' in value && 'port' in value && 'family' in value ? (value as SockAddr) : undefined;
}

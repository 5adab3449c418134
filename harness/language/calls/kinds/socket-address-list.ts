/** A SOCKET_ADDRESS_LIST: the socket addresses a call may connect to, in order, or NULL. */
import type { SockAddr } from '../../../common/net/sockaddr.js';
import { ref } from '../../cases/schema-fragments.js';
import { argumentKind, ArgumentError } from './kind.js';
import { socketAddress } from './socket-address.js';

export const socketAddressList = argumentKind<readonly SockAddr[] | null>({
  title: 'socket address list',
  description:
    'A SOCKET_ADDRESS_LIST: a list of socket addresses (each a peer reference or `{ family, address, port, … }`), its `iAddressCount` the length of the list; or `null` for a NULL pointer.',
  schema: { anyOf: [{ description: 'A NULL pointer.', type: 'null' }, { type: 'array', items: ref('socketAddress') }] },
  read(value, name) {
    if (value === null) return null;
    if (!Array.isArray(value)) throw new ArgumentError(`argument ${name}: expected a list of socket addresses or null, got ${JSON.stringify(value)}`);
    return value.map((entry, index) => {
      const address = socketAddress.read(entry, `${name}[${index}]`, () => undefined, undefined);
      if (address === null) throw new ArgumentError(`argument ${name}[${index}]: a SOCKET_ADDRESS of the list has an address; write the address`);
      return address;
    });
  },
});

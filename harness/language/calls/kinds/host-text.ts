/** A host or a service as text (WSAConnectByName's nodename and servicename), or NULL. */
import { argumentKind } from './kind.js';
import { readText } from './reading.js';

export const hostText = argumentKind<string | null>({
  title: 'host text',
  description:
    'A NUL-terminated string in the encoding of the call (UTF-16 for a `W` call, the ANSI code page for an `A` call): a host as a name or an address literal (`localhost`, `127.0.0.1`, `::1`), or a service as a name or a port number (`http`, `$server.port`); or `null` for a NULL pointer. A leading `$` makes it a reference.',
  schema: { anyOf: [{ description: 'A NULL pointer.', type: 'null' }, { type: 'string' }, { description: 'A port number, given as its decimal text.', type: 'integer', minimum: 0, maximum: 65535 }] },
  read(value, name) {
    if (value === null) return null;
    // A port taken from a reference (`$server.port`) is passed as its decimal text, as a C caller would write it.
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    return readText(value, name);
  },
});

/** A mask of network events (FD_*), as WSAEventSelect and WSAAsyncSelect take it, written as a list of their names. */
import { CONSTANT_BOUNDS, withinBounds } from '../bounds.js';
import { ref } from '../../cases/schema-fragments.js';
import { argumentKind, ArgumentError } from './kind.js';

export const fdEvents = argumentKind<number>({
  title: 'network events',
  description: 'Network events, as a list: `[FD_CONNECT]`, `[FD_READ, FD_CLOSE]`; `[]` selects none.',
  schema: { type: 'array', items: ref('networkEvent'), uniqueItems: true },
  /** `[FD_CONNECT, FD_WRITE]` → their mask; an empty list is 0, which selects no event. */
  read(value, name, constant) {
    if (!Array.isArray(value)) throw new ArgumentError(`argument ${name}: expected a list of network events, got ${JSON.stringify(value)}`);
    return value.reduce((mask: number, event: unknown, index) => {
      const bit = typeof event === 'number' && withinBounds(event, CONSTANT_BOUNDS.networkEvent) ? event : typeof event === 'string' ? constant('networkEvent', event) : undefined;
      if (bit === undefined) throw new ArgumentError(`argument ${name}[${index}]: expected a network event (FD_CONNECT…), got ${JSON.stringify(event)}`);
      return (mask | bit) >>> 0;
    }, 0);
  },
});

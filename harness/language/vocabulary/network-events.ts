/**
 * Network events (FD_*) as bits and as names: WSAEventSelect and
 * WSAAsyncSelect take a mask of them, WSAEnumNetworkEvents reports a mask
 * with one error per bit, a WSAAsyncSelect message carries one event and
 * its error. Cases and results name them; the numbers are in constants.ts.
 */
import { CONSTANTS } from './constants.js';

const EVENTS: readonly (readonly [string, number])[] = Object.entries(CONSTANTS.networkEvent.values);

/** FD_MAX_EVENTS: WSANETWORKEVENTS has this many error slots, one per bit. */
export const NETWORK_EVENT_BITS = 10;

/** The names of the events set in `mask`, lowest bit first; a bit without a name is written `bit N`. */
export function networkEventNames(mask: number): string[] {
  const names: string[] = [];
  for (let bit = 0; bit < 32; bit++) {
    if (((mask >>> bit) & 1) === 0) continue;
    names.push(EVENTS.find(([, value]) => value === 1 << bit)?.[0] ?? `bit ${bit}`);
  }
  return names;
}

/** The bit number of a named event (FD_CONNECT → 4, FD_CONNECT_BIT), or undefined for a name without one. */
export function networkEventBit(name: string): number | undefined {
  const value = EVENTS.find(([event]) => event === name)?.[1];
  return value === undefined ? undefined : Math.log2(value);
}

/** How the error that goes with an event is written when it is 0 (success). */
export const NO_ERROR_NAME = 'none';

/** The error that goes with an event, by name (`name` names a Winsock code), or `none` for 0. */
export function eventErrorName(code: number, name: (code: number) => string): string {
  return code === 0 ? NO_ERROR_NAME : name(code);
}

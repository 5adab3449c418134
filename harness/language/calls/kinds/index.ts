/**
 * Every kind of argument of the case language, by name: the one table the
 * argument kinds' type (ArgKind), their values' types (ArgValues), the case
 * schema's value definitions, the readers and cases/CALLS.md's list of kinds
 * derive from. A new kind is a module beside this one and a line here.
 */
import type { SchemaObject } from 'ajv';
import { addressRoom } from './address-room.js';
import { callerData, calleeData, passedWsabuf } from './connect-data.js';
import { CONSTANT_KINDS } from './constants.js';
import { fdEvents } from './fd-events.js';
import { event, events, socket, window } from './handles.js';
import type { ArgumentKind, BoundedArgumentKind, DescriptionFacts } from './kind.js';
import { count, flag, integer } from './numbers.js';
import { overlapped, passedOverlapped } from './overlapped.js';
import { qos } from './qos.js';
import { hostText } from './host-text.js';
import { socketAddress } from './socket-address.js';
import { socketAddressList } from './socket-address-list.js';
import { recordingPeer, text } from './text.js';
import { cleanupRepeat, winsockVersion } from './winsock-startup.js';

/** In the order the case schema defines them. */
export const KINDS = {
  ...CONSTANT_KINDS,
  socket,
  event,
  events,
  window,
  fdEvents,
  count,
  integer,
  flag,
  text,
  recordingPeer,
  winsockVersion,
  cleanupRepeat,
  socketAddress,
  qos,
  callerData,
  calleeData,
  passedWsabuf,
  overlapped,
  passedOverlapped,
  // WSAConnectByName and WSAConnectByList.
  hostText,
  socketAddressList,
  addressRoom,
} as const;

type Kinds = typeof KINDS;

/** What kind of value an argument takes. */
export type ArgKind = keyof Kinds;

/** The value a call receives for each kind, once read and checked: what its reader returns. NULL pointers are `null`. */
export type ArgValues = { readonly [K in ArgKind]: Kinds[K] extends ArgumentKind<infer T> ? T : never };

/** The kinds whose numbers an argument may bound more narrowly. */
export type BoundedKind = { [K in ArgKind]: Kinds[K] extends BoundedArgumentKind ? K : never }[ArgKind];

export const ARG_KINDS = Object.keys(KINDS) as ArgKind[];

/** The kind named so, as the table holds it (its value type erased). */
export function kindNamed(kind: ArgKind): ArgumentKind<unknown> {
  return KINDS[kind];
}

/** What a case writes for an argument of this kind. */
export function kindDescription(kind: ArgKind, facts: DescriptionFacts): string {
  const { description } = kindNamed(kind);
  return typeof description === 'string' ? description : description(facts);
}

/** Each kind's schema definition, named as the kind, after the parts it refers to. */
export function kindDefinitions(facts: DescriptionFacts): Record<string, SchemaObject> {
  return Object.fromEntries(
    ARG_KINDS.flatMap((name) => {
      const { title, schema, parts = {} } = kindNamed(name);
      return [...Object.entries(parts), [name, { title, description: kindDescription(name, facts), ...schema }]];
    }),
  );
}

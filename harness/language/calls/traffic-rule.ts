/**
 * The traffic rule, as calls see it: a call may connect or send only to
 * loopback (127.0.0.0/8, ::1), and bind only loopback or the unspecified
 * address. The page needs two exceptions, both of which send nothing: an
 * all-zero name given to a call that only connects, and a UDP socket
 * connected to the limited broadcast address. Sending to anything else —
 * including through a socket connected to a broadcast address — is refused.
 *
 * The rule judges addresses as the stack will read them (net/sockaddr-destination.ts),
 * so the place comes from the bytes a call passes.
 */
import { isIP } from 'node:net';
import { addressClass, type AddressClass } from '../../common/net/address-class.js';
import { encodeSockaddr, type FamilyNumbers, type SockAddr } from '../../common/net/sockaddr.js';
import { sockaddrDestination } from '../../common/net/sockaddr-destination.js';
import type { Traffic } from './declaration.js';

export type SocketKind = 'datagram' | 'stream' | 'unknown';

/** What the guard knows of the socket a call uses. */
export interface SocketState {
  readonly kind: SocketKind;
  /** Where it was connected by an earlier step, if it was. */
  readonly connectedTo?: AddressClass;
}

/** An address a call names: the place the stack will read from its bytes, and how to name it in a refusal. */
export interface NamedPlace {
  readonly place: AddressClass;
  readonly text: string;
}

export interface CallAddresses {
  readonly destination?: NamedPlace;
  /** The entries of a list of destinations (WSAConnectByList's SOCKET_ADDRESS_LIST), each judged as a destination. */
  readonly destinations?: readonly NamedPlace[];
  /** A host the call resolves itself (WSAConnectByName's nodename). */
  readonly host?: NamedHost;
  readonly local?: NamedPlace;
}

/** The traffic of one call of a declaration: one that sends data only when given some sends none without it. */
export function trafficWith(traffic: Traffic, args: Readonly<Record<string, unknown>>): Traffic {
  if (traffic.dataArgument === undefined || !traffic.sendsData) return traffic;
  const data = args[traffic.dataArgument];
  return data === undefined || data === null ? { ...traffic, sendsData: false } : traffic;
}

/**
 * A host a call names as text: an address literal is a place like any
 * address; a name is known only once resolved, and resolving it may itself
 * ask a DNS server elsewhere.
 */
export type NamedHost = { readonly literal: NamedPlace } | { readonly name: string };

/** Where a case runs: names are resolved only where no packet can leave (cases/README.md, "The private network"). */
export type CaseNetwork = 'loopback' | 'private';

/** Why the call may not be made, or undefined when it keeps to loopback. */
export function trafficRefusal(call: string, traffic: Traffic, addresses: CallAddresses, socket: SocketState, network: CaseNetwork = 'loopback'): string | undefined {
  const { local, destination, destinations = [], host } = addresses;
  if (local !== undefined && local.place !== 'loopback' && local.place !== 'unspecified') {
    return `${call} binds ${local.text}, which is not a loopback address`;
  }
  const literal = host !== undefined && 'literal' in host ? [host.literal] : [];
  const outside = [...(destination === undefined ? [] : [destination]), ...destinations, ...literal].find(
    (place) => place.place !== 'loopback' && !sendsNothingTo(place.place, traffic, socket),
  );
  if (outside !== undefined) {
    const verb = traffic.sendsData ? 'sends to' : 'connects to';
    return `${call} ${verb} ${outside.text}, outside loopback`;
  }
  if (host !== undefined && 'name' in host && network !== 'private') {
    return `${call} resolves the name ${JSON.stringify(host.name)} with the stack's resolver, which may ask a DNS server outside loopback; name a host by name only in a case of the private network (network: private), where no packet leaves the namespace, or write its address`;
  }
  // Checked even when the call names a destination: a stack may send to the socket's own (Linux's UDPv6 sendto does, for an AF_UNSPEC name).
  if (traffic.sendsData && (socket.connectedTo === 'broadcast' || socket.connectedTo === 'elsewhere')) {
    return `${call} sends on a socket connected to a ${socket.connectedTo === 'broadcast' ? 'broadcast' : 'non-loopback'} address`;
  }
  return undefined;
}

function sendsNothingTo(place: AddressClass, traffic: Traffic, socket: SocketState): boolean {
  if (traffic.sendsData) return false;
  return place === 'unspecified' || (place === 'broadcast' && socket.kind === 'datagram');
}

/**
 * Where a socket address argument leads: its bytes, encoded by the encoder
 * the bindings pass them with, read as the stack reads them. Throws
 * SockaddrMismatch for an address that cannot be laid out as written.
 */
export function namedPlace(address: SockAddr, families: FamilyNumbers): NamedPlace {
  const read = sockaddrDestination(encodeSockaddr(address, families), families);
  const asWritten = read.readAs === address.family && read.address === address.address;
  const family = typeof read.readAs === 'number' ? `family ${read.readAs}` : read.readAs;
  const readAs = read.readAs === 'AF_INET' || read.readAs === 'AF_INET6' ? family : `${family}, read both as sockaddr_in and as sockaddr_in6`;
  const text = asWritten ? read.address : `${read.address} (the name's bytes as the stack reads them: ${readAs}; the case wrote ${JSON.stringify(address)})`;
  return { place: read.place, text };
}

/** How a call's host text is judged: an address literal as the address it is, anything else as a name. */
export function namedHost(text: string, families: FamilyNumbers): NamedHost {
  const family = isIP(text);
  if (family === 0) return { name: text };
  return { literal: namedPlace({ family: family === 4 ? 'AF_INET' : 'AF_INET6', address: text, port: 0 }, families) };
}

/**
 * Why a call that resolves `host` itself may not be made, given what the
 * stack's resolver gave for it: every address must be loopback. Checked in
 * the provider just before the call, where the same resolver answers.
 */
export function resolvedHostRefusal(call: string, host: string, resolved: readonly string[]): string | undefined {
  const elsewhere = resolved.filter((address) => addressClass(address) !== 'loopback');
  if (elsewhere.length === 0) return undefined;
  return `${call} would resolve ${JSON.stringify(host)} to ${elsewhere.join(', ')}, outside loopback`;
}

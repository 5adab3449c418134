/**
 * The traffic rule, as calls see it: a call may connect or send only to
 * loopback (127.0.0.0/8, ::1), and bind only loopback or the unspecified
 * address. The page needs two exceptions, both of which send nothing: an
 * all-zero name given to a call that only connects, and a UDP socket
 * connected to the limited broadcast address. Sending to anything else —
 * including through a socket connected to a broadcast address — is refused.
 */
import { addressClass, type AddressClass } from '../net/address-class.js';
import type { Traffic } from './declaration.js';

export type SocketKind = 'datagram' | 'stream' | 'unknown';

/** What the guard knows of the socket a call uses. */
export interface SocketState {
  readonly kind: SocketKind;
  /** Where it was connected by an earlier step, if it was. */
  readonly connectedTo?: AddressClass;
}

export interface CallAddresses {
  readonly destination?: string;
  readonly local?: string;
}

/** Why the call may not be made, or undefined when it keeps to loopback. */
export function trafficRefusal(call: string, traffic: Traffic, addresses: CallAddresses, socket: SocketState): string | undefined {
  if (addresses.local !== undefined) {
    const place = addressClass(addresses.local);
    if (place !== 'loopback' && place !== 'unspecified') return `${call} binds ${addresses.local}, which is not a loopback address`;
  }
  if (addresses.destination !== undefined) {
    const place = addressClass(addresses.destination);
    if (place === 'loopback' || sendsNothingTo(place, traffic, socket)) return undefined;
    const verb = traffic.sendsData ? 'sends to' : 'connects to';
    return `${call} ${verb} ${addresses.destination}, outside loopback`;
  }
  if (traffic.sendsData && (socket.connectedTo === 'broadcast' || socket.connectedTo === 'elsewhere')) {
    return `${call} sends on a socket connected to a ${socket.connectedTo === 'broadcast' ? 'broadcast' : 'non-loopback'} address`;
  }
  return undefined;
}

function sendsNothingTo(place: AddressClass, traffic: Traffic, socket: SocketState): boolean {
  if (traffic.sendsData) return false;
  return place === 'unspecified' || (place === 'broadcast' && socket.kind === 'datagram');
}

/** The text of an address argument as cases write it and the runner resolves it: `{ address }`, or nothing for NULL. */
export function addressText(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || !('address' in value)) return undefined;
  const { address } = value as { readonly address: unknown };
  return typeof address === 'string' ? address : undefined;
}

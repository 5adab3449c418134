/**
 * The traffic guard of one case: before each provider call, it refuses a call
 * that would put packets anywhere but loopback (harness/language/calls/traffic-rule.ts),
 * judging each address by the bytes the binding will pass, read as the
 * stack reads them; after each call, it notes what it needs to judge later
 * calls — which sockets are UDP, and where each socket was connected.
 */
import { asSocketAddress } from '../../language/calls/arguments.js';
import { callNamed } from '../../language/calls/index.js';
import { namedHost, namedPlace, trafficRefusal, trafficWith, type CallAddresses, type CaseNetwork, type NamedPlace, type SocketKind, type SocketState } from '../../language/calls/traffic-rule.js';
import type { Traffic } from '../../language/calls/declaration.js';
import { SockaddrMismatch, type FamilyNumbers } from '../../common/net/sockaddr.js';
import type { Observation } from '../../judging/results/result.js';
import { messageOf } from '../../common/message-of.js';

type Args = Readonly<Record<string, unknown>>;

export class TrafficGuard {
  private readonly sockets = new Map<number, SocketState>();

  /**
   * `families`: the family numbers of the stack the binding encodes addresses for (Winsock's AF_INET6 is 23, Linux's 10);
   * `network`: where the case runs, which decides whether a call may resolve a host name.
   */
  constructor(
    private readonly families: FamilyNumbers,
    private readonly network: CaseNetwork = 'loopback',
  ) {}

  /** Why the call must not be made, or undefined. */
  check(call: string, args: Args): string | undefined {
    const declared = callNamed(call)?.traffic;
    if (declared === undefined) return undefined;
    const traffic = trafficWith(declared, args);
    try {
      return trafficRefusal(call, traffic, this.addressesOf(args, traffic), this.stateOf(args['s']), this.network);
    } catch (error) {
      // The binding would refuse to encode it too; the guard never lets through what it cannot read.
      if (error instanceof SockaddrMismatch) return `${call}'s address cannot be laid out as written: ${messageOf(error)}`;
      throw error;
    }
  }

  observe(call: string, args: Args, observation: Observation): void {
    const declaration = callNamed(call);
    if (declaration?.creates === 'socket' && typeof observation['handle'] === 'number') {
      this.sockets.set(observation['handle'], { kind: call === 'socket' ? socketKind(args['type']) : 'stream' });
      return;
    }
    const traffic = declaration?.traffic;
    if (traffic === undefined || traffic.sendsData || observation.returns !== 0 || typeof args['s'] !== 'number') return;
    const destination = this.addressesOf(args, traffic).destination;
    if (destination === undefined) return;
    // A connect that succeeded sets the socket's default destination; an all-zero name on UDP clears it.
    const state = this.stateOf(args['s']);
    this.sockets.set(args['s'], destination.place === 'unspecified' ? { kind: state.kind } : { kind: state.kind, connectedTo: destination.place });
  }

  private addressesOf(args: Args, traffic: Traffic): CallAddresses {
    const destination = this.placeOf(args, traffic.destination);
    const local = this.placeOf(args, traffic.local);
    const list = traffic.destinations === undefined ? undefined : args[traffic.destinations];
    const destinations = Array.isArray(list) ? list.flatMap((entry) => this.placeOfValue(entry) ?? []) : [];
    const host = traffic.host === undefined ? undefined : args[traffic.host];
    return {
      ...(destination === undefined ? {} : { destination }),
      ...(destinations.length === 0 ? {} : { destinations }),
      ...(typeof host === 'string' ? { host: namedHost(host, this.families) } : {}),
      ...(local === undefined ? {} : { local }),
    };
  }

  private placeOfValue(value: unknown): NamedPlace | undefined {
    const address = asSocketAddress(value);
    return address === undefined ? undefined : namedPlace(address, this.families);
  }

  private placeOf(args: Args, argument: string | undefined): NamedPlace | undefined {
    const address = argument === undefined ? undefined : asSocketAddress(args[argument]);
    return address === undefined ? undefined : namedPlace(address, this.families);
  }

  private stateOf(s: unknown): SocketState {
    return (typeof s === 'number' ? this.sockets.get(s) : undefined) ?? { kind: 'unknown' };
  }
}

function socketKind(type: unknown): SocketKind {
  if (type === 'SOCK_DGRAM' || type === 2) return 'datagram';
  if (type === 'SOCK_STREAM' || type === 1) return 'stream';
  return 'unknown';
}

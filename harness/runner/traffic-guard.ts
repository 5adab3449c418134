/**
 * The traffic guard of one case: before each provider call, it refuses a call
 * that would put packets anywhere but loopback (harness/calls/traffic-rule.ts);
 * after each, it notes what it needs to judge later calls — which sockets are
 * UDP, and where each socket was connected.
 */
import { callNamed } from '../calls/index.js';
import { addressText, trafficRefusal, type CallAddresses, type SocketKind, type SocketState } from '../calls/traffic-rule.js';
import { addressClass } from '../net/address-class.js';
import type { Observation } from '../results/result.js';

type Args = Readonly<Record<string, unknown>>;

export class TrafficGuard {
  private readonly sockets = new Map<number, SocketState>();

  /** Why the call must not be made, or undefined. */
  check(call: string, args: Args): string | undefined {
    const traffic = callNamed(call)?.traffic;
    if (traffic === undefined) return undefined;
    return trafficRefusal(call, traffic, addressesOf(args, traffic), this.stateOf(args['s']));
  }

  observe(call: string, args: Args, observation: Observation): void {
    const declaration = callNamed(call);
    if (declaration?.creates === 'socket' && typeof observation['handle'] === 'number') {
      this.sockets.set(observation['handle'], { kind: call === 'socket' ? socketKind(args['type']) : 'stream' });
      return;
    }
    const traffic = declaration?.traffic;
    const destination = traffic?.destination === undefined ? undefined : addressText(args[traffic.destination]);
    if (traffic === undefined || traffic.sendsData || destination === undefined || observation.returns !== 0 || typeof args['s'] !== 'number') return;
    // A connect that succeeded sets the socket's default destination; an all-zero name on UDP clears it.
    const state = this.stateOf(args['s']);
    const place = addressClass(destination);
    this.sockets.set(args['s'], place === 'unspecified' ? { kind: state.kind } : { kind: state.kind, connectedTo: place });
  }

  private stateOf(s: unknown): SocketState {
    return (typeof s === 'number' ? this.sockets.get(s) : undefined) ?? { kind: 'unknown' };
  }
}

function addressesOf(args: Args, traffic: { readonly destination?: string; readonly local?: string }): CallAddresses {
  const destination = traffic.destination === undefined ? undefined : addressText(args[traffic.destination]);
  const local = traffic.local === undefined ? undefined : addressText(args[traffic.local]);
  return { ...(destination === undefined ? {} : { destination }), ...(local === undefined ? {} : { local }) };
}

function socketKind(type: unknown): SocketKind {
  if (type === 'SOCK_DGRAM' || type === 2) return 'datagram';
  if (type === 'SOCK_STREAM' || type === 1) return 'stream';
  return 'unknown';
}

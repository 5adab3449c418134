/**
 * The traffic rule checked where a case file names an address outright: a
 * case that would connect, bind or send outside loopback is refused when it
 * is loaded, at the address. (Addresses taken from references are checked
 * by the runner's traffic guard when the step runs.)
 */
import { isIP } from 'node:net';
import { callNamed } from '../calls/index.js';
import { trafficRefusal } from '../calls/traffic-rule.js';
import type { SourceLocation } from './case.js';
import { isReferenceText } from './references.js';
import { problemAt, type Problem } from '../yaml/problem.js';
import type { RawCase } from './raw-case.js';
import type { DataPath } from '../yaml/source-map.js';

export function checkTraffic(raw: RawCase, locate: (path: DataPath) => SourceLocation): Problem[] {
  return raw.steps.flatMap((step, index) => {
    const traffic = callNamed(step.call)?.traffic;
    if (traffic === undefined) return [];
    return (['destination', 'local'] as const).flatMap((role) => {
      const argument = traffic[role];
      const address = argument === undefined ? undefined : literalAddress(step.args?.[argument]);
      if (argument === undefined || address === undefined) return [];
      // Whether a broadcast connect is a UDP one is known only when the step runs: the guard decides then.
      const refusal = trafficRefusal(step.call, traffic, { [role]: address }, { kind: 'datagram' });
      if (refusal === undefined) return [];
      return [problemAt(locate(['steps', index, 'args', argument, 'address']), `${refusal}; cases send only to 127.0.0.0/8 and ::1 (see the traffic rule in cases/README.md)`)];
    });
  });
}

/** An IP address written out; references, and text that is no address (which no call can send to), are left out. */
function literalAddress(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || !('address' in value)) return undefined;
  const { address } = value as { readonly address: unknown };
  return typeof address === 'string' && !isReferenceText(address) && isIP(address) !== 0 ? address : undefined;
}

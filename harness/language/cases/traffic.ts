/**
 * The traffic rule checked where a case file writes a socket address out:
 * an address whose fields do not belong to its family (IPv6 text or a
 * flowinfo on AF_INET) is refused, since the stack would read its bytes as
 * another address; and a call that would connect, bind or send outside
 * loopback is refused — both when the case is loaded, at the field. The
 * address is judged as every stack the harness encodes for would read its
 * bytes. (Addresses taken from references are judged by the runner's
 * traffic guard when the step runs, the same way.)
 */
import { callNamed } from '../calls/index.js';
import { asSocketAddress } from '../calls/arguments.js';
import { namedHost, namedPlace, trafficRefusal, trafficWith } from '../calls/traffic-rule.js';
import { hostAbi, hostFamilies } from '../../common/net/host-abi.js';
import { sockaddrMismatch, WINSOCK_FAMILIES, type FamilyNumbers, type SockAddr } from '../../common/net/sockaddr.js';
import type { SourceLocation } from './case.js';
import { isReferenceText, literalText } from './value-references.js';
import { problemAt, type Problem } from '../yaml/problem.js';
import type { RawCase } from './raw-case.js';
import type { DataPath } from '../yaml/source-map.js';

/** The family numbers of the stacks the harness encodes addresses for: Winsock's, and Linux's (the libc binding). */
const STACK_FAMILIES: readonly FamilyNumbers[] = [WINSOCK_FAMILIES, hostFamilies(hostAbi('linux', 'LE'))];

type Locate = (path: DataPath) => SourceLocation;

export function checkTraffic(raw: RawCase, locate: Locate): Problem[] {
  return raw.steps.flatMap((step, index) => {
    const declaration = callNamed(step.call);
    if (declaration === undefined) return [];
    return Object.entries(declaration.args).flatMap(([argument, spec]) => {
      const value = step.args?.[argument];
      const traffic = declaration.traffic;
      if (spec.kind === 'hostText') {
        if (traffic?.host !== argument || typeof value !== 'string' || isReferenceText(value)) return [];
        const host = literalText(value);
        const refusal = STACK_FAMILIES.map((families) => trafficRefusal(step.call, traffic, { host: namedHost(host, families) }, { kind: 'stream' }, raw.network ?? 'loopback')).find((text) => text !== undefined);
        return refusal === undefined ? [] : [problemAt(locate(['steps', index, 'args', argument]), `${refusal}; cases send only to 127.0.0.0/8 and ::1 (see the traffic rule in cases/README.md)`)];
      }
      if (spec.kind === 'socketAddressList') {
        if (!Array.isArray(value)) return [];
        const role = traffic?.destinations === argument ? 'destination' : undefined;
        return value.flatMap((entry, position) => checkAddress(entry, ['steps', index, 'args', argument, position], role));
      }
      if (spec.kind !== 'socketAddress') return [];
      const role = traffic?.destination === argument ? 'destination' : traffic?.local === argument ? 'local' : undefined;
      return checkAddress(value, ['steps', index, 'args', argument], role);
    });

    /** An address written out in full at `path`: refused when its fields belong to another family, or when the call would put packets outside loopback there. */
    function checkAddress(value: unknown, path: DataPath, role: 'destination' | 'local' | undefined): Problem[] {
      const address = literalSocketAddress(value);
      if (address === undefined || declaration === undefined) return [];
      const at = (field: string): SourceLocation => locate([...path, field]);
      const mismatch = sockaddrMismatch(address);
      if (mismatch !== undefined) return [problemAt(at(mismatch.field), `${mismatch.message}; write only the fields of the family the address belongs to: the stack reads the bytes by their family, whatever the text says`)];
      const traffic = trafficWith(declaration.traffic ?? { sendsData: false }, step.args ?? {});
      if (role === undefined || declaration.traffic === undefined) return [];
      // Whether a broadcast connect is a UDP one is known only when the step runs: the guard decides then.
      const refusal = STACK_FAMILIES.map((families) => trafficRefusal(step.call, traffic, { [role]: namedPlace(address, families) }, { kind: 'datagram' })).find((text) => text !== undefined);
      if (refusal === undefined) return [];
      return [problemAt(at('address'), `${refusal}; cases send only to 127.0.0.0/8 and ::1 (see the traffic rule in cases/README.md)`)];
    }
  });
}

/** An address written out in full; one with a reference in its family or address is judged when the step runs. */
function literalSocketAddress(value: unknown): SockAddr | undefined {
  const address = asSocketAddress(value);
  if (address === undefined) return undefined;
  const isReference = (field: unknown) => typeof field === 'string' && isReferenceText(field);
  if (isReference(address.family) || isReference(address.address)) return undefined;
  return typeof address.address === 'string' ? { ...address, address: literalText(address.address) } : address;
}

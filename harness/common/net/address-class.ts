/**
 * What kind of place an IP address is, for the traffic rule: the harness
 * sends only to loopback. The unspecified address and the limited broadcast
 * address are told apart because the page needs them named in calls that
 * send nothing (an all-zero name, a UDP connect to a broadcast address).
 */
import { isIPv4, isIPv6 } from 'node:net';

export type AddressClass = 'loopback' | 'unspecified' | 'broadcast' | 'elsewhere';

export function addressClass(address: string): AddressClass {
  const v4 = ipv4Of(address);
  if (v4 !== undefined) {
    if (v4[0] === 127) return 'loopback';
    if (v4.every((byte) => byte === 0)) return 'unspecified';
    if (v4.every((byte) => byte === 255)) return 'broadcast';
    return 'elsewhere';
  }
  if (isIPv6(address)) {
    const compact = address.toLowerCase().replace(/%.*$/, '');
    if (compact === '::1' || /^(0+:){7}0*1$/.test(compact)) return 'loopback';
    if (compact === '::' || /^(0+:){7}0+$/.test(compact)) return 'unspecified';
  }
  return 'elsewhere';
}

/** The four bytes of an IPv4 address, written plainly or IPv4-mapped (`::ffff:127.0.0.1`). */
function ipv4Of(address: string): number[] | undefined {
  const plain = address.toLowerCase().replace(/^::ffff:/, '');
  return isIPv4(plain) ? plain.split('.').map(Number) : undefined;
}

/** The traffic rule on its own: which addresses a call may name, and what the guard remembers of sockets. */
import { expect } from 'chai';
import { trafficRefusal } from '../../harness/language/calls/traffic-rule.js';
import { addressClass } from '../../harness/common/net/address-class.js';
import { WINSOCK_FAMILIES } from '../../harness/common/net/sockaddr.js';
import { TrafficGuard } from '../../harness/run/runner/traffic-guard.js';

const CONNECTS = { destination: 'name', sendsData: false } as const;
const SENDS_TO = { destination: 'to', sendsData: true } as const;
const BINDS = { local: 'name', sendsData: false } as const;
const UDP = { kind: 'datagram' } as const;
const TCP = { kind: 'stream' } as const;

/** An address whose bytes read as written. */
function at(address: string) {
  return { place: addressClass(address), text: address };
}

describe('the traffic rule', () => {
  it('classifies addresses: loopback, unspecified, broadcast, elsewhere', () => {
    for (const address of ['127.0.0.1', '127.200.0.1', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) expect(addressClass(address), address).to.equal('loopback');
    for (const address of ['0.0.0.0', '::', '::ffff:0.0.0.0']) expect(addressClass(address), address).to.equal('unspecified');
    expect(addressClass('255.255.255.255')).to.equal('broadcast');
    for (const address of ['192.0.2.1', '10.0.0.1', '128.0.0.1', '::ffff:8.8.8.8', 'fe80::1', '2001:db8::1', 'not an address']) {
      expect(addressClass(address), address).to.equal('elsewhere');
    }
  });

  it('lets calls connect and send to loopback', () => {
    expect(trafficRefusal('WSAConnect', CONNECTS, { destination: at('127.0.0.1') }, TCP)).to.equal(undefined);
    expect(trafficRefusal('sendto', SENDS_TO, { destination: at('::1') }, UDP)).to.equal(undefined);
  });

  it('refuses connecting or sending anywhere else', () => {
    expect(trafficRefusal('WSAConnect', CONNECTS, { destination: at('192.0.2.1') }, TCP)).to.equal('WSAConnect connects to 192.0.2.1, outside loopback');
    expect(trafficRefusal('sendto', SENDS_TO, { destination: at('10.0.0.1') }, UDP)).to.equal('sendto sends to 10.0.0.1, outside loopback');
  });

  it('lets a call that only connects name the all-zero address, which the page needs; never a call that sends', () => {
    expect(trafficRefusal('WSAConnect', CONNECTS, { destination: at('0.0.0.0') }, TCP)).to.equal(undefined);
    expect(trafficRefusal('sendto', SENDS_TO, { destination: at('0.0.0.0') }, UDP)).to.match(/outside loopback/);
  });

  it('lets only a UDP socket connect to the broadcast address (that sends nothing); never sends to it', () => {
    expect(trafficRefusal('WSAConnect', CONNECTS, { destination: at('255.255.255.255') }, UDP)).to.equal(undefined);
    expect(trafficRefusal('WSAConnect', CONNECTS, { destination: at('255.255.255.255') }, TCP)).to.match(/outside loopback/);
    expect(trafficRefusal('WSAConnect', CONNECTS, { destination: at('255.255.255.255') }, { kind: 'unknown' })).to.match(/outside loopback/);
    expect(trafficRefusal('sendto', SENDS_TO, { destination: at('255.255.255.255') }, UDP)).to.match(/outside loopback/);
  });

  it('refuses sending on a socket connected to a broadcast or non-loopback address', () => {
    expect(trafficRefusal('send', { sendsData: true }, {}, { kind: 'datagram', connectedTo: 'broadcast' })).to.equal(
      'send sends on a socket connected to a broadcast address',
    );
    expect(trafficRefusal('send', { sendsData: true }, {}, { kind: 'datagram', connectedTo: 'loopback' })).to.equal(undefined);
  });

  it('lets a socket bind loopback or the unspecified address, nothing else', () => {
    expect(trafficRefusal('bind', BINDS, { local: at('0.0.0.0') }, TCP)).to.equal(undefined);
    expect(trafficRefusal('bind', BINDS, { local: at('127.0.0.2') }, TCP)).to.equal(undefined);
    expect(trafficRefusal('bind', BINDS, { local: at('192.0.2.1') }, TCP)).to.equal('bind binds 192.0.2.1, which is not a loopback address');
  });

  describe('the guard of a case', () => {
    const broadcast = { family: 'AF_INET', address: '255.255.255.255', port: 9 };

    it('knows a socket is UDP from the step that made it, and where it was connected', () => {
      const guard = new TrafficGuard(WINSOCK_FAMILIES);
      guard.observe('socket', { af: 'AF_INET', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' }, { returns: 'socket', handle: 7 });
      expect(guard.check('WSAConnect', { s: 7, name: broadcast })).to.equal(undefined);
      guard.observe('WSAConnect', { s: 7, name: broadcast }, { returns: 0 });
      expect(guard.check('send', { s: 7, data: 'x' })).to.equal('send sends on a socket connected to a broadcast address');
    });

    it('forgets the destination when an all-zero name disconnects the socket, and ignores a connect that failed', () => {
      const guard = new TrafficGuard(WINSOCK_FAMILIES);
      guard.observe('socket', { af: 'AF_INET', type: 2, protocol: 17 }, { returns: 'socket', handle: 7 });
      guard.observe('WSAConnect', { s: 7, name: broadcast }, { returns: 0 });
      guard.observe('WSAConnect', { s: 7, name: { family: 'AF_UNSPEC', address: '0.0.0.0', port: 0 } }, { returns: 0 });
      expect(guard.check('send', { s: 7, data: 'x' })).to.equal(undefined);
      guard.observe('WSAConnect', { s: 7, name: broadcast }, { returns: 'SOCKET_ERROR', error: 'WSAEACCES' });
      expect(guard.check('send', { s: 7, data: 'x' })).to.equal(undefined);
    });

    it('treats a TCP socket, or one it did not see made, as unable to connect to broadcast', () => {
      const guard = new TrafficGuard(WINSOCK_FAMILIES);
      guard.observe('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' }, { returns: 'socket', handle: 8 });
      expect(guard.check('connect', { s: 8, name: broadcast })).to.match(/outside loopback/);
      expect(guard.check('connect', { s: 99, name: broadcast })).to.match(/outside loopback/);
    });
  });
});

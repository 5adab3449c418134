/**
 * WSAConnectByNameW, WSAConnectByNameA and WSAConnectByList: how the traffic
 * rule judges a host given as text and a list of destinations, the check of
 * what a name resolves to, and what the Winsock binding passes and reports.
 */
import { expect } from 'chai';
import { addressClass } from '../../harness/common/net/address-class.js';
import { WINSOCK_FAMILIES } from '../../harness/common/net/sockaddr.js';
import { ArgumentError } from '../../harness/language/calls/arguments.js';
import { namedHost, resolvedHostRefusal, trafficRefusal } from '../../harness/language/calls/traffic-rule.js';
import { TrafficGuard } from '../../harness/run/runner/traffic-guard.js';
import { Unsupported } from '../../harness/stacks/worker/binding.js';
import { bufferArg, fakeStack, failingWith } from '../bindings/fake-winsock.js';

const BY_NAME = { host: 'nodename', sendsData: false } as const;
const BY_LIST = { destinations: 'addresses', sendsData: false } as const;
const TCP = { kind: 'stream' } as const;
const WSAECONNREFUSED = 10061;

function at(address: string) {
  return { place: addressClass(address), text: address };
}

describe('connecting by name or by list', () => {
  describe('the traffic rule', () => {
    it('judges an address literal as the address it is', () => {
      expect(trafficRefusal('WSAConnectByNameW', BY_NAME, { host: namedHost('127.0.0.1', WINSOCK_FAMILIES) }, TCP)).to.equal(undefined);
      expect(trafficRefusal('WSAConnectByNameW', BY_NAME, { host: namedHost('::1', WINSOCK_FAMILIES) }, TCP)).to.equal(undefined);
      expect(trafficRefusal('WSAConnectByNameW', BY_NAME, { host: namedHost('192.0.2.1', WINSOCK_FAMILIES) }, TCP)).to.equal(
        'WSAConnectByNameW connects to 192.0.2.1, outside loopback',
      );
    });

    it('lets a call resolve a name only in the private network, where no query can leave', () => {
      const host = namedHost('localhost', WINSOCK_FAMILIES);
      expect(host).to.deep.equal({ name: 'localhost' });
      expect(trafficRefusal('WSAConnectByNameA', BY_NAME, { host }, TCP)).to.match(/^WSAConnectByNameA resolves the name "localhost" with the stack's resolver, .*network: private/);
      expect(trafficRefusal('WSAConnectByNameA', BY_NAME, { host }, TCP, 'private')).to.equal(undefined);
    });

    it('judges every entry of a list as a destination', () => {
      expect(trafficRefusal('WSAConnectByList', BY_LIST, { destinations: [at('127.0.0.1'), at('::1')] }, TCP)).to.equal(undefined);
      expect(trafficRefusal('WSAConnectByList', BY_LIST, { destinations: [at('127.0.0.1'), at('10.0.0.1')] }, TCP)).to.equal(
        'WSAConnectByList connects to 10.0.0.1, outside loopback',
      );
    });

    it('refuses a name the resolver gives any address outside loopback for', () => {
      expect(resolvedHostRefusal('WSAConnectByNameW', 'localhost', ['127.0.0.1', '::1'])).to.equal(undefined);
      expect(resolvedHostRefusal('WSAConnectByNameW', 'localhost', [])).to.equal(undefined);
      expect(resolvedHostRefusal('WSAConnectByNameW', 'localhost', ['127.0.0.1', '192.0.2.7'])).to.equal(
        'WSAConnectByNameW would resolve "localhost" to 192.0.2.7, outside loopback',
      );
    });

    it('is applied by the guard of a case, which knows where the case runs', () => {
      const name = { s: 7, nodename: 'example.com', servicename: 'http' };
      expect(new TrafficGuard(WINSOCK_FAMILIES).check('WSAConnectByNameW', name)).to.match(/resolves the name "example\.com"/);
      expect(new TrafficGuard(WINSOCK_FAMILIES, 'private').check('WSAConnectByNameW', name)).to.equal(undefined);
      const list = { s: 7, addresses: [{ family: 'AF_INET', address: '127.0.0.1', port: 9 }, { family: 'AF_INET6', address: '2001:db8::1', port: 9 }] };
      expect(new TrafficGuard(WINSOCK_FAMILIES, 'private').check('WSAConnectByList', list)).to.equal('WSAConnectByList connects to 2001:db8::1, outside loopback');
    });
  });

  describe('the Winsock binding (against a fake ws2_32)', () => {
    it('refuses to make the call when the stack resolves the name outside loopback, and makes none', () => {
      const { fake, call } = fakeStack();
      fake.resolutions.set('localhost', ['127.0.0.1', '203.0.113.5']);
      expect(() => call('WSAConnectByNameA', { s: 7, nodename: 'localhost', servicename: 'http' }))
        .to.throw(ArgumentError)
        .with.property('message')
        .that.matches(/^the traffic guard refused the call: WSAConnectByNameA would resolve "localhost" to 203\.0\.113\.5/);
      expect(fake.calls.map((c) => c.name)).to.not.include('WSAConnectByNameA');
    });

    it('passes the strings in the encoding of the form, and NULL pointers for what the case leaves out', () => {
      const { fake, call } = fakeStack();
      fake.resolutions.set('localhost', ['127.0.0.1']);
      fake.on('WSAConnectByNameW', () => 1);
      expect(call('WSAConnectByNameW', { s: 7, nodename: 'localhost', servicename: 5000 })).to.deep.equal({ returns: 'TRUE' });
      const made = fake.calls.find((c) => c.name === 'WSAConnectByNameW');
      expect(bufferArg(made?.args ?? [], 1)).to.deep.equal(Buffer.from('localhost\0', 'utf16le'));
      expect(bufferArg(made?.args ?? [], 2)).to.deep.equal(Buffer.from('5000\0', 'utf16le'));
      expect(made?.args.slice(3)).to.deep.equal([null, null, null, null, null, null]);

      fake.on('WSAConnectByNameA', () => 1);
      call('WSAConnectByNameA', { s: 7, nodename: '127.0.0.1', servicename: 'http', timeout: 1500, reserved: true });
      const ansi = fake.calls.find((c) => c.name === 'WSAConnectByNameA');
      expect(bufferArg(ansi?.args ?? [], 1)).to.deep.equal(Buffer.from('127.0.0.1\0', 'latin1'));
      // A timeval of 1 s and 500000 µs, and a zeroed WSAOVERLAPPED for Reserved.
      expect(bufferArg(ansi?.args ?? [], 7).toString('hex')).to.equal('0100000020a10700');
      expect(bufferArg(ansi?.args ?? [], 8)).to.deep.equal(Buffer.alloc(32));
    });

    it('reports the lengths the call left and, on TRUE, the addresses it wrote', () => {
      const { fake, call } = fakeStack();
      fake.on('WSAConnectByNameW', (args) => {
        const [localLength, local, remoteLength, remote] = [3, 4, 5, 6].map((index) => bufferArg(args, index));
        Buffer.from('02000000' + '7f000001' + '0000000000000000', 'hex').copy(local ?? Buffer.alloc(0));
        Buffer.from('02001388' + '7f000001' + '0000000000000000', 'hex').copy(remote ?? Buffer.alloc(0));
        localLength?.writeUInt32LE(16);
        remoteLength?.writeUInt32LE(16);
        return 1;
      });
      expect(call('WSAConnectByNameW', { s: 7, nodename: '127.0.0.1', servicename: '5000', local: { length: 50 }, remote: { length: 50 } })).to.deep.equal({
        returns: 'TRUE',
        localAddressLength: 16,
        localAddress: { family: 'AF_INET', address: '127.0.0.1', port: 0 },
        remoteAddressLength: 16,
        remoteAddress: { family: 'AF_INET', address: '127.0.0.1', port: 5000 },
      });

      fake.on('WSAConnectByNameW', failingWith(WSAECONNREFUSED, 0));
      expect(call('WSAConnectByNameW', { s: 7, nodename: '127.0.0.1', servicename: '5000', local: { length: 3 } })).to.deep.equal({
        returns: 'FALSE',
        error: 'WSAECONNREFUSED',
        localAddressLength: 3,
      });
    });

    it('passes a SOCKET_ADDRESS_LIST of the addresses as the binding encodes names', () => {
      const { fake, call } = fakeStack();
      fake.on('WSAConnectByList', () => 1);
      call('WSAConnectByList', { s: 7, addresses: [{ family: 'AF_INET', address: '127.0.0.1', port: 5000 }, { family: 'AF_INET6', address: '::1', port: 5000 }] });
      // The stand-in's list is its entries by position (the recorded copy keeps objects field by field).
      const list = fake.calls.find((c) => c.name === 'WSAConnectByList')?.args[1] as { socketAddressList: Record<string, Buffer> };
      const entries = Object.values(list.socketAddressList);
      expect(entries.map((name) => name.length)).to.deep.equal([16, 28]);
      expect(entries[0]?.toString('hex')).to.equal('020013887f0000010000000000000000');
    });

    it('skips a call whose function the DLL does not export, saying which', () => {
      const { fake, call } = fakeStack();
      fake.missing.set('WSAConnectByList', 'ws2_32.dll does not export WSAConnectByList');
      (fake.ws2.functions as Map<string, unknown>).delete('WSAConnectByList');
      expect(() => call('WSAConnectByList', { s: 7, addresses: [] })).to.throw(Unsupported, 'ws2_32.dll does not export WSAConnectByList');
    });
  });
});

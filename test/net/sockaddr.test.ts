import { expect } from 'chai';
import {
  decodeSockaddr,
  encodeSockaddr,
  familyNumber,
  SOCKADDR_IN6_SIZE,
  SOCKADDR_IN_SIZE,
  sockaddrSize,
  type FamilyNumbers,
  type SockAddr,
} from '../../harness/common/net/sockaddr.js';

const WINDOWS: FamilyNumbers = { AF_UNSPEC: 0, AF_INET: 2, AF_INET6: 23 };
const LINUX: FamilyNumbers = { AF_UNSPEC: 0, AF_INET: 2, AF_INET6: 10 };

/** Bytes written as hex, spaces allowed for readability. */
function hex(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'hex');
}

function roundTrip(addr: SockAddr, numbers: FamilyNumbers = WINDOWS): SockAddr {
  const encoded = encodeSockaddr(addr, numbers);
  return decodeSockaddr(encoded, encoded.length, numbers);
}

describe('socket addresses', () => {
  describe('AF_INET', () => {
    it('encodes a sockaddr_in: family little-endian, port and address in network order, zero padding', () => {
      const encoded = encodeSockaddr({ family: 'AF_INET', address: '127.0.0.1', port: 5000 }, WINDOWS);
      expect(encoded).to.deep.equal(hex('0200 1388 7f000001 0000000000000000'));
    });

    it('decodes what it encodes', () => {
      const addr: SockAddr = { family: 'AF_INET', address: '192.168.1.254', port: 65535 };
      expect(roundTrip(addr)).to.deep.equal(addr);
    });

    it('rejects an address that is not IPv4', () => {
      expect(() => encodeSockaddr({ family: 'AF_INET', address: 'localhost', port: 1 }, WINDOWS)).to.throw('AF_INET takes an IPv4 address (sockaddr_in), not "localhost"');
    });
  });

  describe('AF_INET6', () => {
    it('encodes ::1 as a sockaddr_in6', () => {
      const encoded = encodeSockaddr({ family: 'AF_INET6', address: '::1', port: 5000 }, WINDOWS);
      expect(encoded).to.deep.equal(hex('1700 1388 00000000 00000000000000000000000000000001 00000000'));
    });

    it('encodes fe80::1 with its flowinfo (network order) and scope id (host order)', () => {
      const encoded = encodeSockaddr({ family: 'AF_INET6', address: 'fe80::1', port: 80, flowinfo: 0x12345, scopeId: 3 }, WINDOWS);
      expect(encoded).to.deep.equal(hex('1700 0050 00012345 fe800000000000000000000000000001 03000000'));
    });

    it('encodes a full address with no :: and decodes it without compression', () => {
      const addr: SockAddr = { family: 'AF_INET6', address: '2001:db8:1:2:3:4:5:6', port: 443, flowinfo: 7, scopeId: 9 };
      const encoded = encodeSockaddr(addr, WINDOWS);
      expect(encoded.subarray(8, 24)).to.deep.equal(hex('20010db8000100020003000400050006'));
      expect(decodeSockaddr(encoded, SOCKADDR_IN6_SIZE, WINDOWS)).to.deep.equal(addr);
    });

    it('decodes ::1 and fe80::1 back to their short forms, with flowinfo and scope id', () => {
      expect(roundTrip({ family: 'AF_INET6', address: '::1', port: 5000 })).to.deep.equal({
        family: 'AF_INET6',
        address: '::1',
        port: 5000,
        flowinfo: 0,
        scopeId: 0,
      });
      expect(roundTrip({ family: 'AF_INET6', address: 'fe80::1', port: 1, flowinfo: 0xfffff, scopeId: 0xffffffff })).to.deep.equal({
        family: 'AF_INET6',
        address: 'fe80::1',
        port: 1,
        flowinfo: 0xfffff,
        scopeId: 0xffffffff,
      });
    });

    it('compresses the longest run of zero groups, and never a single one, as inet_ntop does', () => {
      expect(roundTrip({ family: 'AF_INET6', address: '2001:0:0:1:0:0:0:1', port: 1 }).address).to.equal('2001:0:0:1::1');
      expect(roundTrip({ family: 'AF_INET6', address: '2001:db8:0:1:1:1:1:1', port: 1 }).address).to.equal('2001:db8:0:1:1:1:1:1');
      expect(roundTrip({ family: 'AF_INET6', address: '::', port: 1 }).address).to.equal('::');
      expect(roundTrip({ family: 'AF_INET6', address: '1::', port: 1 }).address).to.equal('1::');
    });

    it('rejects an address that is not IPv6', () => {
      expect(() => encodeSockaddr({ family: 'AF_INET6', address: '127.0.0.1', port: 1 }, WINDOWS)).to.throw('AF_INET6 takes an IPv6 address (sockaddr_in6), not "127.0.0.1"');
    });

    it('reads a buffer too short for sockaddr_in6 with the sockaddr_in layout', () => {
      const encoded = encodeSockaddr({ family: 'AF_INET6', address: '::1', port: 5000 }, WINDOWS);
      expect(decodeSockaddr(encoded, SOCKADDR_IN_SIZE, WINDOWS)).to.deep.equal({ family: 23, address: '0.0.0.0', port: 5000 });
    });
  });

  describe('AF_UNSPEC', () => {
    it('encodes the all-zero address as 16 zero bytes', () => {
      expect(encodeSockaddr({ family: 'AF_UNSPEC', address: '0.0.0.0', port: 0 }, WINDOWS)).to.deep.equal(Buffer.alloc(16));
    });

    it('decodes family 0 by name', () => {
      expect(decodeSockaddr(Buffer.alloc(16), 16, WINDOWS)).to.deep.equal({ family: 'AF_UNSPEC', address: '0.0.0.0', port: 0 });
    });
  });

  describe('sizes', () => {
    it('gives the size of the family structure: what namelen defaults to', () => {
      expect(sockaddrSize({ family: 'AF_INET', address: '127.0.0.1', port: 1 })).to.equal(16);
      expect(sockaddrSize({ family: 'AF_INET6', address: '::1', port: 1 })).to.equal(28);
      expect(sockaddrSize({ family: 23, address: '::1', port: 1 }), 'a raw family with an IPv6 address').to.equal(28);
      expect(sockaddrSize({ family: 'AF_UNSPEC', address: '0.0.0.0', port: 0 })).to.equal(16);
    });

    it('pads with zeros up to minLength', () => {
      const encoded = encodeSockaddr({ family: 'AF_INET', address: '10.0.0.1', port: 1 }, WINDOWS, 28);
      expect(encoded).to.have.length(28);
      expect(encoded.subarray(0, 8)).to.deep.equal(hex('0200 0001 0a000001'));
      expect(encoded.subarray(8)).to.deep.equal(Buffer.alloc(20));
    });

    it('never truncates below the structure size', () => {
      expect(encodeSockaddr({ family: 'AF_INET', address: '10.0.0.1', port: 1 }, WINDOWS, 8)).to.have.length(16);
    });
  });

  describe('family numbers', () => {
    it('writes AF_INET6 as the given stack numbers it', () => {
      const addr: SockAddr = { family: 'AF_INET6', address: '::1', port: 1 };
      expect(encodeSockaddr(addr, WINDOWS).readUInt16LE(0)).to.equal(23);
      expect(encodeSockaddr(addr, LINUX).readUInt16LE(0)).to.equal(10);
    });

    it('recognises AF_INET6 only by the given stack number', () => {
      const linuxBytes = encodeSockaddr({ family: 'AF_INET6', address: '::1', port: 1 }, LINUX);
      expect(decodeSockaddr(linuxBytes, SOCKADDR_IN6_SIZE, LINUX).family).to.equal('AF_INET6');
      expect(decodeSockaddr(linuxBytes, SOCKADDR_IN6_SIZE, WINDOWS).family, 'Linux AF_INET6 read as Windows').to.equal(10);
    });

    it('writes a raw family number as given, and reads an unknown one back as a number', () => {
      expect(familyNumber(99, WINDOWS)).to.equal(99);
      expect(familyNumber('AF_INET6', LINUX)).to.equal(10);
      expect(roundTrip({ family: 99, address: '1.2.3.4', port: 7 })).to.deep.equal({ family: 99, address: '1.2.3.4', port: 7 });
    });
  });
});

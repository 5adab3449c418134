/**
 * The argument readers of the worker, on their own: defaults, explicit nulls,
 * the edges of what each accepts, and the message of what it rejects.
 */
import { expect } from 'chai';
import {
  ArgumentError,
  constant,
  flag,
  INVALID_SOCKET,
  integer,
  optionalObject,
  sockaddr,
  socketHandle,
  text,
  type Args,
} from '../../harness/worker/args.js';

const TABLE = { SOCK_STREAM: 1, MINUS: -5 };

/** Runs `read` and returns the message of the ArgumentError it throws. */
function rejection(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).to.be.instanceOf(ArgumentError);
    expect(error).to.be.instanceOf(Error);
    return (error as ArgumentError).message;
  }
  throw new Error('the argument was accepted');
}

describe('worker arguments', () => {
  describe('constant', () => {
    it('looks a name up in the table, and passes a number through even if the table lacks it', () => {
      expect(constant({ type: 'SOCK_STREAM' }, 'type', TABLE)).to.equal(1);
      expect(constant({ type: 'MINUS' }, 'type', TABLE)).to.equal(-5);
      expect(constant({ type: 42 }, 'type', TABLE)).to.equal(42);
    });

    it('uses the fallback when the argument is missing or null, but not when it is 0', () => {
      expect(constant({}, 'protocol', TABLE, 7)).to.equal(7);
      expect(constant({ protocol: null }, 'protocol', TABLE, 7)).to.equal(7);
      expect(constant({ protocol: 0 }, 'protocol', TABLE, 7)).to.equal(0);
    });

    it('rejects a name the table lacks (names are case-sensitive), a missing argument without fallback, and other types', () => {
      expect(rejection(() => constant({ type: 'sock_stream' }, 'type', TABLE))).to.equal(
        'argument type: expected a number or a known constant, got "sock_stream"',
      );
      expect(rejection(() => constant({}, 'type', TABLE))).to.equal('argument type: expected a number or a known constant, got undefined');
      expect(rejection(() => constant({ type: true }, 'type', TABLE))).to.equal('argument type: expected a number or a known constant, got true');
    });
  });

  describe('integer', () => {
    it('accepts integers, negative ones included, and uses the fallback for missing or null', () => {
      expect(integer({ n: -3 }, 'n')).to.equal(-3);
      expect(integer({}, 'n', 5)).to.equal(5);
      expect(integer({ n: null }, 'n', 5)).to.equal(5);
      expect(integer({ n: 0 }, 'n', 5)).to.equal(0);
    });

    it('rejects fractions, infinities, numeric text and a missing argument without fallback', () => {
      expect(rejection(() => integer({ n: 0.5 }, 'n'))).to.equal('argument n: expected an integer, got 0.5');
      // JSON.stringify writes Infinity as null.
      expect(rejection(() => integer({ n: Infinity }, 'n'))).to.equal('argument n: expected an integer, got null');
      expect(rejection(() => integer({ n: '3' }, 'n'))).to.equal('argument n: expected an integer, got "3"');
      expect(rejection(() => integer({}, 'n'))).to.equal('argument n: expected an integer, got undefined');
    });
  });

  describe('flag', () => {
    it('is false when missing or null, and the boolean given otherwise', () => {
      expect(flag({}, 'read')).to.equal(false);
      expect(flag({ read: null }, 'read')).to.equal(false);
      expect(flag({ read: true }, 'read')).to.equal(true);
      expect(flag({ read: false }, 'read')).to.equal(false);
    });

    it('rejects truthy values that are not booleans', () => {
      expect(rejection(() => flag({ read: 1 }, 'read'))).to.equal('argument read: expected true or false, got 1');
    });
  });

  describe('text', () => {
    it('accepts any string, the empty one included', () => {
      expect(text({ data: '' }, 'data')).to.equal('');
      expect(text({ data: 'héllo' }, 'data')).to.equal('héllo');
    });

    it('rejects a missing argument and non-strings', () => {
      expect(rejection(() => text({}, 'data'))).to.equal('argument data: expected text, got undefined');
      expect(rejection(() => text({ data: ['a'] }, 'data'))).to.equal('argument data: expected text, got ["a"]');
    });
  });

  describe('socketHandle', () => {
    it('turns INVALID_SOCKET into 2^64-1 as a BigInt', () => {
      expect(INVALID_SOCKET).to.equal(18446744073709551615n);
      expect(socketHandle({ s: 'INVALID_SOCKET' })).to.equal(INVALID_SOCKET);
    });

    it('accepts any non-negative integer, 0 included, under the name given', () => {
      expect(socketHandle({ s: 0 })).to.equal(0);
      expect(socketHandle({ s: 4294967295 })).to.equal(4294967295);
      expect(socketHandle({ listener: 12 }, 'listener')).to.equal(12);
    });

    it('rejects negative and fractional numbers, other names, and a missing socket', () => {
      expect(rejection(() => socketHandle({ s: -1 }))).to.equal('argument s: expected a socket, got -1');
      expect(rejection(() => socketHandle({ s: 2.5 }))).to.equal('argument s: expected a socket, got 2.5');
      expect(rejection(() => socketHandle({ s: 'invalid_socket' }))).to.equal('argument s: expected a socket, got "invalid_socket"');
      expect(rejection(() => socketHandle({ s: 1 }, 'listener'))).to.equal('argument listener: expected a socket, got undefined');
    });
  });

  describe('sockaddr', () => {
    it('is null for a NULL pointer: null or missing', () => {
      expect(sockaddr({ name: null }, 'name')).to.equal(null);
      expect(sockaddr({}, 'name')).to.equal(null);
    });

    it('returns the address object as it is, optional fields included', () => {
      const address = { family: 'AF_INET6', address: 'fe80::1', port: 1, flowinfo: 2, scopeId: 3 };
      expect(sockaddr({ name: address }, 'name')).to.equal(address);
    });

    it('rejects an object that lacks family, address or port, and non-objects', () => {
      const args: Args = {
        noFamily: { address: '127.0.0.1', port: 1 },
        noAddress: { family: 'AF_INET', port: 1 },
        noPort: { family: 'AF_INET', address: '127.0.0.1' },
        text: '127.0.0.1',
      };
      for (const name of Object.keys(args)) {
        expect(rejection(() => sockaddr(args, name))).to.match(new RegExp(`^argument ${name}: expected a socket address \\{ family, address, port \\}, got `));
      }
    });
  });

  describe('optionalObject', () => {
    it('is null for null or missing, and the object otherwise', () => {
      const given = { length: 4 };
      expect(optionalObject({ calleeData: null }, 'calleeData')).to.equal(null);
      expect(optionalObject({}, 'calleeData')).to.equal(null);
      expect(optionalObject({ calleeData: given }, 'calleeData')).to.equal(given);
    });

    it('rejects arrays and scalars', () => {
      expect(rejection(() => optionalObject({ sqos: [1] }, 'sqos'))).to.equal('argument sqos: expected an object or null, got [1]');
      expect(rejection(() => optionalObject({ sqos: 'x' }, 'sqos'))).to.equal('argument sqos: expected an object or null, got "x"');
    });
  });
});

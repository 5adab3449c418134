/**
 * readArgs on its own: what each kind of argument accepts and becomes, the
 * defaults of optional ones, and the message of what it rejects.
 */
import { expect } from 'chai';
import { ArgumentError, INVALID_SOCKET, QOS_NOT_SPECIFIED, readArgs, type RawArgs } from '../../harness/language/calls/arguments.js';
import { arg, type ArgSpecs } from '../../harness/language/calls/declaration.js';
import { winsockConstant } from '../../harness/language/vocabulary/constants.js';

function read(specs: ArgSpecs, raw: RawArgs): Record<string, unknown> {
  return readArgs(specs, raw, winsockConstant);
}

/** Runs `reading` and returns the message of the ArgumentError it throws. */
function rejection(reading: () => unknown): string {
  try {
    reading();
  } catch (error) {
    expect(error).to.be.instanceOf(ArgumentError);
    return (error as ArgumentError).message;
  }
  throw new Error('the argument was accepted');
}

describe('call arguments (readArgs)', () => {
  describe('required and optional', () => {
    const specs = { s: arg.required('socket', 'the socket'), namelen: arg.optional('count', 'a length') };

    it('leaves an optional argument out when the case leaves it out', () => {
      expect(read(specs, { s: 3 })).to.deep.equal({ s: 3 });
    });

    it('rejects a missing required argument and an argument the call does not take', () => {
      expect(rejection(() => read(specs, {}))).to.equal('argument s is missing');
      expect(rejection(() => read(specs, { s: 3, nmaelen: 1 }))).to.equal('unknown argument nmaelen');
    });
  });

  describe('constants', () => {
    const specs = { af: arg.required('addressFamily', 'af'), level: arg.required('optionLevel', 'level') };

    it("looks names up in their own group's Winsock values, and passes numbers through", () => {
      expect(read(specs, { af: 'AF_INET6', level: 'SOL_SOCKET' })).to.deep.equal({ af: 23, level: 0xffff });
      expect(read(specs, { af: 99, level: -1 })).to.deep.equal({ af: 99, level: -1 });
    });

    it('rejects a name of another group, a misspelt name and a value of another type', () => {
      expect(rejection(() => read(specs, { af: 'SOL_SOCKET', level: 0 }))).to.equal(
        'argument af: expected a number or a known constant, got "SOL_SOCKET"',
      );
      expect(rejection(() => read(specs, { af: 'af_inet', level: 0 }))).to.match(/got "af_inet"/);
      expect(rejection(() => read(specs, { af: true, level: 0 }))).to.match(/got true/);
    });

    it('does not take names inherited from Object.prototype', () => {
      expect(rejection(() => read(specs, { af: 'constructor', level: 0 }))).to.match(/got "constructor"/);
    });
  });

  describe('sockets', () => {
    const specs = { s: arg.required('socket', 'the socket') };

    it('takes a non-negative integer, or INVALID_SOCKET by name as the all-ones handle', () => {
      expect(read(specs, { s: 0 })).to.deep.equal({ s: 0 });
      expect(read(specs, { s: 'INVALID_SOCKET' })).to.deep.equal({ s: INVALID_SOCKET });
    });

    it('rejects negative numbers, fractions and other text (an unresolved reference, say)', () => {
      expect(rejection(() => read(specs, { s: -1 }))).to.equal('argument s: expected a socket, got -1');
      expect(rejection(() => read(specs, { s: 1.5 }))).to.equal('argument s: expected a socket, got 1.5');
      expect(rejection(() => read(specs, { s: '$s' }))).to.equal('argument s: expected a socket, got "$s"');
    });
  });

  describe('numbers, flags and text', () => {
    it('takes counts from 0 to 2^31-1 and integers of either sign', () => {
      const specs = { n: arg.required('count', 'n'), i: arg.required('integer', 'i') };
      expect(read(specs, { n: 0, i: -3 })).to.deep.equal({ n: 0, i: -3 });
      expect(rejection(() => read(specs, { n: -1, i: 0 }))).to.equal('argument n: expected 0 to 2147483647, got -1');
      // JSON.stringify writes Infinity as null.
      expect(rejection(() => read(specs, { n: 1, i: Infinity }))).to.equal('argument i: expected an integer, got null');
      expect(rejection(() => read(specs, { n: '3', i: 0 }))).to.equal('argument n: expected an integer, got "3"');
    });

    it('takes booleans as flags and strings as text, nothing else', () => {
      const specs = { read: arg.optional('flag', 'r'), data: arg.optional('text', 'd') };
      expect(read(specs, { read: false, data: '' })).to.deep.equal({ read: false, data: '' });
      expect(rejection(() => read(specs, { read: 1 }))).to.equal('argument read: expected true or false, got 1');
      expect(rejection(() => read(specs, { data: 5 }))).to.equal('argument data: expected text, got 5');
    });
  });

  describe('socket addresses', () => {
    const specs = { name: arg.required('socketAddress', 'name') };

    it('takes { family, address, port } as it is, and null for a NULL pointer', () => {
      const address = { family: 'AF_INET', address: '127.0.0.1', port: 5 };
      expect(read(specs, { name: address })).to.deep.equal({ name: address });
      expect(read(specs, { name: null })).to.deep.equal({ name: null });
    });

    it('rejects anything without the three fields', () => {
      expect(rejection(() => read(specs, { name: { address: '127.0.0.1', port: 5 } }))).to.match(/^argument name: expected a socket address/);
    });
  });

  describe("WSAConnect's buffers and QOS", () => {
    const specs = { caller: arg.optional('callerData', 'c'), callee: arg.optional('calleeData', 'e'), qos: arg.optional('qos', 'q') };

    it('reads connect data and callee buffers, null for NULL', () => {
      expect(read(specs, { caller: { data: 'hi' }, callee: { length: 8 }, qos: null })).to.deep.equal({
        caller: { data: 'hi' },
        callee: { length: 8 },
        qos: null,
      });
    });

    it('fills every FLOWSPEC field a case leaves out with QOS_NOT_SPECIFIED', () => {
      const { qos } = read(specs, { qos: { sending: { tokenRate: 100 }, receiving: {} } }) as { qos: { sending: Record<string, number>; receiving: Record<string, number> } };
      expect(qos.sending['tokenRate']).to.equal(100);
      expect(qos.sending['latency']).to.equal(QOS_NOT_SPECIFIED);
      expect(Object.values(qos.receiving)).to.have.length(8).and.satisfy((values: number[]) => values.every((value) => value === QOS_NOT_SPECIFIED));
    });

    it('rejects buffers that are not objects, a callee buffer over 64 KiB and FLOWSPEC values past a ULONG', () => {
      expect(rejection(() => read(specs, { caller: 'hi' }))).to.equal('argument caller: expected an object or null, got "hi"');
      expect(rejection(() => read(specs, { callee: [] }))).to.equal('argument callee: expected an object or null, got []');
      expect(rejection(() => read(specs, { callee: { length: 65537 } }))).to.equal('argument callee.length: expected 0 to 65536, got 65537');
      expect(rejection(() => read(specs, { qos: { sending: { latency: 2 ** 32 }, receiving: {} } }))).to.match(/^argument qos.sending.latency: expected 0 to 4294967295/);
    });
  });

  describe('Winsock versions', () => {
    const specs = { version: arg.required('winsockVersion', 'v') };

    it('reads major.minor as MAKEWORD(major, minor), and a number as the WORD itself', () => {
      expect(read(specs, { version: '2.2' })).to.deep.equal({ version: 0x0202 });
      expect(read(specs, { version: '1.1' })).to.deep.equal({ version: 0x0101 });
      expect(read(specs, { version: '2.0' })).to.deep.equal({ version: 0x0002 });
      expect(read(specs, { version: 0x0303 })).to.deep.equal({ version: 0x0303 });
    });

    it('rejects other text and parts past a byte', () => {
      expect(rejection(() => read(specs, { version: 'two' }))).to.equal('argument version: expected a version "major.minor", got "two"');
      expect(rejection(() => read(specs, { version: '256.0' }))).to.match(/got "256.0"/);
    });
  });
});

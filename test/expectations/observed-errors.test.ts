/** The forms an observed error may take in an expectations file: what each provider reports. */
import { expect } from 'chai';
import { expectationsFileSchema } from '../../harness/judging/expectations/schema.js';

function accepts(error: string): boolean {
  const file = { format: 1, deviations: [{ case: 'a.b', step: 'send', observed: { returns: 'SOCKET_ERROR', error }, reason: 'r' }] };
  return expectationsFileSchema().validate(file);
}

describe('an observed error in an expectations file', () => {
  it('is a Winsock error name, or what the Winsock binding reports for a code without one', () => {
    for (const error of ['WSAECONNREFUSED', 'WSA error 12345', 'unchanged (0xdeadbeef)']) expect(accepts(error), error).to.equal(true);
  });

  it('is, for a POSIX provider, an errno without a Winsock counterpart, named or not, or errno left at 0', () => {
    for (const error of ['errno 32 (EPIPE)', 'errno 4242', 'unchanged (errno 0)']) expect(accepts(error), error).to.equal(true);
  });

  it('is nothing else', () => {
    for (const error of ['ECONNREFUSED', 'errno EPIPE', 'errno 32 (epipe)', 'errno 32 EPIPE', 'unchanged (errno 1)']) expect(accepts(error), error).to.equal(false);
  });
});

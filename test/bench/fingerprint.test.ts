import { expect } from 'chai';
import { fingerprint } from '../../bench/fingerprint.js';
import { FAIL_CASE, PASS_CASE } from '../reporters/sample-results.js';

describe('the determinism fingerprint', () => {
  const withObserved = (observed: object) => ({ ...PASS_CASE, checks: [{ ...PASS_CASE.checks[0]!, observed: { returns: 0, ...observed } }] });

  it('is the same for runs that differ only in ports, handles and durations', () => {
    const one = withObserved({ handle: 224, name: { family: 'AF_INET', address: '127.0.0.1', port: 50123 } });
    const two = { ...withObserved({ handle: 228, name: { family: 'AF_INET', address: '127.0.0.1', port: 41999 } }), durationMs: 99 };
    expect(fingerprint(one)).to.equal(fingerprint(two));
  });

  it('is the same for posted messages that name different socket handles', () => {
    const message = (socket: number) => withObserved({ message: 1025, socket, event: 'FD_CONNECT', selectError: 'none' });
    expect(fingerprint(message(248))).to.equal(fingerprint(message(252)));
    expect(fingerprint(message(248)), 'the event is still compared').to.not.equal(fingerprint({ ...message(248), checks: [{ ...PASS_CASE.checks[0]!, observed: { returns: 0, message: 1025, socket: 248, event: 'FD_CLOSE' } }] }));
  });

  it('differs when the verdict, a return value, an error or an address differs', () => {
    const base = fingerprint(withObserved({ name: { address: '127.0.0.1', port: 1 } }));
    expect(fingerprint(withObserved({ name: { address: '::1', port: 1 } }))).to.not.equal(base);
    expect(fingerprint({ ...withObserved({ name: { address: '127.0.0.1', port: 1 } }), verdict: 'FAIL' })).to.not.equal(base);
    expect(fingerprint(FAIL_CASE)).to.not.equal(fingerprint(PASS_CASE));
  });
});

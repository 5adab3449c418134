import { expect } from 'chai';

import { rerunCommand, shellQuote } from '../../reporters/rerun-command.js';
import { PASS_CASE, RUN } from './sample-results.js';

describe('rerunCommand', () => {
  it('runs one case by id with the provider it ran on', () => {
    expect(rerunCommand(PASS_CASE, RUN)).to.equal('winsock-conformance run --provider wine --grep tcp.blocking.success');
  });

  it('names the case set when it is not the project own', () => {
    expect(rerunCommand(PASS_CASE, { ...RUN, casesDir: '../other set' })).to.equal(
      "winsock-conformance run --provider wine --grep tcp.blocking.success --cases '../other set'",
    );
  });
});

describe('shellQuote', () => {
  it('leaves plain words bare and quotes the rest so a shell reads them back as one word', () => {
    expect(shellQuote('udp.connect-any_1')).to.equal('udp.connect-any_1');
    expect(shellQuote('')).to.equal("''");
    expect(shellQuote("it's $(rm -rf) `x`")).to.equal("'it'\\''s $(rm -rf) `x`'");
  });
});

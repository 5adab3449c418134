/** The provisioning commands: each ends within its bound, so preparing a provider always ends. */
import { expect } from 'chai';
import { CommandFailed, run } from '../../harness/stacks/providers/provisioning/commands.js';

describe('provisioning commands', () => {
  it('kills a command that outlives its bound, and says so', async () => {
    const failure = await run('sleep', ['30'], {}, 200).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).to.be.instanceOf(CommandFailed);
    expect((failure as CommandFailed).message).to.equal('sleep 30 failed: did not finish within 0.2 s, and was killed');
  });

  it('returns what a command printed when it ends within its bound', async () => {
    expect(await run('echo', ['ready'], {}, 30_000)).to.equal('ready\n');
  });
});

/** The error a piece of code throws, for tests that check the error itself. */
import { expect } from 'chai';

/** Runs `run` and returns what it throws, which must be a `type`; fails the test if it throws nothing. */
export function thrownBy<E extends Error>(run: () => unknown, type: abstract new (...args: never[]) => E): E {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(type);
    return error as E;
  }
  throw new Error(`nothing was thrown (expected a ${type.name})`);
}

import { expect } from 'chai';
import { holdsFor, versionsOverlap, type Deviation } from '../../harness/judging/expectations/deviation.js';

function listedFor(versions?: readonly string[]): Deviation {
  return {
    case: 'c',
    step: 's',
    observed: { returns: 0 },
    reason: 'r',
    ...(versions === undefined ? {} : { versions }),
    location: { file: 'expectations/wine.yaml', line: 1, column: 1 },
  };
}

describe('a deviation listed for some versions of a provider', () => {
  it('holds for every version, and for a run without one, when it names none', () => {
    expect(holdsFor(listedFor(), '8.0')).to.equal(true);
    expect(holdsFor(listedFor(), undefined)).to.equal(true);
  });

  it('holds for a version it names, and for the versions that start with it and a dot', () => {
    expect(holdsFor(listedFor(['8.0']), '8.0')).to.equal(true);
    expect(holdsFor(listedFor(['8.0']), '8.0.2')).to.equal(true);
    expect(holdsFor(listedFor(['10']), '10.0')).to.equal(true);
  });

  it('does not hold for other versions, for a version that only shares digits, nor for a run without a version', () => {
    expect(holdsFor(listedFor(['8.0']), '10.0')).to.equal(false);
    expect(holdsFor(listedFor(['1']), '10.0')).to.equal(false);
    expect(holdsFor(listedFor(['8.0']), undefined)).to.equal(false);
  });

  it('overlaps another entry when some version is held for by both', () => {
    expect(versionsOverlap(listedFor(['8.0']), listedFor(['10.0']))).to.equal(false);
    expect(versionsOverlap(listedFor(['10']), listedFor(['10.0']))).to.equal(true);
    expect(versionsOverlap(listedFor(), listedFor(['10.0']))).to.equal(true);
  });
});

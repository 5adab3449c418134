import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { canonicalJson, fingerprint } from '../../harness/judging/results/fingerprint.js';

describe('fingerprint', () => {
  it('hashes the canonical JSON of the entries: keys sorted at every depth, no white space', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }], e: undefined })).to.equal('{"a":[{"c":3,"d":2}],"b":1}');
    const expected = createHash('sha256').update('[{"a":1,"b":2}]').digest('hex');
    expect(fingerprint([{ b: 2, a: 1 }])).to.deep.equal({ count: 1, sha256: expected });
  });

  it('leaves out where entries are written, so moving a case in its file is no change, but any other change is', () => {
    const at = (line: number) => ({ id: 'x', steps: [{ call: 'socket', location: { file: 'cases/x.yaml', line: line + 1, column: 7 } }], location: { file: 'cases/x.yaml', line, column: 5 } });
    expect(fingerprint([at(3)])).to.deep.equal(fingerprint([at(30)]));
    expect(fingerprint([at(3)])).to.not.deep.equal(fingerprint([{ ...at(3), id: 'y' }]));
    expect(fingerprint([at(3), at(3)]).count).to.equal(2);
  });
});

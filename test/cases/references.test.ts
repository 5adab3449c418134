import { expect } from 'chai';
import { isReferenceText, literalText, parseReference } from '../../harness/language/cases/value-references.js';

describe('parseReference', () => {
  it('splits a reference into its name and path', () => {
    expect(parseReference('$s')).to.deep.equal({ name: 's', path: [] });
    expect(parseReference('$server.port')).to.deep.equal({ name: 'server', path: ['port'] });
    expect(parseReference('$got.datagrams.0.from')).to.deep.equal({ name: 'got', path: ['datagrams', '0', 'from'] });
  });

  it('returns undefined for plain strings and $$ literals', () => {
    expect(parseReference('AF_INET')).to.equal(undefined);
    expect(parseReference('$$s')).to.equal(undefined);
    expect(parseReference('a$b')).to.equal(undefined);
  });

  it('returns undefined for malformed references', () => {
    for (const text of ['$', '$.port', '$a..b', '$a.', '$1abc', '$a b']) {
      expect(parseReference(text), text).to.equal(undefined);
    }
  });
});

describe('isReferenceText and literalText', () => {
  it('tells references from $$ literals', () => {
    expect(isReferenceText('$s')).to.equal(true);
    expect(isReferenceText('$a..b')).to.equal(true);
    expect(isReferenceText('$$s')).to.equal(false);
    expect(isReferenceText('s')).to.equal(false);
  });

  it('unescapes a leading $$ only', () => {
    expect(literalText('$$5 off')).to.equal('$5 off');
    expect(literalText('costs $$5')).to.equal('costs $$5');
    expect(literalText('plain')).to.equal('plain');
  });
});

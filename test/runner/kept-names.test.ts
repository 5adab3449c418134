import { expect } from 'chai';
import { KeptNames, UnresolvedReference } from '../../harness/run/runner/kept-names.js';

const SERVER = { family: 'AF_INET', address: '127.0.0.1', port: 5000 };

/** What a case has named after its peers started and a few steps ran. */
function caseKeptNames(): KeptNames {
  const bindings = new KeptNames();
  bindings.define('server', SERVER);
  bindings.define('s', 100);
  bindings.define('local', { returns: 0, name: { family: 'AF_INET', address: '127.0.0.1', port: 49152 } });
  bindings.define('nothing', null);
  return bindings;
}

function unresolved(resolve: () => unknown): UnresolvedReference {
  try {
    resolve();
  } catch (error) {
    if (error instanceof UnresolvedReference) return error;
    throw error;
  }
  throw new Error('the reference was resolved');
}

describe('KeptNames', () => {
  it('resolves a name to what it was defined as', () => {
    const bindings = caseKeptNames();
    expect(bindings.resolve('$s')).to.equal(100);
    expect(bindings.resolve('$server')).to.deep.equal(SERVER);
    expect(bindings.resolve('$nothing')).to.equal(null);
  });

  it('resolves a path into what a name holds', () => {
    const bindings = caseKeptNames();
    expect(bindings.resolve('$server.port')).to.equal(5000);
    expect(bindings.resolve('$server.address')).to.equal('127.0.0.1');
    expect(bindings.resolve('$local.name.port')).to.equal(49152);
  });

  it('takes $$ for a literal dollar', () => {
    const bindings = caseKeptNames();
    expect(bindings.resolve('$$s')).to.equal('$s');
    expect(bindings.resolve('$$')).to.equal('$');
    expect(bindings.resolve('$$$server')).to.equal('$$server');
  });

  it('leaves strings without a leading $ and non-strings as they are', () => {
    const bindings = caseKeptNames();
    expect(bindings.resolve('AF_INET')).to.equal('AF_INET');
    expect(bindings.resolve('costs 5$')).to.equal('costs 5$');
    expect(bindings.resolve(16)).to.equal(16);
    expect(bindings.resolve(false)).to.equal(false);
    expect(bindings.resolve(null)).to.equal(null);
    expect(bindings.resolve(undefined)).to.equal(undefined);
  });

  it('resolves references anywhere inside objects and lists, without changing the input', () => {
    const args = { s: '$s', name: { family: 'AF_INET', address: '$server.address', port: '$local.name.port' }, list: ['$s', ['$$x', 1]] };
    const before = structuredClone(args);
    expect(caseKeptNames().resolve(args)).to.deep.equal({
      s: 100,
      name: { family: 'AF_INET', address: '127.0.0.1', port: 49152 },
      list: [100, ['$x', 1]],
    });
    expect(args).to.deep.equal(before);
  });

  it('sees a name only once it is defined', () => {
    const bindings = new KeptNames();
    expect(unresolved(() => bindings.resolve('$s')).message).to.equal('$s: nothing is named s yet');
    bindings.define('s', 100);
    expect(bindings.resolve('$s')).to.equal(100);
  });

  it('throws UnresolvedReference for a name that is not defined, even deep inside a value', () => {
    const error = unresolved(() => caseKeptNames().resolve({ name: { port: '$client.port' } }));
    expect(error.message).to.equal('$client.port: nothing is named client yet');
  });

  it('throws UnresolvedReference for a path the value does not have', () => {
    const bindings = caseKeptNames();
    expect(unresolved(() => bindings.resolve('$local.from.port')).message).to.equal(
      '$local.from.port: {"returns":0,"name":{"family":"AF_INET","address":"127.0.0.1","port":49152}} has no from',
    );
    expect(unresolved(() => bindings.resolve('$s.port')).message).to.equal('$s.port: 100 has no port');
    expect(unresolved(() => bindings.resolve('$nothing.port')).message).to.equal('$nothing.port: null has no port');
  });
});

/**
 * The folders depend on each other one way only: reports read results,
 * the harness never renders them; fixtures serve cases without knowing
 * the case model; the YAML loader knows nothing of what the files hold.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../cases/helpers.js';

/** Every relative import of every .ts file below `folder`, as project paths: `[importer, imported]`. */
function importsBelow(folder: string): [string, string][] {
  const files = readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return files.flatMap((file) => {
    const importer = path.posix.join(folder, file.split(path.sep).join('/'));
    const text = readFileSync(path.join(PROJECT_ROOT, importer), 'utf8');
    return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((match): [string, string] => [
      importer,
      path.posix.normalize(path.posix.join(path.posix.dirname(importer), match[1] ?? '')),
    ]);
  });
}

function crossing(from: string, into: string): string[] {
  return importsBelow(from)
    .filter(([, imported]) => imported.startsWith(`${into}/`))
    .map(([importer, imported]) => `${importer} imports ${imported}`);
}

describe('folder seams', () => {
  it('no module of harness/ imports reporters/', () => {
    expect(crossing('harness', 'reporters')).to.deep.equal([]);
  });

  it('no module of fixtures/ imports harness/cases/', () => {
    expect(crossing('fixtures', 'harness/cases')).to.deep.equal([]);
  });

  it('the YAML loader (harness/yaml/) imports nothing else of the project but small shared helpers', () => {
    const outside = importsBelow('harness/yaml')
      .filter(([, imported]) => !imported.startsWith('harness/yaml/') && imported !== 'harness/message-of.js')
      .map(([importer, imported]) => `${importer} imports ${imported}`);
    expect(outside).to.deep.equal([]);
  });

  it('the host libc and socket addresses (harness/net/), which fixtures share with bindings, import nothing else of the project', () => {
    const outside = importsBelow('harness/net')
      .filter(([, imported]) => !imported.startsWith('harness/net/'))
      .map(([importer, imported]) => `${importer} imports ${imported}`);
    expect(outside).to.deep.equal([]);
  });

  it('no module of harness/ imports the command line (cli/)', () => {
    expect(crossing('harness', 'cli')).to.deep.equal([]);
  });

  it('no module of harness/ imports the suite under mocha (mocha/)', () => {
    expect(crossing('harness', 'mocha')).to.deep.equal([]);
  });
});

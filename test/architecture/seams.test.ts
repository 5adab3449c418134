/**
 * The house stands in layers, and imports run one way only: down. From the
 * bottom: what every part shares (harness/common/), the loopback peers
 * (fixtures/), the case language (harness/language/), the stacks under test
 * (harness/stacks/), the judging (harness/judging/), the run
 * (harness/run/), the uses of many runs (harness/uses/), then what builds
 * and shows them (harness/build-steps/, reporters/) and the commands (cli/,
 * mocha/, bench/). A part may import its own layer's folder or any below.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../cases/helpers.js';

/** From the bottom up; the folders of one layer may not import each other. */
const LAYERS: readonly (readonly string[])[] = [
  ['harness/common'],
  ['fixtures'],
  ['harness/language'],
  ['harness/stacks'],
  ['harness/judging'],
  ['harness/run'],
  ['harness/uses'],
  ['harness/build-steps', 'reporters'],
  ['cli', 'mocha', 'bench'],
];

/** Every relative import of every .ts file below `folder`, as project paths: `[importer, imported]`. */
function importsBelow(folder: string): [string, string][] {
  const files = readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return files.flatMap((file) => {
    const importer = path.posix.join(folder, file.split(path.sep).join('/'));
    const text = readFileSync(path.join(PROJECT_ROOT, importer), 'utf8');
    return [...text.matchAll(/(?:from |import\()'(\.{1,2}\/[^']+)'/g)].map((match): [string, string] => [
      importer,
      path.posix.normalize(path.posix.join(path.posix.dirname(importer), match[1] ?? '')),
    ]);
  });
}

function folderOf(file: string): string | undefined {
  return LAYERS.flat().find((folder) => file.startsWith(`${folder}/`));
}

function layerOf(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

describe('folder seams', () => {
  it('every folder of harness/ is a layer of the house', () => {
    const folders = readdirSync(path.join(PROJECT_ROOT, 'harness'), { withFileTypes: true });
    expect(folders.filter((entry) => !entry.isDirectory()).map((entry) => entry.name), 'loose files in harness/').to.deep.equal([]);
    expect(folders.map((entry) => `harness/${entry.name}`).filter((folder) => layerOf(folder) < 0)).to.deep.equal([]);
  });

  for (const folder of LAYERS.flat()) {
    it(`${folder}/ imports only its own folder and the layers below it`, () => {
      const upward = importsBelow(folder).filter(([, imported]) => {
        const into = folderOf(imported);
        return into !== undefined && into !== folder && layerOf(into) >= layerOf(folder);
      });
      expect(upward.map(([importer, imported]) => `${importer} imports ${imported}`)).to.deep.equal([]);
    });
  }

  it('the YAML loader (harness/language/yaml/) imports nothing else of the project but what every part shares', () => {
    const outside = importsBelow('harness/language/yaml')
      .filter(([, imported]) => !imported.startsWith('harness/language/yaml/') && !imported.startsWith('harness/common/'))
      .map(([importer, imported]) => `${importer} imports ${imported}`);
    expect(outside).to.deep.equal([]);
  });

  it('the socket addresses and the host libc (harness/common/net/), which fixtures share with the stacks, import nothing else of the project', () => {
    const outside = importsBelow('harness/common/net')
      .filter(([, imported]) => !imported.startsWith('harness/common/net/'))
      .map(([importer, imported]) => `${importer} imports ${imported}`);
    expect(outside).to.deep.equal([]);
  });
});

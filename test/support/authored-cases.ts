/**
 * The cases the files of cases/ write, read as plain YAML rather than through
 * the loader, so that a run can be checked to hold every one: a case with
 * variations stands for one case per combination of its values, each with the
 * id that names its variation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { variationId, variationsOf, type RawVariations } from '../../harness/language/cases/variations.js';

export interface AuthoredCase {
  /** The file's name in cases/ (`udp.yaml`). */
  readonly file: string;
  readonly id: string;
}

interface WrittenCase {
  readonly id: string;
  readonly variations?: RawVariations;
}

/** Every case of `root`/cases, file by file, a case with variations as the cases it expands to. */
export function authoredCases(root: string): AuthoredCase[] {
  const folder = join(root, 'cases');
  const files = readdirSync(folder).filter((file) => file.endsWith('.yaml'));
  return files.flatMap((file) => {
    const { cases } = parse(readFileSync(join(folder, file), 'utf8')) as { cases: WrittenCase[] };
    return cases.flatMap((written) => variationsOf(written).map((variation) => ({ file, id: variationId(written.id, variation) })));
  });
}

/**
 * Shared by the loader tests: where the project is, and problems as the
 * command line prints them, which is what the tests assert on.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, loadCases, type LoadedCases } from '../../harness/language/cases/load.js';
import type { Page, PageSet } from '../../harness/language/clauses/clause.js';
import { loadPages } from '../../harness/language/clauses/load.js';

/** Tests run from dist/test/cases/; the project root is three levels up. Samples are read from the source tree. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A sample file's path relative to the project root, as problems name it. */
export function casesSample(name: string): string {
  return `test/cases/samples/${name}`;
}

/** The pages of `specDir` (relative to the project root), which case files are checked against. */
export function specPages(specDir = 'spec'): PageSet {
  const loaded = loadPages(specDir, PROJECT_ROOT);
  if (loaded.pages === undefined) throw new Error(`${specDir}/ has problems: ${loaded.problems.map(formatProblem).join('; ')}`);
  return loaded.pages;
}

/**
 * The names of the project's pages, read from the file system and not by the
 * loader under test: the folders of spec/ that hold a page.txt, sorted.
 */
export function projectPageNames(): string[] {
  const spec = path.join(PROJECT_ROOT, 'spec');
  return readdirSync(spec, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(spec, entry.name, 'page.txt')))
    .map((entry) => entry.name)
    .sort();
}

/** The project's WSAConnect page. */
export function wsaConnectPage(): Page {
  const page = specPages().byName.get('WSAConnect');
  if (page === undefined) throw new Error('spec/ has no WSAConnect page');
  return page;
}

export function load(...files: string[]): LoadedCases & { messages: string[] } {
  const loaded = loadCases(files, PROJECT_ROOT, specPages());
  return { ...loaded, messages: loaded.problems.map(formatProblem) };
}

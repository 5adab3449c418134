/**
 * Shared by the loader tests: where the project is, and problems as the
 * command line prints them, which is what the tests assert on.
 */
import { fileURLToPath } from 'node:url';
import { formatProblem, loadCases, type LoadedCases } from '../../harness/cases/load.js';

/** Tests run from dist/test/cases/; the project root is three levels up. Samples are read from the source tree. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A sample file's path relative to the project root, as problems name it. */
export function casesSample(name: string): string {
  return `test/cases/samples/${name}`;
}

export function load(...files: string[]): LoadedCases & { messages: string[] } {
  const loaded = loadCases(files, PROJECT_ROOT);
  return { ...loaded, messages: loaded.problems.map(formatProblem) };
}

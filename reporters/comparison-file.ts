/**
 * comparison.json: a comparison of two runs as data (harness/uses/baselines/
 * compare.ts has its shape; README, "Baselines"), for any report that marks
 * what changed since a baseline.
 */
import type { Comparison } from '../harness/uses/baselines/compare.js';
import { writeWholeFile } from './write-whole-file.js';

export const COMPARISON_FILE_NAME = 'comparison.json';

/** Writes `comparison` to comparison.json in `dir`; returns the file's path. */
export function writeComparison(dir: string, comparison: Comparison): string {
  return writeWholeFile(dir, COMPARISON_FILE_NAME, `${JSON.stringify(comparison, null, 2)}\n`);
}

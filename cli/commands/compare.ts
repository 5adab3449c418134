/**
 * `winsock-conformance compare BASELINE CURRENT`: what changed between two
 * runs, case by case and step by step (harness/uses/baselines/compare.ts), as text
 * or, with --json, as the comparison.json data. Exit status 1 when anything
 * regressed, else 0, so that a CI job fails on a regression of a build.
 */
import { compareRuns, hasRegression, type Comparison } from '../../harness/uses/baselines/compare.js';
import { comparisonText } from '../../reporters/comparison-text.js';
import { EXIT } from '../exit-status.js';
import { readRecordedRun } from '../results-files.js';
import type { Terminal } from '../terminal.js';

export interface CompareOptions {
  readonly json?: boolean;
}

export function compareCommand(baselineFile: string, currentFile: string, options: CompareOptions, terminal: Terminal): number {
  const comparison = compareRuns(readRecordedRun(baselineFile), readRecordedRun(currentFile));
  terminal.stdout.write(options.json === true ? `${JSON.stringify(comparison, null, 2)}\n` : comparisonText(comparison));
  return statusOf(comparison);
}

export function statusOf(comparison: Comparison): number {
  return hasRegression(comparison) ? EXIT.red : EXIT.green;
}

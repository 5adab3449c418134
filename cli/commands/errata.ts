/**
 * `winsock-conformance errata [--json]`: where the page and real Windows
 * disagree, from the Windows references (harness/judging/windows-reference/errata.ts).
 */
import { errataText } from '../../reporters/errata-views.js';
import { EXIT } from '../exit-status.js';
import { loadSuiteKnowledge } from '../suite-knowledge.js';
import type { Terminal } from '../terminal.js';

export function errataCommand(options: { readonly json?: boolean }, terminal: Terminal): number {
  const { errata } = loadSuiteKnowledge();
  terminal.stdout.write(options.json === true ? `${JSON.stringify(errata, null, 2)}\n` : errataText(errata));
  return EXIT.green;
}

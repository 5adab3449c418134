/**
 * The script of report.html, written as type-checked functions in the
 * modules beside this one (view-state.ts, dom-builders.ts, start-up.ts) and
 * inlined into the page as their source text (REPORT_SCRIPT). So each
 * function must stand alone: it may call the others listed in
 * SCRIPT_FUNCTIONS and the browser's globals, and may import values only
 * from those modules, which are inlined with it.
 */
import { buildCheck, buildClauseIndex, buildDetails, buildRow, buildVariedRow, elementsOf } from './dom-builders.js';
import { copyCommand, startReport } from './start-up.js';
import { caseIsShown, formatViewState, groupCases, listCases, parseViewState, searchTextOf } from './view-state.js';

/** Every function the page's script holds, each inlined by its source text. */
const SCRIPT_FUNCTIONS: readonly ((...args: never[]) => unknown)[] = [
  parseViewState,
  formatViewState,
  searchTextOf,
  caseIsShown,
  groupCases,
  listCases,
  elementsOf,
  buildRow,
  buildVariedRow,
  buildDetails,
  buildCheck,
  buildClauseIndex,
  copyCommand,
  startReport,
];

export const REPORT_SCRIPT = `
"use strict";
(() => {
${SCRIPT_FUNCTIONS.map((fn) => fn.toString()).join('\n')}
startReport(document, window);
})();
`;

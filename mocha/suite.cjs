// The conformance suite's spec file for mocha (conformance.mocharc.cjs names it; README.md, "The suite
// through mocha"). CommonJS on purpose: mocha's --watch reloads a spec file by clearing require's cache,
// so each run registers the cases again as the case files are now, where an ES module would be
// evaluated once per process and a second run would find no test.
'use strict';
require('../dist/mocha/register.js').registerConformanceSuite();

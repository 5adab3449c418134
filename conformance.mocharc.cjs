// The conformance suite through mocha: `npx mocha --config conformance.mocharc.cjs` after `npm run build`
// (README.md, "The suite through mocha"). The project's own tests stay in .mocharc.json.
'use strict';
const path = require('node:path');

module.exports = {
  // Absolute, so that the file works from any working directory (an IDE's, a CI job's).
  spec: [path.join(__dirname, 'mocha', 'suite.cjs')],
  // Each case has its own time limit, and the harness bounds a worker's start (mocha/register.ts also says so per test).
  timeout: 0,
};

/**
 * `npm run test:one -- test/PATH.test.ts [mocha options]`: runs one test file,
 * as built to dist/, with the timeout of .mocharc.json and mocha's spec
 * reporter. (`mocha FILE` alone would run the whole suite too: mocha adds the
 * files it is given to the config's `spec` instead of replacing them.)
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const [file, ...mochaOptions] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: npm run test:one -- test/PATH.test.ts [mocha options, e.g. --grep TEXT]\n');
  process.exit(2);
}
const source = path.relative(root, path.resolve(file)).replace(/^dist[\\/]/, '');
const built = path.join(root, 'dist', source.replace(/\.ts$/, '.js'));
if (!existsSync(built)) {
  process.stderr.write(`test:one: no built test at ${path.relative(root, built)}: give a test file of test/ (test/…/NAME.test.ts)\n`);
  process.exit(2);
}
const { timeout } = JSON.parse(readFileSync(path.join(root, '.mocharc.json'), 'utf8'));
const mocha = require.resolve('mocha/bin/mocha.js');
const run = spawnSync(process.execPath, [mocha, '--no-config', '--timeout', String(timeout), '--reporter', 'spec', built, ...mochaOptions], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);

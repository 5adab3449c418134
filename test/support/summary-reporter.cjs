// Mocha's spec reporter, closed by one plain line `N passed, N failed, N skipped`
// that CI systems read as the test run's summary.
'use strict';
const Mocha = require('mocha');

class SpecWithSummaryLine extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = this.stats;
      process.stdout.write(`${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}

module.exports = SpecWithSummaryLine;

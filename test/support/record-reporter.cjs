// A mocha reporter for the tests of the suite under mocha: one JSON line per test as it ends, on stdout —
// its title, full title, suite, state, `context` (what mochawesome would show), and the error mocha's
// reporters were given, with what they would do with it (a diff or not).
'use strict';
const Mocha = require('mocha');

const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class RecordReporter extends Mocha.reporters.Base {
  constructor(runner, options) {
    super(runner, options);
    const record = (state) => (test, error) => {
      const line = {
        type: test.type,
        file: test.file,
        title: test.title,
        fullTitle: test.fullTitle(),
        suite: test.parent && test.parent.title,
        state,
        context: test.context,
        error: error && {
          name: error.name,
          message: error.message,
          expected: error.expected,
          actual: error.actual,
          verdict: error.verdict,
          stack: error.stack,
          showsDiff: Mocha.reporters.Base.showDiff(error),
        },
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    };
    runner.on(EVENT_TEST_PASS, record('passed'));
    runner.on(EVENT_TEST_FAIL, record('failed'));
    runner.on(EVENT_TEST_PENDING, record('pending'));
  }
}

module.exports = RecordReporter;

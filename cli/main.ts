#!/usr/bin/env node
/** The `winsock-conformance` command. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../harness/cases/load.js';
import { CASES_DIR, EXPECTATIONS_DIR, PROJECT_ROOT, WORKER_SCRIPT } from '../harness/paths.js';
import { ProviderUnavailable, type Provider } from '../harness/providers/provider.js';
import { createProvider, defaultProviderName, PROVIDER_NAMES } from '../harness/providers/registry.js';
import { BadInput, NothingSelected, runSuite } from '../harness/runner/run-suite.js';
import { ConsoleReporter } from '../reporters/console.js';
import { HtmlReporter } from '../reporters/html.js';
import { JUnitReporter } from '../reporters/junit.js';
import { JsonLinesReporter } from '../reporters/results-jsonl.js';
import { USAGE } from './usage.js';

const EXIT_GREEN = 0;
const EXIT_NOT_GREEN = 1;
const EXIT_BAD_INPUT = 2;

class UsageError extends Error {}

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      provider: { type: 'string' },
      grep: { type: 'string' },
      tag: { type: 'string', multiple: true },
      out: { type: 'string' },
      cases: { type: 'string' },
      expectations: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined && !values.help ? EXIT_BAD_INPUT : EXIT_GREEN;
  }
  const provider = providerNamed(values.provider ?? defaultProviderName());
  const log = (line: string) => process.stderr.write(`${line}\n`);
  switch (command) {
    case 'setup':
      await provider.prepare(log);
      log(`provider ${provider.name} is ready`);
      return EXIT_GREEN;
    case 'run': {
      const outDir = resolve(values.out ?? 'reports');
      const summary = await runSuite({
        provider,
        filter: { ...(values.grep === undefined ? {} : { grep: values.grep }), tags: values.tag ?? [] },
        outDir,
        root: PROJECT_ROOT,
        casesDir: values.cases === undefined ? CASES_DIR : resolve(values.cases),
        expectationsDir: values.expectations === undefined ? EXPECTATIONS_DIR : resolve(values.expectations),
        workerScript: WORKER_SCRIPT,
        harnessVersion: harnessVersion(),
        reporters: [new ConsoleReporter(), new JsonLinesReporter(outDir), new JUnitReporter(outDir), new HtmlReporter(outDir)],
        log,
      });
      log(`reports: ${join(outDir, 'report.html')}, ${join(outDir, 'junit.xml')}, ${join(outDir, 'results.jsonl')}`);
      return summary.green ? EXIT_GREEN : EXIT_NOT_GREEN;
    }
    default:
      throw new UsageError(`unknown command "${command}"; the commands are run and setup (see --help)`);
  }
}

function providerNamed(name: string): Provider {
  const provider = createProvider(name);
  if (!provider) throw new UsageError(`unknown provider "${name}"; known providers: ${PROVIDER_NAMES.join(', ')}`);
  return provider;
}

function harnessVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof BadInput) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      process.stderr.write(`${error.message}; nothing was run. Fix them and run again.\n`);
    } else if (error instanceof ProviderUnavailable || error instanceof UsageError || error instanceof NothingSelected) {
      process.stderr.write(`winsock-conformance: ${error.message}\n`);
    } else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`winsock-conformance: ${error.message} (see --help)\n`);
    } else {
      throw error;
    }
    process.exitCode = EXIT_BAD_INPUT;
  },
);

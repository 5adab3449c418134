#!/usr/bin/env node
/** The `winsock-conformance` command: options and the wiring of harness and reporters. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { formatProblem } from '../harness/language/cases/load.js';
import { PROJECT_ROOT } from '../harness/common/project-paths.js';
import { OutputNotWritten } from '../harness/common/files/output-not-written.js';
import { ProviderUnavailable } from '../harness/stacks/providers/provider.js';
import { STANDARDS, type Standard } from '../harness/judging/results/result.js';
import { defaultProviderName, PROVIDER_NAMES } from '../harness/stacks/providers/registry.js';
import { WINE_BUILD_NAMES } from '../harness/stacks/providers/wine/wine-builds.js';
import { BadInput, NothingSelected, UnusablePath } from '../harness/run/runner/run-suite.js';
import { defaultJobs } from '../harness/run/runner/lanes.js';
import { coverageCommand } from './commands/coverage.js';
import { atlasCommand } from './commands/atlas.js';
import { compareCommand } from './commands/compare.js';
import { errataCommand } from './commands/errata.js';
import { lintCommand } from './commands/lint.js';
import { mergeCommand } from './commands/merge.js';
import { reportCommand } from './commands/report.js';
import { reproCommand } from './commands/repro.js';
import { runCommand } from './commands/run.js';
import { EXIT, UsageError } from './exit-status.js';
import { addReports, collect, positiveInteger, providerNamed, REPORT_NAMES } from './options.js';
import { processTerminal, type Terminal } from './terminal.js';

const EXAMPLES = `
Exit status: 0 when every verdict is PASS, KNOWN or SKIP; 1 otherwise; 2 for bad input or a provider
that cannot run here (a provider cache that cannot be repaired included); 3 when a result or report
could not be written (a full disk, a read-only folder); 130 or 143 when stopped by SIGINT or SIGTERM
(the reports of the finished cases are written first).

Environment:
  WINSOCK_CONFORMANCE_CACHE  cache folder of the wine provider (default: ~/.cache/winsock-conformance)
  NO_COLOR, FORCE_COLOR      turn the terminal's colours off or on

Examples:
  winsock-conformance run
  winsock-conformance run --tag udp --out /tmp/udp-report
  winsock-conformance run --grep tcp.nonblocking.wouldblock-then-writable
  winsock-conformance lint cases/udp.yaml
  winsock-conformance report reports/results.jsonl --out /tmp/again
  winsock-conformance run --provider native --baseline old/results.jsonl   (red on a regression too)
  winsock-conformance compare old/results.jsonl reports/results.jsonl      (status 1 on a regression)
  winsock-conformance merge wine/results.jsonl posix/results.jsonl --out matrix
  winsock-conformance atlas wine/results.jsonl posix/results.jsonl --out atlas
  winsock-conformance repro udp.broadcast-without-so-broadcast-is-wsaeacces > repro.cjs
  winsock-conformance coverage --results reports/results.jsonl
`;

function program(terminal: Terminal, outcome: (status: Promise<number> | number) => void): Command {
  const version = harnessVersion();
  // Set before the commands are added, so that they inherit both: errors come back to main(), in our words.
  const root = new Command('winsock-conformance')
    .exitOverride()
    .configureOutput({ writeErr: (text) => terminal.log(text.trimEnd()) })
    .description('Runs the WSAConnect conformance cases against a Winsock provider and reports, case by case, what the page documents beside what the provider did.')
    .version(version, '-V, --version')
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .addHelpText('after', EXAMPLES);
  const providerOption = () =>
    new Option('--provider <name>', 'the stack under test').choices(PROVIDER_NAMES).default(defaultProviderName(), 'native on Windows, wine elsewhere');
  const wineOption = () =>
    new Option('--wine <build>', `the Wine build the wine provider runs: ${WINE_BUILD_NAMES.join(', ')} (made by the harness, as root, the first time), or the path of a Wine installation, build tree or loader`).default(
      undefined,
      'host, or the Wine that WINELOADER (or WINE) names',
    );
  const reporterOption = () =>
    new Option('--reporter <names>', `reports to write: ${REPORT_NAMES.join(', ')}, comma-separated or repeated (default: all; results.jsonl is always written)`).argParser(addReports);

  root
    .command('run')
    .description('Run the cases and write the reports. Prepares the provider first when needed.')
    .addOption(providerOption())
    .addOption(wineOption())
    .option('--grep <text>', 'only cases whose id or title contains TEXT (case-insensitive)')
    .option('--tag <tag>', 'only cases with this tag; repeat for several (any of them)', collect)
    .option('--out <dir>', 'where reports go: results.jsonl, junit.xml, report.html, provider.log', 'reports')
    .option('--cases <dir>', "run the cases in DIR instead of the suite's cases/")
    .option('--expectations <dir>', "read <provider>.yaml deviations from DIR instead of expectations/ (the file must exist)")
    .addOption(reporterOption())
    .addOption(new Option('--jobs <n>', 'how many cases run at once, each on its own worker').argParser(positiveInteger).default(defaultJobs(), 'half the cores'))
    .option('--baseline <results>', 'compare this run with an earlier results.jsonl once it ends (comparison.json, and the changes on the console); a regression makes the run red')
    .addOption(new Option('--against <standard>', 'judge documented steps by the page (docs), or by what Windows does where references/windows.yaml says (windows)').choices(STANDARDS).default('docs'))
    .action((options: { provider: string; wine?: string; jobs: number; against: Standard }) => outcome(runCommand({ ...options, provider: providerNamed(options.provider, options.wine) }, terminal, version)));

  root
    .command('setup')
    .description('Only prepare the provider (for wine: install wine64 with apt when root, or make the --wine build, fetch Windows Node and koffi from the npm registry into the cache, create the Wine prefix).')
    .addOption(providerOption())
    .addOption(wineOption())
    .action((options: { provider: string; wine?: string }) =>
      outcome(
        (async () => {
          const provider = providerNamed(options.provider, options.wine);
          const build = await provider.prepare(terminal.log);
          terminal.log(`provider ${provider.name} is ready${build === undefined ? '' : ` (${build.name}: ${build.origin})`}`);
          return EXIT.green;
        })(),
      ),
    );

  root
    .command('lint')
    .description('Check case files (default: cases/), every expectations file and the Windows references, reporting every problem, without running anything.')
    .argument('[paths...]', 'case files or folders of them')
    .option('--expectations <dir>', 'the expectations folder to check (default: expectations/)')
    .option('--references <file>', 'the Windows reference file to check (default: references/windows.yaml)')
    .option('--spec <dir>', 'the documentation pages to check citations against, one folder each (default: spec/)')
    .action((paths: string[], options: { expectations?: string; references?: string; spec?: string }) => outcome(lintCommand(paths, options, terminal)));

  root
    .command('compare')
    .description('List what changed from a baseline run to a current one, per case and step: regressions, fixes, changed observations, new and removed cases. Exit status 1 on a regression.')
    .argument('<baseline>', 'the earlier results.jsonl')
    .argument('<current>', 'the later results.jsonl')
    .option('--json', 'print the comparison as JSON (the format of comparison.json)')
    .action((baseline: string, current: string, options: { json?: boolean }) => outcome(compareCommand(baseline, current, options, terminal)));

  root
    .command('merge')
    .description('Write the result matrix of several runs: matrix.html (one self-contained page) and matrix.json. Rows are cases and steps, columns are runs, cells what was observed.')
    .argument('<results...>', 'results.jsonl files')
    .option('--out <dir>', 'where matrix.html and matrix.json go', 'matrix')
    .option('--name <name>', "a name for each results file, in their order, leading its run's label (say before, after); repeat for each", collect)
    .action((results: string[], options: { out?: string; name?: string[] }) => outcome(mergeCommand(results, options, terminal)));

  root
    .command('atlas')
    .description("Write the documented-vs-observed atlas: each page clause by clause, with what it documents, what Windows does and what each run observed (atlas.html, atlas.md).")
    .argument('[results...]', 'results.jsonl files')
    .option('--out <dir>', 'where atlas.html and atlas.md go', 'atlas')
    .action((results: string[], options: { out?: string }) => outcome(atlasCommand(results, options, terminal)));

  root
    .command('errata')
    .description(
      'List the documentation errata: steps where real Windows, per references/windows.yaml, does what the page does not allow, and places where the page disagrees with itself or the pages disagree with each other, with which side each run given follows.',
    )
    .argument('[results...]', 'results.jsonl files: what each run did where the pages disagree')
    .option('--json', 'print them as JSON: { windows, disagreements }')
    .action((results: string[], options: { json?: boolean }) => outcome(errataCommand(results, options, terminal)));

  root
    .command('repro')
    .description("Print a standalone script that makes a case's calls on ws2_32 and prints what it observes, with the environment's fingerprint: Node and koffi alone, for a bug report.")
    .argument('<case-id>', 'the case to reproduce')
    .addOption(providerOption())
    .addOption(wineOption())
    .action((caseId: string, options: { provider: string; wine?: string }) => outcome(reproCommand(caseId, options, terminal, version)));

  root
    .command('report')
    .description('Write JUnit and HTML reports from a results.jsonl (a partial one too: the reports say it is incomplete).')
    .argument('<results>', 'a results.jsonl')
    .option('--out <dir>', 'where the reports go', 'reports')
    .addOption(reporterOption())
    .option('--baseline <results>', 'an earlier results.jsonl: the HTML report marks what changed since it')
    .action((results: string, options: { out?: string; baseline?: string }) => outcome(reportCommand(results, options, terminal)));

  root
    .command('coverage')
    .description('List, page by page, every clause and every code of its error table, with the cases that cover it or the recorded reason none does, then the totals; exit 1 when something is neither.')
    .option('--json', 'the same as JSON')
    .option('--results <file>', "a run's results.jsonl, to show the covering cases' last verdicts")
    .option('--cases <dir>', "the cases in DIR instead of the suite's cases/")
    .option('--spec <dir>', 'the documentation pages in DIR, one folder each, instead of spec/')
    .action((options: { json?: boolean; results?: string; cases?: string; spec?: string }) => outcome(coverageCommand(options, terminal)));

  return root;
}

/**
 * Each lane costs a provider process (about 0.4 s to start under Wine) and the
 * runner needs a core of its own, while most cases take milliseconds: half the
 * cores is where more lanes stop paying on a machine of this project's size.
 */

function harnessVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The exit status for an error: bad input of any kind is one clear line and status 2; a file that could not be written, one line and status 3. */
function failure(error: unknown, terminal: Terminal): number {
  if (error instanceof OutputNotWritten) {
    terminal.log(`winsock-conformance: ${error.message}`);
    return EXIT.notWritten;
  }
  if (error instanceof BadInput) {
    for (const problem of error.problems) terminal.log(formatProblem(problem));
    terminal.log(`${error.message}; nothing was run. Fix them and run again.`);
    return EXIT.badInput;
  }
  if (error instanceof ProviderUnavailable || error instanceof UsageError || error instanceof NothingSelected || error instanceof UnusablePath) {
    terminal.log(`winsock-conformance: ${error.message}`);
    return EXIT.badInput;
  }
  throw error;
}

async function main(argv: readonly string[]): Promise<number> {
  const terminal = processTerminal();
  let action: Promise<number> | number | undefined;
  const command = program(terminal, (status) => (action = status));
  try {
    await command.parseAsync(argv, { from: 'user' });
    return await (action ?? EXIT.badInput);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end the parse "with an error" that is not one.
      if (error.exitCode === 0) return EXIT.green;
      if (!error.code.startsWith('commander.help')) terminal.log('(see winsock-conformance --help)');
      return EXIT.badInput;
    }
    return failure(error, terminal);
  }
}

main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});

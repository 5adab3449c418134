/**
 * runSuite end to end against the fake provider (no Wine): case and
 * expectations files written here, the real reporters writing into a
 * throw-away out directory.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CALL_NAMES } from '../../harness/language/calls/index.js';
import { formatProblem, loadCases } from '../../harness/language/cases/load.js';
import { loadPages } from '../../harness/language/clauses/load.js';
import { PROJECT_ROOT } from '../../harness/common/project-paths.js';
import { fingerprint } from '../../harness/judging/results/fingerprint.js';
import type { CaseResult, RunSummary } from '../../harness/judging/results/result.js';
import { ProviderUnavailable } from '../../harness/stacks/providers/provider.js';
import { BadInput, NothingSelected, runSuite, type SuiteOptions } from '../../harness/run/runner/run-suite.js';
import { ConsoleReporter } from '../../reporters/console.js';
import { HtmlReporter } from '../../reporters/html.js';
import { JUnitReporter } from '../../reporters/junit.js';
import type { CaseHeader, Reporter } from '../../harness/run/runner/reporter.js';
import { JsonLinesReporter, readResults } from '../../reporters/results-jsonl.js';
import { callEvents, readJournal, traceOf } from '../support/fake-provider/journal.js';
import { FAKE_WORKER_SCRIPT, FakeProvider } from '../support/fake-provider/provider.js';
import { FAKE_PROVIDER_VERSION } from '../support/fake-provider/script.js';
import { FAKE_STACK, makeTempDir, removeDir } from './helpers.js';

const CLAUSE = `
    clauses:
      - id: return.success
        quote: "If no error occurs, WSAConnect returns zero."`;

const OPEN_SOCKET = `
      - call: socket
        args: { af: AF_INET, type: SOCK_STREAM, protocol: IPPROTO_TCP }
        as: s`;

/** A case of the fake stack (test/runner/helpers.ts FAKE_STACK) whose last step is `lastStep`. */
function caseYaml(id: string, tags: string, lastStep: string, extra = ''): string {
  return `
  - id: ${id}
    title: Case ${id}${CLAUSE}
    tags: [${tags}]${extra}
    peers:
      server: tcp-listener
    steps:${OPEN_SOCKET}
${lastStep}`;
}

const CONNECTS = `      - call: WSAConnect
        args: { s: $s, name: $server, namelen: 16 }
        expect: { returns: 0 }`;
const CONNECT_WITH_SHORT_NAME = `      - call: WSAConnect
        args: { s: $s, name: $server, namelen: 12 }
        expect: { returns: SOCKET_ERROR, error: WSAEFAULT }`;
const HANGS = `      - call: select
        args: { s: $s, read: true, timeout: 0 }
        expect: { returns: 1 }`;
const CRASHES = `      - call: shutdown
        args: { s: $s, how: SD_BOTH }
        expect: { returns: 0 }`;

const CASES_FILE = `# yaml-language-server: $schema=./case.schema.json
format: 1
page: WSAConnect
cases:${[
  caseYaml('suite.connects', 'tcp', CONNECTS),
  caseYaml('suite.short-name-fails', 'tcp, errors', CONNECT_WITH_SHORT_NAME),
  caseYaml('suite.short-name-known', 'tcp, errors', CONNECT_WITH_SHORT_NAME),
  caseYaml('suite.select-hangs', 'blocking', HANGS, '\n    timeout: 500'),
  caseYaml('suite.after-hang', 'tcp', CONNECTS),
  caseYaml('suite.shutdown-crashes', 'blocking', CRASHES),
  caseYaml('suite.after-crash', 'tcp', CONNECTS),
].join('')}
`;

const KNOWN_CALLS = CALL_NAMES.join(', ');

const EXPECTATIONS_FILE = `format: 1
deviations:
  - case: suite.short-name-known
    step: WSAConnect
    observed: { returns: SOCKET_ERROR, error: WSAEADDRNOTAVAIL }
    reason: The fake checks the length against the wrong size.
`;

const EXPECTED_VERDICTS = [
  ['suite.connects', 'PASS'],
  ['suite.short-name-fails', 'FAIL'],
  ['suite.short-name-known', 'KNOWN'],
  ['suite.select-hangs', 'TIMEOUT'],
  ['suite.after-hang', 'PASS'],
  ['suite.shutdown-crashes', 'CRASH'],
  ['suite.after-crash', 'PASS'],
];

/** A project in a throw-away directory: cases/, expectations/, an out dir, and the fake provider's journal. */
class SuiteProject {
  readonly root = makeTempDir('run-suite');
  readonly casesDir = path.join(this.root, 'cases');
  readonly expectationsDir = path.join(this.root, 'expectations');
  readonly outDir = path.join(this.root, 'out');
  readonly journalFile = path.join(this.root, 'journal.jsonl');
  readonly provider = new FakeProvider({ script: FAKE_STACK, journal: this.journalFile });
  readonly resultsFile = path.join(this.outDir, 'results.jsonl');

  /** Without `expectations`, the provider has no expectations file (no known deviations). */
  constructor(cases: string, expectations?: string) {
    mkdirSync(this.casesDir);
    mkdirSync(this.expectationsDir);
    writeFileSync(path.join(this.casesDir, 'fake.yaml'), cases);
    if (expectations !== undefined) writeFileSync(path.join(this.expectationsDir, 'fake.yaml'), expectations);
  }

  options(reporters: readonly Reporter[], filter: SuiteOptions['filter'] = { tags: [] }): SuiteOptions {
    return {
      provider: this.provider,
      filter,
      outDir: this.outDir,
      root: this.root,
      casesDir: this.casesDir,
      expectationsDir: this.expectationsDir,
      expectationsRequired: false,
      expectationsMatchCases: true,
      workerScript: FAKE_WORKER_SCRIPT,
      harnessVersion: '9.9.9-test',
      reporters,
      log: () => undefined,
    };
  }

  /** The ids of the case lines results.jsonl holds right now. */
  caseIdsWritten(): string[] {
    return readResults(this.resultsFile).cases.map((result) => result.id);
  }

  remove(): void {
    removeDir(this.root);
  }
}

/** A reporter, placed after the results.jsonl one, that looks at the file each time a case finishes. */
class ResultsFileProbe implements Reporter {
  readonly seenAtEachFinish: string[][] = [];
  constructor(private readonly project: SuiteProject) {}
  start(): void {}
  caseFinished(): void {
    this.seenAtEachFinish.push(this.project.caseIdsWritten());
  }
  end(): void {}
}

/** A reporter that records, in order, each case started, ended (as it really ends) and finished (in case order). */
class EventRecorder implements Reporter {
  readonly events: string[] = [];
  start(): void {}
  caseStarted(header: CaseHeader): void {
    this.events.push(`started ${header.id}`);
  }
  caseEnded(header: CaseHeader): void {
    this.events.push(`ended ${header.id}`);
  }
  caseFinished(result: CaseResult): void {
    this.events.push(`finished ${result.id}`);
  }
  end(): void {}
}

async function badInputOf(run: Promise<RunSummary>): Promise<BadInput> {
  try {
    await run;
  } catch (error) {
    if (error instanceof BadInput) return error;
    throw error;
  }
  throw new Error('runSuite accepted bad input');
}

describe('runSuite with the fake provider', function () {
  this.timeout(15_000);

  describe('a whole run', () => {
    let project: SuiteProject;
    let probe: ResultsFileProbe;
    let recorder: EventRecorder;
    let consoleText = '';
    let summary: RunSummary;

    before(async () => {
      project = new SuiteProject(CASES_FILE, EXPECTATIONS_FILE);
      probe = new ResultsFileProbe(project);
      recorder = new EventRecorder();
      const consoleReporter = new ConsoleReporter({ stream: { write: (chunk: string) => (consoleText += chunk) } });
      const jsonLines = new JsonLinesReporter(project.outDir);
      const files = [new JUnitReporter(project.outDir), new HtmlReporter(project.outDir)];
      summary = await runSuite(project.options([consoleReporter, jsonLines, probe, recorder, ...files]));
    });

    after(() => project?.remove());

    it('tells the reporters of each case that it started, then that it ended, then its result', () => {
      for (const [id] of EXPECTED_VERDICTS) {
        const at = (event: string) => recorder.events.indexOf(`${event} ${id}`);
        expect(recorder.events.filter((event) => event.endsWith(` ${id}`)), id).to.have.length(3);
        expect(at('started'), id).to.be.below(at('ended'));
        expect(at('ended'), id).to.be.below(at('finished'));
      }
    });

    it('gives every case its verdict, in order, in results.jsonl', () => {
      const written = readResults(project.resultsFile);
      expect(written.cases.map((result) => [result.id, result.verdict])).to.deep.equal(EXPECTED_VERDICTS);
      expect(written.run).to.include({ provider: 'fake', providerVersion: FAKE_PROVIDER_VERSION, harnessVersion: '9.9.9-test', casesDir: 'cases' });
      expect(written.summary?.counts).to.deep.equal(summary.counts);
      expect(written.truncated).to.equal(false);
    });

    it('records what the run was made with: the stack, the platform, and hashes of the cases and expectations it loaded', () => {
      const { run } = readResults(project.resultsFile);
      expect(run).to.deep.include({ stack: { kind: 'unknown' }, providerNode: process.version, judgedAgainst: 'docs' });
      expect(run.platform).to.match(new RegExp(`^${process.platform} ${process.arch} `));
      const { pages } = loadPages('spec', PROJECT_ROOT);
      expect(run.caseSet).to.deep.equal(fingerprint(loadCases([path.join(project.casesDir, 'fake.yaml')], project.root, pages).cases));
      expect(run.expectations.count).to.equal(1);
      expect(run.references).to.deep.equal(fingerprint([]));
    });

    it('counts the verdicts and calls the run red', () => {
      expect(summary).to.deep.include({ total: 7, green: false });
      expect(summary.counts).to.deep.equal({ PASS: 3, FAIL: 1, KNOWN: 1, XPASS: 0, SKIP: 0, ERROR: 0, TIMEOUT: 1, CRASH: 1 });
    });

    it('keeps the observed values in the results', () => {
      const failed = readResults(project.resultsFile).cases.find((result) => result.id === 'suite.short-name-fails');
      expect(failed?.checks[1]?.observed).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAEADDRNOTAVAIL' });
      expect(failed?.file).to.equal('cases/fake.yaml');
    });

    it('keeps what the provider wrote while a case crashed it, and nothing for a case that went well', () => {
      const cases = readResults(project.resultsFile).cases;
      expect(cases.find((result) => result.id === 'suite.shutdown-crashes')?.logExcerpt).to.equal('fake worker: exiting with status 1 in the middle of a call');
      expect(cases.find((result) => result.id === 'suite.connects')).to.not.have.property('logExcerpt');
    });

    it('appends each case to results.jsonl as it finishes', () => {
      const ids = EXPECTED_VERDICTS.map(([id]) => id);
      expect(probe.seenAtEachFinish).to.deep.equal(ids.map((_, index) => ids.slice(0, index + 1)));
    });

    it('writes the JUnit and HTML reports and tells the console', () => {
      const junit = readFileSync(path.join(project.outDir, 'junit.xml'), 'utf8');
      const html = readFileSync(path.join(project.outDir, 'report.html'), 'utf8');
      for (const [id] of EXPECTED_VERDICTS) {
        expect(junit).to.include(id);
        expect(html).to.include(id);
      }
      expect(consoleText).to.include('suite.select-hangs').and.include('TIMEOUT');
    });

    it('prepares the provider once, and resets the worker after every case that completed', () => {
      expect(project.provider.prepareCount).to.equal(1);
      // Workers start ahead of need (a standby), so their 'started' events fall anywhere: the requests are what count.
      expect(traceOf(readJournal(project.journalFile)).filter((event) => event !== 'started')).to.deep.equal([
        'info',
        'call:socket', 'call:WSAConnect', 'reset:1',
        'call:socket', 'call:WSAConnect', 'reset:1',
        'call:socket', 'call:WSAConnect', 'reset:1',
        'call:socket', 'call:select',
        'call:socket', 'call:WSAConnect', 'reset:1',
        'call:socket', 'call:shutdown',
        'call:socket', 'call:WSAConnect', 'reset:1',
      ]);
    });

    it('replaces the worker after the time-out and after the crash', () => {
      const pidOf = (call: string) => callEvents(readJournal(project.journalFile)).filter((event) => event.call === call).map((event) => event.pid);
      const [first, afterHang, afterCrash] = [...new Set(pidOf('socket'))];
      expect(pidOf('select')).to.deep.equal([first]);
      expect(pidOf('shutdown')).to.deep.equal([afterHang]);
      expect(afterCrash).to.be.a('number').and.not.equal(afterHang);
    });
  });

  it('runs only the cases the filter selects, and records the filter', async () => {
    const project = new SuiteProject(CASES_FILE, EXPECTATIONS_FILE);
    try {
      const filter = { grep: 'SHORT-NAME', tags: ['errors', 'udp'] };
      const summary = await runSuite(project.options([new JsonLinesReporter(project.outDir)], filter));
      expect(summary.total).to.equal(2);
      expect(project.caseIdsWritten()).to.deep.equal(['suite.short-name-fails', 'suite.short-name-known']);
      expect(readResults(project.resultsFile).run.filters).to.deep.equal(filter);
    } finally {
      project.remove();
    }
  });

  it('refuses a filter that selects no case, before preparing the provider', async () => {
    const project = new SuiteProject(CASES_FILE, EXPECTATIONS_FILE);
    try {
      const run = runSuite(project.options([new JsonLinesReporter(project.outDir)], { grep: 'no-such-case', tags: [] }));
      const error: unknown = await run.then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
      expect(error).to.be.instanceOf(NothingSelected);
      expect((error as Error).message).to.equal('no case matches --grep no-such-case (7 cases loaded)');
      expect(existsSync(project.resultsFile), 'nothing was written').to.equal(false);
      expect(project.provider.prepareCount, 'the provider was prepared').to.equal(0);
    } finally {
      project.remove();
    }
  });

  it('says the provider did not start, where its output is, and what it last printed, when the worker dies before it is ready', async () => {
    const project = new SuiteProject(CASES_FILE, EXPECTATIONS_FILE);
    try {
      const options = { ...project.options([new JsonLinesReporter(project.outDir)]), workerScript: path.join(project.root, 'missing.js') };
      const error: unknown = await runSuite(options).then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
      expect(error).to.be.instanceOf(ProviderUnavailable);
      expect((error as Error).message).to.match(/^the fake provider did not start \(its output is in .*provider\.log\): the provider process exited with status 1 before it was ready; its last output:\n/);
      expect((error as Error).message, "Node's own words").to.match(/^  Node\.js v\d+/m);
      expect(readFileSync(path.join(project.outDir, 'provider.log'), 'utf8')).to.include('missing.js');
      expect(existsSync(project.resultsFile), 'no results without a provider').to.equal(false);
    } finally {
      project.remove();
    }
  });

  describe('bad input', () => {
    const misspelledCall = `format: 1
page: WSAConnect
cases:
  - id: suite.misspelled
    title: A case with a misspelled call${CLAUSE}
    steps:
      - call: WSAConect
        args: { s: 1, name: null }
        expect: { returns: 0 }
`;
    const unknownCaseInExpectations = `format: 1
deviations:
  - case: suite.no-such-case
    step: WSAConnect
    observed: { returns: 0 }
    reason: Lists a case that does not exist.
`;

    async function rejectedRun(cases: string, expectations?: string): Promise<{ messages: string[]; project: SuiteProject }> {
      const project = new SuiteProject(cases, expectations);
      try {
        const error = await badInputOf(runSuite(project.options([new JsonLinesReporter(project.outDir)])));
        return { messages: error.problems.map(formatProblem), project };
      } catch (error) {
        project.remove();
        throw error;
      }
    }

    function expectNothingRan(project: SuiteProject): void {
      expect(existsSync(project.outDir), 'the out directory was created').to.equal(false);
      expect(project.provider.prepareCount, 'the provider was prepared').to.equal(0);
      expect(readJournal(project.journalFile), 'a worker was started').to.deep.equal([]);
    }

    it('rejects a bad case file with file:line:column problems, and runs nothing', async () => {
      const { messages, project } = await rejectedRun(misspelledCall);
      try {
        expect(messages).to.deep.equal([
          `cases/fake.yaml:10:15: unknown call "WSAConect"; known: ${KNOWN_CALLS}; did you mean "WSAConnect"?`,
        ]);
        expectNothingRan(project);
      } finally {
        project.remove();
      }
    });

    it("checks citations against the project's clause catalogue, and runs nothing when one does not hold", async () => {
      const { messages, project } = await rejectedRun(CASES_FILE.replace('id: return.success', 'id: return.sucess'));
      try {
        expect(messages.length).to.be.greaterThan(0);
        for (const message of messages) expect(message).to.match(/^cases\/fake\.yaml:\d+:13: clause "return\.sucess" is not in the catalogue of WSAConnect; did you mean "return\.success"\?$/);
        expectNothingRan(project);
      } finally {
        project.remove();
      }
    });

    it('rejects an expectations file naming a case that does not exist, and runs nothing', async () => {
      const { messages, project } = await rejectedRun(CASES_FILE, unknownCaseInExpectations);
      try {
        expect(messages).to.have.length(1);
        expect(messages[0]).to.match(/^expectations\/fake\.yaml:3:5: no case has the id "suite\.no-such-case"/);
        expectNothingRan(project);
      } finally {
        project.remove();
      }
    });
  });
});

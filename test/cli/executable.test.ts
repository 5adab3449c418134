/** The command as a user starts it after a build: by its own path (what `npx winsock-conformance` runs), and packed with its licence. */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, PROJECT_ROOT } from '../integration/cli.js';

describe('the built command', () => {
  it('is executable by its own path after every build, so npx winsock-conformance starts it', function () {
    if (process.platform === 'win32') this.skip(); // Windows starts it through npm's .cmd shim, without mode bits.
    expect(statSync(CLI).mode & 0o111, 'execute bits of dist/cli/main.js').to.equal(0o111);
    const version = execFileSync(CLI, ['--version'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(version.trim()).to.match(/^\d+\.\d+\.\d+$/);
  });

  it("carries the LICENSE file in the package npm packs, beside each page's own licence note", () => {
    // --ignore-scripts: packing would otherwise run `prepare`, rebuilding dist/ under the tests that run from it.
    const listing = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const [packed] = JSON.parse(listing) as { files: { path: string }[] }[];
    const files = packed?.files.map((file) => file.path) ?? [];
    expect(files).to.include('LICENSE');
    // Each page of spec/ is shared under its own licence, which its README states (source, licence, attribution).
    const pages = readdirSync(join(PROJECT_ROOT, 'spec'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(pages).to.not.have.length(0);
    for (const page of pages) expect(files, page.name).to.include(`spec/${page.name}/README.md`);
  });
});

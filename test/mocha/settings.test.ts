import { expect } from 'chai';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { CASES_DIR, EXPECTATIONS_DIR } from '../../harness/common/project-paths.js';
import { defaultProviderName } from '../../harness/stacks/providers/registry.js';
import { loadSuiteInputs } from '../../harness/run/runner/inputs.js';
import { UnusablePath } from '../../harness/common/files/unusable-path.js';
import { BadSetting, settingsFrom } from '../../mocha/settings.js';
import { thrownBy } from '../support/thrown-by.js';

describe('the settings of the suite under mocha (mocha/settings.ts)', () => {
  it("takes the CLI's default provider and the suite's own cases and expectations when nothing is set", () => {
    const settings = settingsFrom({});
    expect(settings.provider.name).to.equal(defaultProviderName());
    expect(settings.inputs).to.include({ casesDir: CASES_DIR, expectationsDir: EXPECTATIONS_DIR, expectationsRequired: false, expectationsMatchCases: true });
  });

  it('takes the provider, the case set and the expectations from their variables; an empty one counts as unset', () => {
    const settings = settingsFrom({ WINSOCK_CONFORMANCE_PROVIDER: 'posix', WINSOCK_CONFORMANCE_CASES: 'test/mocha/cases', WINSOCK_CONFORMANCE_EXPECTATIONS: '' });
    expect(settings.provider.name).to.equal('posix');
    expect(settings.inputs).to.include({ casesDir: resolve('test/mocha/cases'), expectationsDir: EXPECTATIONS_DIR, expectationsRequired: false, expectationsMatchCases: false });
  });

  it('judges by the page unless WINSOCK_CONFORMANCE_AGAINST says windows, and refuses any other standard', () => {
    expect(settingsFrom({}).against).to.equal('docs');
    expect(settingsFrom({ WINSOCK_CONFORMANCE_AGAINST: 'windows' }).against).to.equal('windows');
    expect(thrownBy(() => settingsFrom({ WINSOCK_CONFORMANCE_AGAINST: 'linux' }), BadSetting).message).to.equal('WINSOCK_CONFORMANCE_AGAINST=linux is no standard; standards: docs, windows');
  });

  it('refuses an unknown provider, naming the variable and the known providers', () => {
    expect(thrownBy(() => settingsFrom({ WINSOCK_CONFORMANCE_PROVIDER: 'winsock' }), BadSetting).message).to.equal('WINSOCK_CONFORMANCE_PROVIDER=winsock is no provider; known providers: wine, native, posix');
  });

  it('takes the Wine build from WINSOCK_CONFORMANCE_WINE, for the wine provider only', () => {
    expect(settingsFrom({ WINSOCK_CONFORMANCE_PROVIDER: 'wine', WINSOCK_CONFORMANCE_WINE: 'debian-13' }).provider.settings).to.deep.equal({ wine: 'debian-13' });
    expect(thrownBy(() => settingsFrom({ WINSOCK_CONFORMANCE_PROVIDER: 'posix', WINSOCK_CONFORMANCE_WINE: 'debian-13' }), BadSetting).message).to.equal(
      'WINSOCK_CONFORMANCE_WINE=debian-13 picks a build of Wine: it goes with WINSOCK_CONFORMANCE_PROVIDER=wine, not posix',
    );
  });

  it('names the variable that gave a folder that does not exist', () => {
    const settings = settingsFrom({ WINSOCK_CONFORMANCE_PROVIDER: 'posix', WINSOCK_CONFORMANCE_CASES: '/no/such/cases' });
    expect(thrownBy(() => loadSuiteInputs(settings.inputs), UnusablePath).message).to.equal('WINSOCK_CONFORMANCE_CASES /no/such/cases does not exist; name a folder of YAML files');
  });

  it("keeps the provider's log where WINSOCK_CONFORMANCE_LOG_DIR says, else in a new temporary folder for each run", () => {
    expect(settingsFrom({ WINSOCK_CONFORMANCE_LOG_DIR: 'logs/mocha' }).logDir()).to.deep.equal({ path: resolve('logs/mocha'), temporary: false });
    const settings = settingsFrom({});
    const made = [settings.logDir(), settings.logDir()];
    try {
      for (const dir of made) expect(dir.temporary).to.equal(true);
      for (const dir of made) expect(existsSync(dir.path)).to.equal(true);
      expect(made[0]?.path).to.not.equal(made[1]?.path);
    } finally {
      for (const dir of made) rmSync(dir.path, { recursive: true, force: true });
    }
  });
});

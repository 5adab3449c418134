import { expect } from 'chai';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProviderUnavailable } from '../../harness/stacks/providers/provider.js';
import { HOST_WINE } from '../../harness/stacks/providers/wine/host-wine.js';
import { wineCommand, wineEnvironment, wineVariables } from '../../harness/stacks/providers/wine/provision.js';
import { userWineAt } from '../../harness/stacks/providers/wine/user-wine.js';
import { WINE_BUILD_NAMES, wineBuildNamed } from '../../harness/stacks/providers/wine/wine-builds.js';
import { thrownBy } from '../support/thrown-by.js';

/** Empty executable files at `paths` under `root`, as a Wine installation or build tree has them. */
function files(root: string, paths: readonly string[]): void {
  for (const path of paths) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '#!/bin/sh\n');
    chmodSync(join(root, path), 0o755);
  }
}

describe('Wine builds (--wine)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wsc-wine-builds-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is the host\'s Wine by default, and names the builds it makes by itself', () => {
    expect(wineBuildNamed(undefined, dir, {})).to.equal(HOST_WINE);
    expect(wineBuildNamed('host', dir, {})).to.equal(HOST_WINE);
    expect(WINE_BUILD_NAMES).to.deep.equal(['host', 'debian-13']);
    expect(wineBuildNamed('debian-13', dir, {}).key).to.equal('debian-13');
  });

  it('runs the built-in Debian 13 build inside its root, with the machine\'s folders other than the system\'s at their own paths', () => {
    const line = wineBuildNamed('debian-13', dir, {}).command('loader', ['node.exe']);
    expect(line.command).to.equal('/usr/bin/bwrap');
    expect(line.args.join(' ')).to.include(`--bind ${join(dir, 'wine-builds', 'debian-13', 'root')} /`);
    expect(line.args.join(' ')).to.include('--bind /tmp /tmp');
    expect(line.args.join(' ')).to.not.match(/--bind \/(usr|etc|lib) /);
    expect(line.args.slice(-2)).to.deep.equal(['/usr/lib/wine/wine64', 'node.exe']);
  });

  it('finds the loader and the wineserver of an installation and of a build tree', () => {
    files(join(dir, 'install'), ['bin/wine', 'bin/wineserver']);
    files(join(dir, 'tree'), ['wine', 'server/wineserver']);
    expect(userWineAt(join(dir, 'install'), {})).to.include({ loader: join(dir, 'install', 'bin', 'wine'), server: join(dir, 'install', 'bin', 'wineserver') });
    expect(userWineAt(join(dir, 'tree'), {})).to.include({ loader: join(dir, 'tree', 'wine'), server: join(dir, 'tree', 'server', 'wineserver') });
  });

  it('takes Wine\'s own variables: WINESERVER for the server, WINELOADER (or WINE) for the build when --wine is not given', () => {
    files(dir, ['bin/wine64', 'elsewhere/wineserver']);
    const loader = join(dir, 'bin', 'wine64');
    const server = join(dir, 'elsewhere', 'wineserver');
    expect(userWineAt(dir, { WINESERVER: server }).server).to.equal(server);
    const build = wineBuildNamed(undefined, dir, { WINELOADER: loader, WINESERVER: server });
    expect(build.name).to.equal(`WINELOADER=${loader}`);
    expect(build.variables).to.deep.equal({ WINELOADER: loader, WINESERVER: server });
    expect(wineBuildNamed(undefined, dir, { WINE: loader, WINESERVER: server }).command('loader', ['--version'])).to.deep.equal({ command: loader, args: ['--version'] });
  });

  it('says what is wrong with a build it cannot use, and what to give instead', () => {
    expect(thrownBy(() => wineBuildNamed('debian-12', dir, {}), ProviderUnavailable).message).to.include('did you mean "debian-13"');
    expect(thrownBy(() => wineBuildNamed(`${dir}/nothing`, dir, {}), ProviderUnavailable).message).to.include('no such file or folder');
    expect(thrownBy(() => wineBuildNamed(dir, dir, {}), ProviderUnavailable).message).to.include('no Wine loader there');
    expect(thrownBy(() => wineBuildNamed(undefined, dir, { WINELOADER: join(dir, 'missing') }), ProviderUnavailable).message).to.include('names no file');
  });

  it('gives every build its own prefix, and passes WINEDEBUG from the environment (else quiet)', () => {
    const host = wineEnvironment('/cache', HOST_WINE);
    const debian = wineEnvironment('/cache', wineBuildNamed('debian-13', '/cache', {}));
    expect(host.prefix).to.equal('/cache/wine-builds/host/prefix');
    expect(debian.prefix).to.equal('/cache/wine-builds/debian-13/prefix');
    expect(wineVariables(host, { WINEDEBUG: '+winsock' })).to.include({ WINEDEBUG: '+winsock', WINEPREFIX: '/cache/wine-builds/host/prefix' });
    expect(wineVariables(host, {})).to.include({ WINEDEBUG: '-all' });
    expect(wineCommand(host, 'server', ['-k'])).to.include({ command: '/usr/lib/wine/wineserver' });
  });
});

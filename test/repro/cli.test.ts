import { expect } from 'chai';
import { runCli } from '../integration/cli.js';

describe('winsock-conformance repro', () => {
  it('prints the script of a case on stdout', async () => {
    const printed = await runCli(['repro', 'tcp.blocking.refused-is-wsaeconnrefused.connect.ipv4', '--provider', 'native']);
    expect(printed.status, printed.stderr).to.equal(0);
    expect(printed.stdout).to.match(/^#!\/usr\/bin\/env node\n/);
    expect(printed.stdout).to.contain(' * Run: node repro.cjs [KOFFI]');
  });

  it('tells how to run the script under the Wine build --wine names', async () => {
    const host = await runCli(['repro', 'tcp.blocking.refused-is-wsaeconnrefused.connect.ipv4', '--provider', 'wine']);
    expect(host.stdout).to.match(/ \* Run: .*\/usr\/lib\/wine\/wine64 .*under the Wine build host\)/);
    const debian = await runCli(['repro', 'tcp.blocking.refused-is-wsaeconnrefused.connect.ipv4', '--provider', 'wine', '--wine', 'debian-13']);
    expect(debian.status, debian.stderr).to.equal(0);
    expect(debian.stdout).to.match(/ \* Run: .*\/usr\/bin\/bwrap --bind \S+\/wine-builds\/debian-13\/root \/ .*under the Wine build debian-13\)/);
    const native = await runCli(['repro', 'tcp.blocking.refused-is-wsaeconnrefused.connect.ipv4', '--provider', 'native', '--wine', 'debian-13']);
    expect([native.status, native.stderr.trim()]).to.deep.equal([2, 'winsock-conformance: --wine debian-13 picks a build of Wine: it goes with --provider wine, not --provider native']);
  });

  it('refuses, in one line and with status 2, an unknown case, a provider without ws2_32, and a peer it cannot make', async () => {
    const unknown = await runCli(['repro', 'tcp.blocking.refused-is-wsaeconnrefused.connect.ipv']);
    expect([unknown.status, unknown.stderr.trim()]).to.deep.equal([2, 'winsock-conformance: no case has the id "tcp.blocking.refused-is-wsaeconnrefused.connect.ipv"; did you mean "tcp.blocking.refused-is-wsaeconnrefused.connect.ipv4"?']);
    const posix = await runCli(['repro', 'tcp.blocking.refused-is-wsaeconnrefused.connect.ipv4', '--provider', 'posix']);
    expect(posix.status).to.equal(2);
    expect(posix.stderr).to.match(/repro writes scripts that call Winsock \(ws2_32\), for the wine and native providers; posix has no ws2_32/);
    const pending = await runCli(['repro', 'tcp.nonblocking.pending-second-call-is-wsaealready.wsaconnect.ipv4']);
    expect(pending.status).to.equal(2);
    expect(pending.stdout).to.equal('');
    expect(pending.stderr).to.match(/a never-accepting-listener, which a script cannot make where it runs: on Windows a listener whose backlog is full refuses/);
  });

  it('writes the script of a private case for Wine, and for Windows says why there is none and where one is', async () => {
    const wine = await runCli(['repro', 'private.no-route-is-wsaenetunreach.wsaconnect.ipv4', '--provider', 'wine']);
    expect(wine.status, wine.stderr).to.equal(0);
    expect(wine.stdout).to.contain(" * The case runs in the run's private network. Run, as root on Linux (Node 20 or later, unshare, ip, mount):  node repro.cjs [KOFFI]");
    const native = await runCli(['repro', 'private.no-route-is-wsaenetunreach.wsaconnect.ipv4', '--provider', 'native']);
    expect([native.status, native.stdout]).to.deep.equal([2, '']);
    expect(native.stderr).to.match(/which the native provider's machine cannot make \(its script is for Wine: winsock-conformance repro private\.no-route-is-wsaenetunreach\.wsaconnect\.ipv4 --provider wine, run as root on Linux\)/);
  });
});

import { expect } from 'chai';
import type { Case } from '../../harness/language/cases/case.js';
import { findCaseFiles, formatProblem } from '../../harness/language/cases/load.js';
import { CASES_DIR, WINDOWS_REFERENCES_FILE } from '../../harness/common/project-paths.js';
import { loadReferences } from '../../harness/judging/windows-reference/load.js';
import { describeSource, sourceUrl } from '../../harness/judging/windows-reference/reference.js';
import { load, PROJECT_ROOT } from '../cases/helpers.js';
import { runCli } from '../integration/cli.js';

const sample = (name: string): string => `test/references/samples/${name}`;

function sampleCases(): Case[] {
  const { cases, messages } = load(sample('cases.yaml'));
  expect(messages).to.deep.equal([]);
  return cases;
}

describe('loadReferences', () => {
  it('loads each reference: one outcome becomes the list of one, texts are trimmed, the place is kept', () => {
    const { references, problems } = loadReferences(sample('valid.yaml'), PROJECT_ROOT, sampleCases());
    expect(problems.map(formatProblem)).to.deep.equal([]);
    expect(references).to.have.length(2);
    const [broadcast, peer] = references;
    expect(broadcast).to.deep.include({
      case: 'udp.broadcast',
      step: 'WSAConnect',
      windows: [{ returns: 0 }],
      versions: 'Every Windows version the tests run on.',
      note: 'The page says WSAEACCES.',
      location: { file: sample('valid.yaml'), line: 3, column: 5 },
    });
    expect(broadcast?.source.quote).to.equal('ret = connect(s, (struct sockaddr *)&bcast, sizeof(bcast));\nok(!ret, "got error %u.\\n", WSAGetLastError());\n');
    expect(peer?.windows).to.deep.equal([{ returns: 0, name: '$peer' }]);
  });

  it('names the source in one line and links the quoted lines in the public tree, by release or by commit', () => {
    const [broadcast, peer] = loadReferences(sample('valid.yaml'), PROJECT_ROOT, sampleCases()).references;
    if (broadcast === undefined || peer === undefined) throw new Error('samples not loaded');
    expect(describeSource(broadcast.source)).to.equal('wine-10.0 dlls/ws2_32/tests/sock.c:14241-14242 (test_broadcast)');
    expect(sourceUrl(broadcast.source)).to.equal('https://gitlab.winehq.org/wine/wine/-/blob/wine-10.0/dlls/ws2_32/tests/sock.c#L14241-14242');
    expect(describeSource(peer.source)).to.equal('wine 0123456789ab dlls/ws2_32/tests/sock.c:14106 (test_connect_udp)');
    expect(sourceUrl(peer.source)).to.equal('https://gitlab.winehq.org/wine/wine/-/blob/0123456789abcdef0123456789abcdef01234567/dlls/ws2_32/tests/sock.c#L14106');
    expect(describeSource({ ...broadcast.source, runs: 'interactive' })).to.equal('wine-10.0 dlls/ws2_32/tests/sock.c:14241-14242 (test_broadcast, run interactively only)');
  });

  it("marks the suite's references whose assertions run only interactively, and only those", () => {
    const { cases } = load(...findCaseFiles(CASES_DIR));
    const interactive = loadReferences(WINDOWS_REFERENCES_FILE, PROJECT_ROOT, cases).references.filter((reference) => reference.source.runs === 'interactive');
    // test_select makes these three assertions under `if (winetest_interactive)` (Wine 10.0, sock.c lines 4653-4684).
    expect(interactive.map((reference) => `${reference.case} ${reference.step}`)).to.deep.equal([
      'tcp.nonblocking.refused-in-exceptfds.connect.ipv4 call',
      'tcp.nonblocking.refused-in-exceptfds.connect.ipv4 select',
      'tcp.nonblocking.refused-in-exceptfds.connect.ipv4 getsockopt',
    ]);
  });

  it('reports every entry that names no case or step, a set-up step, a second entry for a step, or an outcome the step cannot have', () => {
    const { references, problems } = loadReferences(sample('problems.yaml'), PROJECT_ROOT, sampleCases());
    expect(references).to.deep.equal([]);
    expect(problems.map(formatProblem)).to.deep.equal([
      `${sample('problems.yaml')}:3:5: no case has the id "udp.broadcasts"; did you mean "udp.broadcast"?`,
      `${sample('problems.yaml')}:14:5: case "udp.broadcast" has no step "WSAconnect"; its steps: socket, WSAConnect, to-peer, getpeername; did you mean "WSAConnect"?`,
      `${sample('problems.yaml')}:19:5: step "socket" of case "udp.broadcast" is a set-up step (it has no expect); a Windows reference stands beside what the page documents, so it names a documented step`,
      `${sample('problems.yaml')}:26:46: windows: "error" must be a Winsock error name (one of 66) or not-matcher { not }, not "WSAEACESS"; did you mean "WSAEACCES"?`,
      `${sample('problems.yaml')}:29:5: case "udp.broadcast" step "WSAConnect" already has a reference at line 24; keep one per step`,
      `${sample('problems.yaml')}:36:34: windows: "$server" refers to "server", which is not defined; defined before this step: peer, s`,
    ]);
  });

  it('needs the source pinned to a release or a commit', () => {
    const messages = loadReferences(sample('unpinned.yaml'), PROJECT_ROOT, sampleCases()).problems.map(formatProblem);
    expect(messages).to.deep.equal([
      `${sample('unpinned.yaml')}:8:7: missing required key "release" in "source"`,
      `${sample('unpinned.yaml')}:8:7: missing required key "commit" in "source"`,
    ]);
  });

  it('leaves out, without a problem, entries for cases another case set does not have', () => {
    const { references, problems } = loadReferences(sample('problems.yaml'), PROJECT_ROOT, [], false);
    expect([references, problems]).to.deep.equal([[], []]);
  });

  it("holds, for the suite's own cases, only references that name a documented step and could be its outcome", () => {
    const { cases, messages } = load(...findCaseFiles(CASES_DIR));
    expect(messages).to.deep.equal([]);
    const { references, problems } = loadReferences(WINDOWS_REFERENCES_FILE, PROJECT_ROOT, cases);
    expect(problems.map(formatProblem)).to.deep.equal([]);
    const broadcast = references.find((reference) => reference.case === 'udp.broadcast-without-so-broadcast-is-wsaeacces.connect.ipv4');
    expect(broadcast?.windows).to.deep.equal([{ returns: 0 }]);
    expect(broadcast?.source).to.deep.include({ project: 'wine', function: 'test_broadcast', release: 'wine-10.0' });
  });
});

describe('winsock-conformance lint and the Windows references', () => {
  it("reports a reference file's problems with the case files it names, and the suite's own file has none", async () => {
    const broken = await runCli(['lint', 'test/references/samples/cases.yaml', '--references', 'test/references/samples/problems.yaml']);
    expect(broken.status).to.equal(2);
    expect(broken.stderr).to.contain('test/references/samples/problems.yaml:14:5: case "udp.broadcast" has no step "WSAconnect"');
    expect(broken.stderr.trim().split('\n').at(-1)).to.equal('6 problem(s)');
    const suite = await runCli(['lint']);
    expect(suite.status, suite.stderr).to.equal(0);
  });
});

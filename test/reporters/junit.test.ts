import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { JUnitReporter, toClassName } from '../../reporters/junit.js';
import { ALL_RESULTS, CRASH_CASE, ERROR_CASE, FAIL_CASE, KNOWN_CASE, PASS_CASE, RUN, SKIP_CASE, XPASS_CASE } from './sample-results.js';
import { makeTempDir, removeDir, runReporter } from './run-reporter.js';
import { expectValidJUnit as validateAgainstSchema } from '../support/junit-schema.js';

/** The opening tag of the element whose `name` attribute starts with `namePrefix`. */
function openingTag(xml: string, element: string, namePrefix: string): string {
  const tag = xml.split('\n').find((line) => line.trim().startsWith(`<${element} name="${namePrefix}`));
  if (tag === undefined) throw new Error(`no <${element}> named ${namePrefix}…`);
  return tag;
}

/** The markup of one test case, from its opening tag to its end. */
function testCase(xml: string, id: string): string {
  const start = xml.indexOf(`<testcase name="${id}" `);
  if (start < 0) throw new Error(`no test case ${id}`);
  const selfClosing = xml.indexOf('/>', start);
  const opening = xml.indexOf('>', start);
  return selfClosing === opening - 1 ? xml.slice(start, opening + 1) : xml.slice(start, xml.indexOf('</testcase>', start));
}

describe('JUnitReporter', () => {
  let dir: string;
  let xml: string;
  before(async () => {
    dir = makeTempDir();
    const reporter = new JUnitReporter(dir);
    await runReporter(reporter, RUN, ALL_RESULTS);
    xml = fs.readFileSync(reporter.file, 'utf8');
  });
  after(() => removeDir(dir));

  it('validates against the Apache Ant JUnit schema', async () => {
    await validateAgainstSchema(path.join(dir, 'junit.xml'));
  });

  it('is checked by a validator that rejects what the schema forbids', async () => {
    const badDir = makeTempDir();
    try {
      const bad = path.join(badDir, 'junit.xml');
      fs.writeFileSync(bad, '<testsuites><testsuite name="x"><unknown/></testsuite></testsuites>');
      let rejected = false;
      await validateAgainstSchema(bad).catch(() => (rejected = true));
      expect(rejected).to.equal(true);
    } finally {
      removeDir(badDir);
    }
  });

  it('validates for an empty run too', async () => {
    const emptyDir = makeTempDir();
    try {
      await runReporter(new JUnitReporter(emptyDir), RUN, []);
      await validateAgainstSchema(path.join(emptyDir, 'junit.xml'));
    } finally {
      removeDir(emptyDir);
    }
  });

  it('has one suite per case file, named by its path inside the case set, with its counts', () => {
    expect(xml.match(/<testsuite /g)).to.have.length(3);
    const tcp = openingTag(xml, 'testsuite', 'tcp.connect"');
    expect(tcp).to.include('tests="4" failures="1" errors="1" skipped="1" time="5.039"');
    expect(tcp).to.include('timestamp="2024-05-01T12:00:01" hostname="ci-runner-1" id="0" package="tcp.connect"');
    const udp = openingTag(xml, 'testsuite', 'udp.connect"');
    expect(udp).to.include('tests="3" failures="1" errors="0" skipped="1"');
    expect(xml).to.include('<property name="providerVersion" value="wine-9.0"/>');
    expect(xml).to.include('<property name="file" value="cases/tcp/connect.yaml"/>');
  });

  it('names test cases by id alone, classed by case file, the title in a suite property', () => {
    expect(testCase(xml, PASS_CASE.id)).to.equal(`<testcase name="${PASS_CASE.id}" classname="tcp.connect" time="0.012"/>`);
    expect(xml).to.include(`<property name="${PASS_CASE.id}.title" value="${PASS_CASE.title}"/>`);
    expect(xml).to.include(`<property name="${PASS_CASE.id}.verdict" value="PASS"/>`);
  });

  it('reports FAIL and XPASS as failures whose one-line message states documented and observed', () => {
    const fail = testCase(xml, FAIL_CASE.id);
    expect(fail).to.include('<failure message="connect: documented SOCKET_ERROR WSAEWOULDBLOCK; observed 0" type="FAIL">');
    expect(fail).to.include('documented: SOCKET_ERROR WSAEWOULDBLOCK\n  observed:   0');
    expect(fail).to.include(`at ${FAIL_CASE.file}:${FAIL_CASE.line}`);
    const xpass = testCase(xml, XPASS_CASE.id);
    expect(xpass).to.include(
      '<failure message="listed deviation not seen any more: connect: documented SOCKET_ERROR WSAECONNREFUSED; ' +
        'observed SOCKET_ERROR WSAECONNREFUSED; listed deviation not seen (recorded 0)" type="XPASS">',
    );
  });

  it('reports ERROR, TIMEOUT and CRASH as errors typed by verdict', () => {
    expect(testCase(xml, ERROR_CASE.id)).to.include('<error message="set-up step bind failed" type="ERROR">');
    expect(xml.match(/<error [^>]*type="(TIMEOUT|CRASH)"/g)).to.have.length(2);
    expect(xml).to.include('interrupted at step connect');
  });

  it('puts the provider output recorded for a case in its error text', () => {
    expect(testCase(xml, CRASH_CASE.id)).to.include('provider.log, last lines written during the case:\nwine: Unhandled page fault');
  });

  it('reports SKIP as skipped with its reason', () => {
    expect(testCase(xml, SKIP_CASE.id)).to.include(`<skipped message="${SKIP_CASE.message}" type="SKIP">`);
  });

  it('shows KNOWN as skipped with the deviation, documented and observed, and says so in the suite properties', () => {
    const known = testCase(xml, KNOWN_CASE.id);
    expect(known).to.include(
      '<skipped message="KNOWN deviation: connect: documented SOCKET_ERROR WSAEADDRNOTAVAIL; observed 0; known deviation: ' +
        'Wine accepts the any address (https://bugs.winehq.org/show_bug.cgi?id=12345) | getpeername: documented SOCKET_ERROR WSAENOTCONN; ' +
        'observed 0 name=127.0.0.1:5000; known deviation: follows from the accepted connect (javascript:alert(1))" type="KNOWN">',
    );
    expect(known).to.include('deviation:  Wine accepts the any address');
    expect(xml).to.include(`<property name="${KNOWN_CASE.id}.verdict" value="KNOWN"/>`);
    expect(xml).to.include(`<property name="${KNOWN_CASE.id}.deviation" value="connect: documented SOCKET_ERROR WSAEADDRNOTAVAIL;`);
  });

  it('keeps every message on one line', () => {
    const messages = [...xml.matchAll(/ message="([^"]*)"/g)].map((match) => match[1] ?? '');
    expect(messages).to.have.length(ALL_RESULTS.filter((result) => result.verdict !== 'PASS').length);
    for (const message of messages) expect(message).to.not.match(/&#10;|&#13;/);
  });

  it('escapes markup, defuses ]]> and drops forbidden characters', () => {
    expect(xml).to.include('Title with &lt;script&gt;alert(1)&lt;/script&gt; and ]]&gt; and a bell &amp; &quot;quotes&quot;');
    expect(xml).to.not.include('<script>');
    expect(xml).to.not.include('\u0007');
  });
});

describe('toClassName', () => {
  it('takes the path inside the case set, folders as dots', () => {
    expect(toClassName('cases/tcp-blocking.yaml', 'cases')).to.equal('tcp-blocking');
    expect(toClassName('cases/tcp/connect.yml', 'cases')).to.equal('tcp.connect');
    expect(toClassName('../elsewhere/set/udp.yaml', '../elsewhere/set')).to.equal('udp');
  });

  it('never starts with a dot, even for a file outside the case set', () => {
    expect(toClassName('../../tmp/other/udp.yaml', 'cases')).to.equal('tmp.other.udp');
    expect(toClassName('./udp.yaml', '')).to.equal('udp');
  });
});

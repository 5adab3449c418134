import { expect } from 'chai';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { JUnitReporter } from '../../reporters/junit.js';
import { ALL_RESULTS, ERROR_CASE, FAIL_CASE, KNOWN_CASE, PASS_CASE, RUN, SKIP_CASE, XPASS_CASE } from './sample-results.js';
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
  const start = xml.indexOf(`<testcase name="${id}: `);
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

  it('is written to a temporary file and renamed into place, never written in place', async () => {
    const renameDir = makeTempDir();
    const cjsFs = createRequire(import.meta.url)('node:fs') as typeof fs;
    const original = cjsFs.renameSync;
    const renames: [string, string][] = [];
    cjsFs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
      renames.push([String(from), String(to)]);
      original(from, to);
    };
    try {
      const reporter = new JUnitReporter(renameDir);
      await runReporter(reporter, RUN, ALL_RESULTS);
      expect(renames.map(([, to]) => to)).to.deep.equal([reporter.file]);
      expect(renames[0]?.[0]).to.not.equal(reporter.file);
    } finally {
      cjsFs.renameSync = original;
      removeDir(renameDir);
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

  it('has one suite per case file, with its counts', () => {
    expect(xml.match(/<testsuite /g)).to.have.length(3);
    const tcp = openingTag(xml, 'testsuite', 'cases/tcp/connect.yaml');
    expect(tcp).to.include('tests="4" failures="1" errors="1" skipped="1" time="5.039"');
    expect(tcp).to.include('timestamp="2024-05-01T12:00:01" hostname="ci-runner-1" id="0" package="cases.tcp.connect"');
    const udp = openingTag(xml, 'testsuite', 'cases/udp/connect.yaml');
    expect(udp).to.include('tests="3" failures="1" errors="0" skipped="0"');
    expect(xml).to.include('<property name="providerVersion" value="wine-9.0"/>');
  });

  it('names test cases by id and title, classed by case file', () => {
    expect(testCase(xml, PASS_CASE.id)).to.equal(
      `<testcase name="${PASS_CASE.id}: ${PASS_CASE.title}" classname="cases.tcp.connect" time="0.012"/>`,
    );
  });

  it('reports FAIL and XPASS as failures stating documented and observed', () => {
    const fail = testCase(xml, FAIL_CASE.id);
    expect(fail).to.include('<failure message="connect: returned 0, documented SOCKET_ERROR &amp; &quot;WSAEWOULDBLOCK&quot;" type="FAIL">');
    expect(fail).to.include('documented: SOCKET_ERROR WSAEWOULDBLOCK\n  observed:   0');
    const xpass = testCase(xml, XPASS_CASE.id);
    expect(xpass).to.include('type="XPASS"');
    expect(xpass).to.include('documented: SOCKET_ERROR WSAECONNREFUSED\n  observed:   SOCKET_ERROR WSAECONNREFUSED');
  });

  it('reports ERROR, TIMEOUT and CRASH as errors typed by verdict', () => {
    expect(testCase(xml, ERROR_CASE.id)).to.include('<error message="set-up step bind failed" type="ERROR">');
    expect(xml.match(/<error [^>]*type="(TIMEOUT|CRASH)"/g)).to.have.length(2);
    expect(xml).to.include('interrupted at step connect');
  });

  it('reports SKIP as skipped with its reason', () => {
    expect(testCase(xml, SKIP_CASE.id)).to.include(`<skipped message="${SKIP_CASE.message}"/>`);
  });

  it('passes KNOWN and notes the deviation in the suite output', () => {
    expect(testCase(xml, KNOWN_CASE.id)).to.match(/\/>$/);
    expect(xml).to.include(
      `<system-out>${KNOWN_CASE.id}: KNOWN deviation: Wine accepts the any address ` +
        '(https://bugs.winehq.org/show_bug.cgi?id=12345); documented SOCKET_ERROR WSAEADDRNOTAVAIL; observed 0\n' +
        `${KNOWN_CASE.id}: KNOWN deviation: follows from the accepted connect (javascript:alert(1)); ` +
        'documented SOCKET_ERROR WSAENOTCONN; observed 0 name=127.0.0.1:5000</system-out>',
    );
  });

  it('escapes markup, defuses ]]> and drops forbidden characters', () => {
    expect(xml).to.include('Title with &lt;script&gt;alert(1)&lt;/script&gt; and ]]&gt; and a bell &amp; &quot;quotes&quot;');
    expect(xml).to.not.include('<script>');
    expect(xml).to.not.include('\u0007');
  });
});

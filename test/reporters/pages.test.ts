/**
 * The matrix and atlas pages: one self-contained document each, nothing
 * loaded or run, and every text from cases, observations and results files
 * escaped — in HTML and in Markdown.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { buildAtlas } from '../../harness/uses/atlas/build.js';
import { buildMatrix, stepKey } from '../../harness/uses/matrix/build.js';
import type { RecordedRun } from '../../harness/judging/results/recorded-run.js';
import { atlasMarkdown } from '../../reporters/atlas-markdown.js';
import { atlasPage } from '../../reporters/atlas-page.js';
import { matrixPage } from '../../reporters/matrix-page.js';
import { escapeMarkdown, markdownCode, markdownLink } from '../../reporters/markdown.js';
import { atlasInputs, broadcastRun, pageOf, PAGES, pageSetOf } from '../atlas/fixtures.js';
import { ALL_RESULTS, HOSTILE_TITLE, RUN } from './sample-results.js';

const HOSTILE_RUN: RecordedRun = { run: { ...RUN, host: '<img src=x onerror=alert(1)>' }, cases: ALL_RESULTS, origin: '"><script>alert(2)</script>' };

function expectSelfContained(document: string): void {
  expect(document).to.match(/^<!DOCTYPE html>\n<html lang="en">/);
  expect(document).to.not.match(/<(script|img|iframe|link|object|embed|base)\b/i);
  const tags = document.match(/<[a-z][^>]*>/gi) ?? [];
  expect(tags.filter((tag) => /\s(src|on[a-z]+)\s*=/i.test(tag)), 'no tag loads or runs anything').to.deep.equal([]);
  const style = /<style>([\s\S]*?)<\/style>/.exec(document)?.[1] ?? '';
  const digest = createHash('sha256').update(style).digest('base64');
  expect(document).to.contain(`content="default-src &#39;none&#39;; style-src &#39;sha256-${digest}&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;"`);
}

describe('the matrix page', () => {
  it('is one self-contained document with every text escaped', () => {
    const reference = { windows: [{ returns: 0 }], versions: '<b>all</b>', source: '<i>source</i>', url: 'javascript:alert(3)' };
    const stepId = ALL_RESULTS[1]?.checks[1]?.stepId ?? '';
    const document = matrixPage(buildMatrix([HOSTILE_RUN], new Map([[stepKey(ALL_RESULTS[1]?.id ?? '', stepId), reference]]), []));
    expectSelfContained(document);
    expect(document).to.contain('Title with &lt;script&gt;alert(1)&lt;/script&gt; and ]]&gt; and a bell &amp; &quot;quotes&quot;');
    expect(document).to.contain('&lt;img src=x onerror=alert(1)&gt;');
    expect(document).to.contain('&lt;i&gt;source&lt;/i&gt;');
    expect(document, 'a link only to an https address').to.not.contain('href="javascript');
    expect(document).to.not.contain(HOSTILE_TITLE);
  });
});

describe('the atlas', () => {
  it('as HTML is one self-contained document with every text escaped', () => {
    const { cases, references, errata } = atlasInputs();
    const hostile = { ...broadcastRun('<script>alert(4)</script>', 'PASS', []) };
    const document = atlasPage(buildAtlas(PAGES, cases, [hostile], references, errata));
    expectSelfContained(document);
    expect(document).to.contain('&lt;script&gt;alert(4)&lt;/script&gt;');
    expect(document).to.contain('<a href="https://gitlab.winehq.org/wine/wine/-/blob/wine-10.0/dlls/ws2_32/tests/sock.c#L14241-14242">');
    expect(document).to.contain('<section id="page-WSAConnect">');
    expect(document).to.contain('id="clause-WSAConnect_remarks.dgram.broadcast"');
    expect(document).to.contain('<a href="#clause-WSAConnect_remarks.dgram.broadcast"><code>WSAConnect/remarks.dgram.broadcast</code></a>');
    expect(document).to.contain('href="#case-udp.broadcast"');
  });

  it('groups the clauses by page, in HTML and in Markdown, each page with its rules checked', () => {
    const { cases, references, errata } = atlasInputs();
    const [wsaConnect] = PAGES.pages;
    if (wsaConnect === undefined) throw new Error('no WSAConnect page');
    const connect = pageOf('connect', [{ id: 'remarks.other', section: 'Remarks', kind: 'rule', text: 'Another rule.', location: { file: 'spec/connect/clauses.yaml', line: 1, column: 1 } }]);
    const atlas = buildAtlas(pageSetOf(connect, wsaConnect), cases, [], references, errata);
    const document = atlasPage(atlas);
    expect([...document.matchAll(/<section id="(page-[^"]+)">\n<h2>([^<]+) /g)].map((match) => [match[1], match[2]])).to.deep.equal([
      ['page-connect', 'connect'],
      ['page-WSAConnect', 'WSAConnect'],
    ]);
    expect(document).to.contain('<li><a href="#page-connect">connect</a>: 0 of its 1 rule clauses are checked by a case.</li>');
    const markdown = atlasMarkdown(atlas);
    expect(markdown).to.match(/^# connect, WSAConnect: documented and observed$/m);
    expect([...markdown.matchAll(/^## (\S+) \(spec\/\S+\/page\.txt\)$/gm)].map((match) => match[1])).to.deep.equal(['connect', 'WSAConnect']);
    expect(markdown).to.contain("1 of the pages' 3 rule clauses are checked by a case.");
  });

  it('as Markdown escapes what Markdown and HTML would act on', () => {
    const { cases, references, errata } = atlasInputs();
    const markdown = atlasMarkdown(buildAtlas(PAGES, cases, [broadcastRun('<script>x</script> | *bold* [link](y)', 'PASS', [])], references, errata));
    expect(markdown).to.not.contain('<script>');
    expect(markdown).to.contain('&lt;script&gt;x&lt;/script&gt; \\| \\*bold\\* \\[link\\](y)');
    expect(markdown).to.match(/^# WSAConnect: documented and observed$/m);
    expect(markdown).to.match(/^## WSAConnect \(spec\/WSAConnect\/page\.txt\)$/m);
    expect(markdown).to.contain('Cites [`WSAConnect/remarks.dgram.broadcast`](#clause-WSAConnect_remarks.dgram.broadcast).');
    expect(markdown).to.contain('| `WSAConnect` | `SOCKET_ERROR WSAEACCES` | `0` ([wine-10.0 dlls/ws2\\_32/tests/sock.c:14241-14242 (test\\_broadcast)](https://gitlab.winehq.org/wine/wine/-/blob/wine-10.0/dlls/ws2_32/tests/sock.c#L14241-14242)) |');
  });
});

describe('Markdown text', () => {
  it('escapes inline text, keeps code spans whole, and links only https addresses', () => {
    expect(escapeMarkdown('# a_b *c* `d` <e> & f|g\nh')).to.equal('\\# a\\_b \\*c\\* \\`d\\` &lt;e&gt; &amp; f\\|g h');
    expect(markdownCode('a `b` c|d')).to.equal('``a `b` c\\|d``');
    expect(markdownLink('javascript:alert(1)', 'x')).to.equal('x');
    expect(markdownLink('https://example.org/a', 'x')).to.equal('[x](https://example.org/a)');
  });
});

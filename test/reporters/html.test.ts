import { expect } from 'chai';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

import { VERDICTS } from '../../harness/results/result.js';
import { escapeHtml } from '../../reporters/escape.js';
import { HtmlReporter } from '../../reporters/html.js';
import { VERDICT_COLOURS } from '../../reporters/html-assets.js';
import { ALL_RESULTS, FAIL_CASE, RUN } from './sample-results.js';
import { makeTempDir, removeDir, runReporter } from './run-reporter.js';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

describe('HtmlReporter', () => {
  let dir: string;
  let page: string;
  before(async () => {
    dir = makeTempDir();
    const reporter = new HtmlReporter(dir);
    await runReporter(reporter, RUN, ALL_RESULTS);
    page = fs.readFileSync(reporter.file, 'utf8');
  });
  after(() => removeDir(dir));

  it('shows the provider, its version and the run date', () => {
    expect(page).to.include('<title>Winsock conformance: wine wine-9.0</title>');
    expect(page).to.include('2024-05-01 12:00:00 UTC');
  });

  it('has a row for every case', () => {
    for (const result of ALL_RESULTS) {
      expect(page).to.include(`<code>${escapeHtml(result.id)}</code>`);
      expect(page).to.include(`<tr data-verdict="${result.verdict}">`);
    }
    expect(page.match(/<tr data-verdict=/g)).to.have.length(ALL_RESULTS.length);
  });

  it('renders hostile case text as text', () => {
    expect(page).to.include('Title with &lt;script&gt;alert(1)&lt;/script&gt; and ]]&gt; and a bell &amp; &quot;quotes&quot;');
    expect(page).to.include('The socket is marked as &lt;b&gt;nonblocking&lt;/b&gt;');
    expect(page).to.not.match(/<script>\s*alert/i);
    expect(page.match(/<script/g)).to.have.length(1);
    expect(page).to.not.include('\u0007');
  });

  it('links a bug only when it is an http(s) URL', () => {
    expect(page).to.include('<a href="https://bugs.winehq.org/show_bug.cgi?id=12345" rel="noreferrer">');
    expect(page).to.not.match(/href="javascript:/i);
    expect(page).to.include('follows from the accepted connect — bug javascript:alert(1)</dd>');
  });

  it('loads nothing from the network', () => {
    const externalAttributes = [...page.matchAll(/<(\w+)\b[^>]*?\s([\w-]+)\s*=\s*["']?\s*(?:https?:)?\/\//gi)];
    for (const [, element, attribute] of externalAttributes) {
      expect(`${element} ${attribute}`).to.equal('a href');
    }
    expect(page).to.not.match(/url\(|@import|<link\b|\ssrc\s*=/i);
    expect(page).to.include(`content="default-src &#39;none&#39;;`);
  });

  it('lets its own inline script and style run under its Content-Security-Policy', () => {
    const hashOf = (element: string): string => {
      const content = page.match(new RegExp(`<${element}>([\\s\\S]*?)</${element}>`))?.[1];
      if (content === undefined) throw new Error(`no <${element}>`);
      return `&#39;sha256-${createHash('sha256').update(content).digest('base64')}&#39;`;
    };
    expect(page).to.include(`script-src ${hashOf('script')}`);
    expect(page).to.include(`style-src ${hashOf('style')}`);
  });

  it('has a labelled search box and a toggle button per verdict', () => {
    expect(page).to.include('<label for="case-search">Search</label><input type="search" id="case-search"');
    for (const verdict of VERDICTS) {
      expect(page).to.match(new RegExp(`<button type="button" class="v-${verdict}" data-verdict="${verdict}"[^>]*aria-pressed="true">`));
    }
  });

  it('shows each check with documented and observed, marking what differs', () => {
    const row = page.slice(page.indexOf(`<tr data-verdict="FAIL">`), page.indexOf('</tr>', page.indexOf(`<tr data-verdict="FAIL">`)));
    expect(row).to.include(escapeHtml(FAIL_CASE.message));
    expect(row).to.include('<code>WSAConnect(s=3, name=127.0.0.1:5000, namelen=16)</code>');
    expect(row).to.include('<dt>Documented</dt><dd><code>SOCKET_ERROR WSAEWOULDBLOCK</code></dd>');
    expect(row).to.include('<dt>Observed</dt><dd><code><mark>0</mark></code></dd>');
    expect(row).to.include('<dt>Documented</dt><dd>success (set-up step)</dd>');
  });

  it('shows the reason and recorded outcome of a known deviation', () => {
    expect(page).to.include('<dt>Known deviation</dt><dd>Wine accepts the any address — <a href=');
    expect(page).to.include('<dt>Recorded</dt><dd><code>0</code></dd>');
  });

  it('uses verdict colours readable under white text (WCAG AA)', () => {
    for (const verdict of VERDICTS) expect(contrastWithWhite(VERDICT_COLOURS[verdict]), verdict).to.be.at.least(4.5);
  });
});

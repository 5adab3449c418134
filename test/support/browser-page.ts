/**
 * A page of the project's own (report.html, matrix.html, atlas.html) opened
 * from disk in headless Chromium, with what it did that a self-contained,
 * script-safe page never does recorded, and axe's verdict on it.
 */
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { chromiumMissing, launchChromium, type HeadlessChromium } from './headless-chromium.js';
import { underLinuxCi } from './linux-ci.js';
import { removeDir } from '../reporters/run-reporter.js';

/** What a page did that a self-contained, script-safe report never does. */
export interface Misbehaviour {
  readonly consoleErrors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
}

export async function openPage(browser: HeadlessChromium, url: string, viewport?: { width: number; height: number }): Promise<{ page: Page; seen: Misbehaviour }> {
  const page = await browser.context.newPage();
  if (viewport !== undefined) await page.setViewportSize(viewport);
  const seen: Misbehaviour = { consoleErrors: [], requests: [], dialogs: [] };
  const reportFile = url.replace(/#.*$/, '');
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') seen.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => seen.consoleErrors.push(error.message));
  page.on('request', (request) => {
    if (request.url().replace(/#.*$/, '') !== reportFile) seen.requests.push(request.url());
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, seen };
}

/** What axe finds on the page as it stands; evaluated through the debugging protocol, which the page's Content-Security-Policy does not govern. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run()).violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

export function browserOf(browser: HeadlessChromium | undefined): HeadlessChromium {
  if (browser === undefined) throw new Error('the browser did not start');
  return browser;
}

/** The page's width as laid out: more than the viewport means it scrolls sideways. */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The `beforeEach` of a browser test: without Chromium, the test is skipped, its title saying why. */
export function skipTestWithoutChromium(context: Mocha.Context): void {
  const missing = chromiumMissing();
  if (missing !== undefined && context.currentTest !== undefined) {
    context.currentTest.title += ` (skipped: ${missing})`;
    context.skip();
  }
}

/** The `after` of a browser test: the browser its `before` launched, and the folder it wrote, go. */
export async function closeBrowserTest(browser: HeadlessChromium | undefined, dir: string | undefined): Promise<void> {
  await browser?.close();
  if (dir !== undefined) removeDir(dir);
}

/** The `before` of a browser test: Chromium launched, or undefined where it is missing (its tests then skip); under CI a browser is required. */
export async function launchBrowserForTests(): Promise<HeadlessChromium | undefined> {
  const missing = chromiumMissing();
  if (missing === undefined) return launchChromium();
  if (underLinuxCi()) throw new Error(`a browser is required under CI: ${missing}`);
  return undefined;
}

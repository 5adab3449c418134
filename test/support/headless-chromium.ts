/**
 * The machine's own Chromium, headless, driven by playwright-core: Debian's
 * chromium on Linux; on Windows the Chrome or Edge a GitHub runner (and most
 * machines) has. Nothing is downloaded, and the browser is told to make no connection of its own
 * (no sync, updates, QUIC or background fetches), so any request a page
 * makes is the page's. Each launch gets a fresh profile, removed on close.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

import { platform } from 'node:process';

/** Where each system keeps a Chromium-based browser, first found first used. */
const BROWSER_PATHS: Partial<Record<NodeJS.Platform, readonly string[]>> = {
  linux: ['/usr/bin/chromium'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

const HOW_TO_INSTALL: Partial<Record<NodeJS.Platform, string>> = { linux: 'install the Debian package chromium', win32: 'install Google Chrome or Microsoft Edge' };

function browserPath(): string | undefined {
  return (BROWSER_PATHS[platform] ?? []).find((path) => existsSync(path));
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why no browser can run here, or undefined when one can. */
export function chromiumMissing(): string | undefined {
  if (browserPath() !== undefined) return undefined;
  const known = BROWSER_PATHS[platform];
  if (known === undefined) return `no Chromium-based browser is known on ${platform}`;
  return `none of ${known.join(', ')} (${HOW_TO_INSTALL[platform] ?? 'install one'})`;
}

export interface HeadlessChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(viewport: { readonly width: number; readonly height: number } = { width: 1280, height: 900 }): Promise<HeadlessChromium> {
  const executablePath = browserPath();
  if (executablePath === undefined) throw new Error(`no browser to launch: ${chromiumMissing() ?? ''}`);
  const profile = mkdtempSync(join(tmpdir(), 'winsock-chromium-'));
  // A persistent context is how playwright gives Chromium its own --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

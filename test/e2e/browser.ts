/**
 * Debian's chromium driven by playwright-core (never a downloaded browser), with
 * a fresh profile in a temp dir. When /usr/bin/chromium is missing the browser
 * tests skip with a visible reason, except under CI=true, where they fail.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const mustRun = process.env.CI === 'true';
export const SKIP_REASON = `browser tests skipped: ${CHROMIUM} is missing (install Debian's chromium; with CI=true this is a failure)`;

export interface Launched {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(options: { acceptDownloads?: boolean; bypassCSP?: boolean } = {}): Promise<Launched> {
  const profile = mkdtempSync(join(tmpdir(), 'lexflow-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1360, height: 900 },
    acceptDownloads: options.acceptDownloads ?? true,
    bypassCSP: options.bypassCSP ?? false,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

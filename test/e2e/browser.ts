/**
 * Debian's chromium driven by playwright-core (never a downloaded browser), with
 * a fresh profile in a temp dir. When /usr/bin/chromium is missing the browser
 * tests skip with a visible reason, except under CI=true, where they fail.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type Running } from '../web/fixtures.ts';

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

/** Where the screenshots for the README are written. */
export const SHOTS = join(import.meta.dirname, 'screenshots');

/**
 * A browser suite: run in order where chromium is installed; elsewhere skipped with the
 * reason, or failed under CI=true.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (hasChromium) {
    describe.sequential(name, body);
    return;
  }
  console.warn(`lexflow e2e: ${SKIP_REASON}`);
  if (mustRun) {
    describe(name, () => {
      it('needs /usr/bin/chromium under CI=true', () => {
        throw new Error(SKIP_REASON);
      });
    });
  } else {
    describe.skip(SKIP_REASON, () => {
      it('skipped', () => {});
    });
  }
}

export interface BrowserSession {
  app: Running;
  browser: Launched;
  page: Page;
  /** Script errors, CSP reports and failed subresources seen so far; a suite ends by expecting none. */
  problems: string[];
}

/**
 * The app and one page in chromium for the tests of a suite, started before them and closed
 * after them. `errorPagesVisited`: the suite opens pages answered with a 4xx on purpose, whose
 * "Failed to load resource" console lines are then not problems (failed subresources still are).
 */
export function browserSession(options: { errorPagesVisited?: boolean } = {}): BrowserSession {
  const session = { problems: [] as string[] } as BrowserSession;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session.app = await startApp();
    session.browser = await launch();
    const page = (session.page = await session.browser.context.newPage());
    const { problems } = session;
    page.on('console', (m) => {
      const expected = options.errorPagesVisited && /Failed to load resource/.test(m.text());
      if ((m.type() === 'error' && !expected) || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400 && res.request().resourceType() !== 'document') problems.push(`${res.status()} for ${res.request().resourceType()} ${res.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  }, 120_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.close();
  });
  return session;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it stands: no serious or critical violations. */
export async function expectAxeClean(page: Page, label: string): Promise<void> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, `${label}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
}

/** Tabs through the page and checks that every visible control receives focus; returns how many there are. */
export async function keyboardReachesEverything(page: Page, label: string, maxTabs = 800): Promise<number> {
  const expected = await page.evaluate(() => {
    const visible = (el: Element) => {
      const r = (el as HTMLElement).getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && !el.closest('details:not([open]) > :not(summary)');
    };
    const radiosSeen = new Set<string>();
    const els = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex="0"]')].filter((el) => {
      if (el.getAttribute('tabindex') === '-1' || (el as HTMLInputElement).type === 'hidden' || (el as HTMLButtonElement).disabled) return false;
      if (!visible(el)) return false;
      if ((el as HTMLInputElement).type === 'radio') {
        const group = (el as HTMLInputElement).name;
        const checked = document.querySelector(`input[type=radio][name="${CSS.escape(group)}"]:checked`);
        if ((checked && checked !== el) || (!checked && radiosSeen.has(group))) return false;
        radiosSeen.add(group);
      }
      return true;
    });
    els.forEach((el, i) => el.setAttribute('data-kbd', String(i)));
    return els.length;
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<string>();
  for (let i = 0; i < Math.min(maxTabs, expected * 2 + 10) && reached.size < expected; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-kbd') ?? null);
    if (id !== null) reached.add(id);
  }
  const missed = await page.evaluate((seen) => [...document.querySelectorAll('[data-kbd]')].filter((el) => !seen.includes(el.getAttribute('data-kbd')!)).slice(0, 5).map((el) => el.outerHTML.slice(0, 120)), [...reached]);
  expect(missed, `${label}: controls the keyboard did not reach`).toEqual([]);
  expect(reached.size).toBe(expected);
  return expected;
}

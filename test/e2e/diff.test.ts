/**
 * The law diff page in chromium: the reasons and witnesses are there, axe finds
 * nothing serious, the keyboard reaches every control of a narrowed diff, a
 * witness opens as a custom scenario with the verdicts the diff claims, no CSP
 * violations; screenshots for the README in test/e2e/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED, startApp, type Running } from '../web/fixtures.ts';
import { SKIP_REASON, hasChromium, launch, mustRun, type Launched } from './browser.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

if (!hasChromium) {
  if (mustRun) {
    describe('diff browser tests', () => {
      it('need /usr/bin/chromium under CI=true', () => {
        throw new Error(SKIP_REASON);
      });
    });
  } else {
    describe.skip(SKIP_REASON, () => {
      it('skipped', () => {});
    });
  }
} else {
  describe.sequential('the law diff in chromium', () => {
    let app: Running;
    let browser: Launched;
    let page: Page;
    const problems: string[] = [];

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      app = await startApp();
      browser = await launch();
      page = await browser.context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    async function axe(label: string): Promise<void> {
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad, `${label}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
    }

    it('shows KR and EU: reasons, witnesses, aligned provisions; passes axe', async () => {
      await page.goto(`${app.base}/diff?a=KR&b=EU&asOf=2026-01-01`);
      await expect(page.locator('#diff-summary').innerText()).resolves.toMatch(/^\d+ divergences in \d+ reasons, over the whole vocabulary/);
      const scraping = page.locator('article.divergence', { hasText: 'AI Act art. 5(1)(e)' }).first();
      await expect(scraping.locator('.reading').innerText()).resolves.toMatch(/^European Union forbids it under AI Act art\. 5\(1\)\(e\)/);
      expect(await scraping.locator('table.aligned tbody tr').count()).toBeGreaterThan(0);
      await axe('diff KR EU');
      await page.screenshot({ path: join(SHOTS, 'diff.png'), clip: { x: 0, y: 0, width: 1360, height: 900 } });
      await scraping.scrollIntoViewIfNeeded();
      await scraping.screenshot({ path: join(SHOTS, 'diff-witness.png') });
    });

    it('opens a witness as a custom scenario whose matrix gives the verdicts the diff claims', async () => {
      const scraping = page.locator('article.divergence[data-forbids="EU"][data-kind="forbidden-allowed"]', { hasText: 'AI Act art. 5(1)(e)' }).first();
      await scraping.locator('a.button').click();
      await page.waitForURL(/\/custom\?/);
      await expect(page.locator('td[data-flow="witness"][data-jurisdiction="EU"]').getAttribute('data-verdict')).resolves.toBe('forbidden');
      await expect(page.locator('td[data-flow="witness"][data-jurisdiction="KR"]').getAttribute('data-verdict')).resolves.toBe('allowed');
    });

    it('narrows to a flow of the seed scenario; the keyboard reaches every control', async () => {
      await page.goto(`${app.base}/diff?a=KR&b=EU&asOf=2024-01-01&scenario=${SEED}&flow=provision-training`);
      await expect(page.locator('#diff-summary').innerText()).resolves.toMatch(/within the facts of Korea: immigration face photos/);
      await axe('diff narrowed');
      const expected = await page.evaluate(() => {
        const els = [...document.querySelectorAll('a[href], button, select, input:not([type=hidden]), [tabindex="0"]')].filter((el) => {
          const r = (el as HTMLElement).getBoundingClientRect();
          return r.width > 0 && r.height > 0;
        });
        els.forEach((el, i) => el.setAttribute('data-kbd', String(i)));
        return els.length;
      });
      const reached = new Set<string>();
      for (let i = 0; i < expected * 2 + 10 && reached.size < expected; i++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => document.activeElement?.getAttribute('data-kbd') ?? null);
        if (id !== null) reached.add(id);
      }
      expect(expected).toBeGreaterThan(10);
      expect(reached.size).toBe(expected);
      await page.screenshot({ path: join(SHOTS, 'diff-narrowed.png'), clip: { x: 0, y: 0, width: 1360, height: 900 } });
    });

    it('repair: the cell links to the smallest changes; the page passes axe; the cell shows its timeline', async () => {
      const pipc = 'kr-immigration-faces-pipc-findings';
      await page.goto(`${app.base}/scenarios/${pipc}/cell/provision-training/KR?asOf=2022-04-27`);
      await expect(page.locator('#timeline .period').count()).resolves.toBeGreaterThan(1);
      await page.locator('#timeline').screenshot({ path: join(SHOTS, 'cell-timeline.png') });
      await page.locator('a', { hasText: 'What would make this lawful' }).click();
      await page.waitForURL(/\/repair\?/);
      await expect(page.locator('#repair-KR').innerText()).resolves.toContain('Republic of Korea (KR)');
      await expect(page.locator('.repair-target[data-codes="KR"] li.repair').first().getAttribute('data-changes')).resolves.toBe('2');
      await axe('repair');
      await page.goto(`${app.base}/repair?scenario=${pipc}&flow=provision-training&j=KR,EU,US-IL&asOf=2022-04-27`);
      await page.screenshot({ path: join(SHOTS, 'repair.png'), clip: { x: 0, y: 0, width: 1360, height: 900 } });
    });

    it('saw no CSP violations or script errors', () => {
      expect(problems).toEqual([]);
    });
  });
}

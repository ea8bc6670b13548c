/**
 * The explorer in a real browser (Debian's chromium through playwright-core):
 * the seed scenario's matrix against the engine, a cell's explanation, the
 * builder re-evaluating as a fact changes, the JSON round trip through download
 * and upload and through the share link, accessibility (axe-core: no serious or
 * critical violations; the keyboard reaches every control), no CSP violations,
 * and screenshots of the main pages for the README.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluateScenario, type Scenario, type Verdict } from '../../src/engine/index.ts';
import { decodeScenario } from '../../src/web/share.ts';
import { SEED, seedScenario, startApp, webData, type Running } from '../web/fixtures.ts';
import { SKIP_REASON, hasChromium, launch, mustRun, type Launched } from './browser.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');
const AS_OF = '2024-01-01';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

if (!hasChromium) {
  console.warn(`lexflow e2e: ${SKIP_REASON}`);
  if (mustRun) {
    describe('browser tests', () => {
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
  describe.sequential('the explorer in chromium', () => {
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
        // Pages answered with a 4xx on purpose log "Failed to load resource"; failed subresources are caught below.
        if ((m.type() === 'error' && !/Failed to load resource/.test(m.text())) || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400 && res.request().resourceType() !== 'document') problems.push(`${res.status()} for ${res.request().resourceType()} ${res.url()}`);
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

    /** Tabs through the page and checks that every visible control receives focus. */
    async function keyboardReachesEverything(label: string, maxTabs = 800): Promise<void> {
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
    }

    async function matrixCells(): Promise<Record<string, Verdict>> {
      return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('td[data-verdict]')].map((td) => [`${td.getAttribute('data-flow')}|${td.getAttribute('data-jurisdiction')}`, td.getAttribute('data-verdict')]))) as Promise<Record<string, Verdict>>;
    }

    function engineCells(s: Scenario, jurisdictions?: string[]): Record<string, Verdict> {
      const r = evaluateScenario(webData().corpus, s, { asOf: AS_OF, jurisdictions });
      return Object.fromEntries(r.results.map((c) => [`${c.flow}|${c.jurisdiction}`, c.verdict]));
    }

    it('home page lists the scenarios, passes axe and the keyboard test', async () => {
      await page.goto(`${app.base}/`);
      await expect(page.locator('h1').textContent()).resolves.toMatch(/Which jurisdictions/);
      expect(await page.locator(`a[href="/scenarios/${SEED}"]`).count()).toBeGreaterThan(0);
      await axe('home');
      await page.screenshot({ path: join(SHOTS, 'home.png') });
      await keyboardReachesEverything('home');
    });

    it('the seed scenario matrix shows the engine verdict in every cell, as word and icon', async () => {
      await page.goto(`${app.base}/scenarios/${SEED}?asOf=${AS_OF}`);
      const cells = await matrixCells();
      expect(cells).toEqual(engineCells(seedScenario()));
      const words: Record<Verdict, string> = { forbidden: '✖ FORBIDDEN', conditional: '? CONDITIONAL', allowed: '✔ ALLOWED', 'not-covered': '∅ NOT COVERED' };
      const texts = await page.evaluate(() => [...document.querySelectorAll('td[data-verdict]')].map((td) => [td.getAttribute('data-verdict'), (td.querySelector('a') as HTMLElement).innerText]));
      for (const [verdict, text] of texts) expect(text).toContain(words[verdict as Verdict]);
      await axe('scenario page');
    });

    it('the scenario page controls work from the keyboard and the view is in the URL', async () => {
      const view = `${app.base}/scenarios/${SEED}?asOf=${AS_OF}&j=KR,EU,UK,US-IL,CN,JP,BR`;
      await page.goto(view);
      await keyboardReachesEverything('scenario page');
      await page.locator('summary', { hasText: 'Jurisdictions:' }).click();
      await page.locator('input[name=j][value=BR]').uncheck();
      await page.locator('#mode').selectOption('actual');
      await page.locator('button', { hasText: 'Show verdicts' }).click();
      await page.waitForURL(/mode=actual/);
      const url = new URL(page.url());
      expect(url.searchParams.getAll('j')).not.toContain('BR');
      expect(Object.keys(await matrixCells()).some((k) => k.endsWith('|BR'))).toBe(false);
      await page.goto(view);
      await page.screenshot({ path: join(SHOTS, 'scenario.png'), fullPage: true, clip: await clipTo(page, 'h1', '#matrix') });
    });

    it('opens a cell and shows its explanation', async () => {
      await page.goto(`${app.base}/scenarios/${SEED}?asOf=${AS_OF}&j=KR,EU`);
      await page.locator('td[data-flow="provision-training"][data-jurisdiction="KR"] a').click();
      await page.waitForURL(/\/cell\/provision-training\/KR/);
      const s = seedScenario();
      const cell = evaluateScenario(webData().corpus, { ...s, flows: s.flows.filter((f) => f.id === 'provision-training') }, { asOf: AS_OF, jurisdictions: ['KR'] }).results[0];
      await expect(page.locator('#verdict').getAttribute('data-verdict')).resolves.toBe(cell.verdict);
      for (const d of cell.decisive) expect(await page.locator(`.provision-card a[href="/provisions/${d.id}"]`).count()).toBe(1);
      expect(await page.locator('#what-would-change').innerText()).toMatch(/What would change this/);
      expect(await page.locator('.tree .part').count()).toBeGreaterThan(3);
      await axe('cell page');
      await page.screenshot({ path: join(SHOTS, 'cell.png'), fullPage: true, clip: { x: 0, y: 0, width: 1360, height: 1400 } });
      await page.locator('#what-would-change').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.querySelector('#what-would-change')!.scrollIntoView());
      await page.screenshot({ path: join(SHOTS, 'cell-what-would-change.png') });
    });

    it('the builder re-evaluates as a fact changes', async () => {
      await page.goto(`${app.base}/builder?from=${SEED}&asOf=${AS_OF}&j=KR,EU`);
      await page.waitForURL(/\/builder\?s=/);
      const before = await matrixCells();
      expect(before).toEqual(engineCells(seedScenario(), ['KR', 'EU']));
      // Anonymised data fall outside both PIPA and the GDPR: the verdicts must move.
      const changed = structuredClone(seedScenario());
      changed.flows[0].facts.data = { ...(changed.flows[0].facts.data as object), anonymised: true };
      const expected = engineCells(changed, ['KR', 'EU']);
      expect(expected['collection|KR']).not.toBe(before['collection|KR']);
      await page.locator('select[name="f:data.anonymised"]').selectOption('true');
      await page.waitForFunction((v) => document.querySelector('td[data-flow="collection"][data-jurisdiction="KR"]')?.getAttribute('data-verdict') === v, expected['collection|KR']);
      await expect(page.locator('#builder-status').textContent()).resolves.toMatch(/updated/);
      expect(await matrixCells()).toEqual(expected);
      expect(page.url()).toMatch(/\/builder\?s=/);
      const inUrl = decodeScenario(new URL(page.url()).searchParams.get('s'), webData().corpus);
      expect((inUrl.flows[0].facts.data as Record<string, unknown>).anonymised).toBe(true);
      await axe('builder');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, 'builder.png') });
      await keyboardReachesEverything('builder', 2000);
    });

    it('round-trips the scenario through download and upload', async () => {
      const current = decodeScenario(new URL(page.url()).searchParams.get('s'), webData().corpus);
      const verdicts = await matrixCells();
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
      const file = await download.path();
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      expect(saved).toEqual(current);
      await page.goto(`${app.base}/builder?asOf=${AS_OF}&j=KR,EU`);
      await page.locator('#upload-file').setInputFiles(file);
      await Promise.all([page.waitForURL(/\/builder\?s=/), page.locator('.upload-form button[type=submit]').click()]);
      expect(decodeScenario(new URL(page.url()).searchParams.get('s'), webData().corpus)).toEqual(current);
      await page.goto(`${page.url()}&asOf=${AS_OF}&j=KR,EU`);
      expect(await matrixCells()).toEqual(verdicts);
    });

    it('round-trips the scenario through the share link, which works without JavaScript', async () => {
      const link = await page.locator('#share-link').inputValue();
      const verdicts = await matrixCells();
      const noScript = await browser.context.browser()?.newContext({ javaScriptEnabled: false });
      const other = noScript ? await noScript.newPage() : await browser.context.newPage();
      await other.goto(link);
      const cells = await other.evaluate(() => Object.fromEntries([...document.querySelectorAll('td[data-verdict]')].map((td) => [`${td.getAttribute('data-flow')}|${td.getAttribute('data-jurisdiction')}`, td.getAttribute('data-verdict')])));
      expect(cells).toEqual(verdicts);
      await expect(other.locator('select[name="f:data.anonymised"]').inputValue()).resolves.toBe('true');
      await other.close();
      await noScript?.close();
    });

    it('rule browser and comparison pass axe and the keyboard test', async () => {
      await page.goto(`${app.base}/rules`);
      await axe('rules');
      await page.goto(`${app.base}/rules/KR`);
      await axe('rules/KR');
      await keyboardReachesEverything('rules/KR');
      await page.goto(`${app.base}/provisions/kr.pipa.art23.1`);
      await page.locator('details.raw summary').first().click();
      expect(await page.locator('details.raw pre').first().innerText()).toContain('"var"');
      await axe('provision');
      await page.screenshot({ path: join(SHOTS, 'provision.png') });
      await page.goto(`${app.base}/compare?j=KR&j=EU&j=US-IL&asOf=${AS_OF}`);
      await axe('compare');
      await page.screenshot({ path: join(SHOTS, 'compare.png') });
      await keyboardReachesEverything('compare');
    });

    it('on the record: the matrix, a conditional cell and a forbidden cell put the answer and its reason on the first screen', async () => {
      await page.goto(`${app.base}/scenarios/${SEED}?asOf=2019-06-01&j=KR,EU,UK,US-IL,CN,JP`);
      const record = await page.evaluate(() => [...document.querySelectorAll('td[data-record]')].map((td) => [td.getAttribute('data-record'), (td.querySelector('.word') as HTMLElement).innerText]));
      const words: Record<string, string> = { forbidden: 'FORBIDDEN', undetermined: 'UNDETERMINED', allowed: 'ALLOWED', 'not-covered': 'NOT COVERED' };
      for (const [verdict, word] of record) expect(word).toBe(words[verdict!]);
      await page.screenshot({ path: join(SHOTS, 'matrix-on-record.png'), fullPage: true, clip: await clipTo(page, '#verdicts-heading', '#matrix') });
      for (const [name, flow, code] of [['cell-conditional', 'moj-to-msit', 'KR'], ['cell-forbidden', 'companies-training', 'US-IL']]) {
        await page.goto(`${app.base}/scenarios/${SEED}/cell/${flow}/${code}?asOf=2019-06-01`);
        const box = (await page.locator('#record').boundingBox())!;
        expect(box.y + box.height).toBeLessThan(900);
        expect(await page.locator('#record .big').innerText()).toMatch(/(UNDETERMINED|FORBIDDEN) on the record/);
        await axe(name);
        await page.screenshot({ path: join(SHOTS, `${name}.png`) });
      }
      expect(await page.locator('#record').innerText()).toContain('740 ILCS 14/15(b)');
      expect(await page.locator('#record').innerText()).toContain('740 ILCS 14/25(e)');
    });

    it('error pages pass axe', async () => {
      await page.goto(`${app.base}/scenarios/${SEED}?asOf=2024-02-31`);
      await axe('error page');
    });

    it('prints the matrix on A4 landscape', async () => {
      await page.goto(`${app.base}/scenarios/${SEED}?asOf=${AS_OF}`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.controls').isVisible()).toBe(false);
      expect(await page.locator('#matrix').isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      await page.emulateMedia({ media: 'screen' });
    });

    it('saw no CSP violations or script errors', () => {
      expect(problems).toEqual([]);
    });
  });
}

/** A clip rectangle from the top of one element to the bottom of another. */
async function clipTo(page: Page, from: string, to: string) {
  const a = (await page.locator(from).boundingBox())!;
  const b = (await page.locator(to).boundingBox())!;
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  const scroll = await page.evaluate(() => window.scrollY);
  return { x: 0, y: Math.max(0, a.y + scroll - 12), width, height: b.y + b.height - a.y + 24 };
}

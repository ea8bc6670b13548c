/**
 * The explorer in a real browser (Debian's chromium through playwright-core):
 * the seed scenario's matrix against the engine, a cell's explanation, the
 * builder re-evaluating as a fact changes, the JSON round trip through download
 * and upload and through the share link, accessibility (axe-core: no serious or
 * critical violations; the keyboard reaches every control), no CSP violations,
 * and screenshots of the main pages for the README.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluateScenario, type Scenario, type Verdict } from '../../src/engine/index.ts';
import { decodeScenario } from '../../src/web/share.ts';
import { SEED, seedScenario, webData } from '../web/fixtures.ts';
import { SHOTS, browserSession, describeInChromium, expectAxeClean, keyboardReachesEverything } from './browser.ts';

const AS_OF = '2024-01-01';

describeInChromium('the explorer in chromium', () => {
  const ui = browserSession({ errorPagesVisited: true });

  async function matrixCells(): Promise<Record<string, Verdict>> {
    return ui.page.evaluate(() => Object.fromEntries([...document.querySelectorAll('td[data-verdict]')].map((td) => [`${td.getAttribute('data-flow')}|${td.getAttribute('data-jurisdiction')}`, td.getAttribute('data-verdict')]))) as Promise<Record<string, Verdict>>;
  }

  function engineCells(s: Scenario, jurisdictions?: string[]): Record<string, Verdict> {
    const r = evaluateScenario(webData().corpus, s, { asOf: AS_OF, jurisdictions });
    return Object.fromEntries(r.results.map((c) => [`${c.flow}|${c.jurisdiction}`, c.verdict]));
  }

  it('home page lists the scenarios, passes axe and the keyboard test', async () => {
    await ui.page.goto(`${ui.app.base}/`);
    await expect(ui.page.locator('h1').textContent()).resolves.toMatch(/Which jurisdictions/);
    expect(await ui.page.locator(`a[href="/scenarios/${SEED}"]`).count()).toBeGreaterThan(0);
    await expectAxeClean(ui.page, 'home');
    await ui.page.screenshot({ path: join(SHOTS, 'home.png') });
    await keyboardReachesEverything(ui.page, 'home');
  });

  it('the seed scenario matrix shows the engine verdict in every cell, as word and icon', async () => {
    await ui.page.goto(`${ui.app.base}/scenarios/${SEED}?asOf=${AS_OF}`);
    const cells = await matrixCells();
    expect(cells).toEqual(engineCells(seedScenario()));
    const words: Record<Verdict, string> = { forbidden: '✖ FORBIDDEN', conditional: '? CONDITIONAL', allowed: '✔ ALLOWED', 'not-covered': '∅ NOT COVERED' };
    const texts = await ui.page.evaluate(() => [...document.querySelectorAll('td[data-verdict]')].map((td) => [td.getAttribute('data-verdict'), (td.querySelector('a') as HTMLElement).innerText]));
    for (const [verdict, text] of texts) expect(text).toContain(words[verdict as Verdict]);
    await expectAxeClean(ui.page, 'scenario page');
  });

  it('the scenario page controls work from the keyboard and the view is in the URL', async () => {
    const view = `${ui.app.base}/scenarios/${SEED}?asOf=${AS_OF}&j=KR,EU,UK,US-IL,CN,JP,BR`;
    await ui.page.goto(view);
    await keyboardReachesEverything(ui.page, 'scenario page');
    await ui.page.locator('summary', { hasText: 'Jurisdictions:' }).click();
    await ui.page.locator('input[name=j][value=BR]').uncheck();
    await ui.page.locator('#mode').selectOption('actual');
    await ui.page.locator('button', { hasText: 'Show verdicts' }).click();
    await ui.page.waitForURL(/mode=actual/);
    const url = new URL(ui.page.url());
    expect(url.searchParams.getAll('j')).not.toContain('BR');
    expect(Object.keys(await matrixCells()).some((k) => k.endsWith('|BR'))).toBe(false);
    await ui.page.goto(view);
    await ui.page.screenshot({ path: join(SHOTS, 'scenario.png'), fullPage: true, clip: await clipTo(ui.page, 'h1', '#matrix') });
  });

  it('opens a cell and shows its explanation', async () => {
    await ui.page.goto(`${ui.app.base}/scenarios/${SEED}?asOf=${AS_OF}&j=KR,EU`);
    await ui.page.locator('td[data-flow="provision-training"][data-jurisdiction="KR"] a').click();
    await ui.page.waitForURL(/\/cell\/provision-training\/KR/);
    const s = seedScenario();
    const cell = evaluateScenario(webData().corpus, { ...s, flows: s.flows.filter((f) => f.id === 'provision-training') }, { asOf: AS_OF, jurisdictions: ['KR'] }).results[0];
    await expect(ui.page.locator('#verdict').getAttribute('data-verdict')).resolves.toBe(cell.verdict);
    for (const d of cell.decisive) expect(await ui.page.locator(`.provision-card a[href="/provisions/${d.id}"]`).count()).toBe(1);
    expect(await ui.page.locator('#what-would-change').innerText()).toMatch(/What would change this/);
    expect(await ui.page.locator('.tree .part').count()).toBeGreaterThan(3);
    await expectAxeClean(ui.page, 'cell page');
    await ui.page.screenshot({ path: join(SHOTS, 'cell.png'), fullPage: true, clip: { x: 0, y: 0, width: 1360, height: 1400 } });
    await ui.page.locator('#what-would-change').scrollIntoViewIfNeeded();
    await ui.page.evaluate(() => document.querySelector('#what-would-change')!.scrollIntoView());
    await ui.page.screenshot({ path: join(SHOTS, 'cell-what-would-change.png') });
  });

  it('the builder re-evaluates as a fact changes', async () => {
    await ui.page.goto(`${ui.app.base}/builder?from=${SEED}&asOf=${AS_OF}&j=KR,EU`);
    await ui.page.waitForURL(/\/builder\?s=/);
    const before = await matrixCells();
    expect(before).toEqual(engineCells(seedScenario(), ['KR', 'EU']));
    // Anonymised data fall outside both PIPA and the GDPR: the verdicts must move.
    const changed = structuredClone(seedScenario());
    changed.flows[0].facts.data = { ...(changed.flows[0].facts.data as object), anonymised: true };
    const expected = engineCells(changed, ['KR', 'EU']);
    expect(expected['collection|KR']).not.toBe(before['collection|KR']);
    await ui.page.locator('select[name="f:data.anonymised"]').selectOption('true');
    await ui.page.waitForFunction((v) => document.querySelector('td[data-flow="collection"][data-jurisdiction="KR"]')?.getAttribute('data-verdict') === v, expected['collection|KR']);
    await expect(ui.page.locator('#builder-status').textContent()).resolves.toMatch(/updated/);
    expect(await matrixCells()).toEqual(expected);
    expect(ui.page.url()).toMatch(/\/builder\?s=/);
    const inUrl = decodeScenario(new URL(ui.page.url()).searchParams.get('s'), webData().corpus);
    expect((inUrl.flows[0].facts.data as Record<string, unknown>).anonymised).toBe(true);
    await expectAxeClean(ui.page, 'builder');
    await ui.page.evaluate(() => window.scrollTo(0, 0));
    await ui.page.screenshot({ path: join(SHOTS, 'builder.png') });
    await keyboardReachesEverything(ui.page, 'builder', 2000);
  });

  it('round-trips the scenario through download and upload', async () => {
    const current = decodeScenario(new URL(ui.page.url()).searchParams.get('s'), webData().corpus);
    const verdicts = await matrixCells();
    const [download] = await Promise.all([ui.page.waitForEvent('download'), ui.page.locator('#download-json').click()]);
    const file = await download.path();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toEqual(current);
    await ui.page.goto(`${ui.app.base}/builder?asOf=${AS_OF}&j=KR,EU`);
    await ui.page.locator('#upload-file').setInputFiles(file);
    await Promise.all([ui.page.waitForURL(/\/builder\?s=/), ui.page.locator('.upload-form button[type=submit]').click()]);
    expect(decodeScenario(new URL(ui.page.url()).searchParams.get('s'), webData().corpus)).toEqual(current);
    await ui.page.goto(`${ui.page.url()}&asOf=${AS_OF}&j=KR,EU`);
    expect(await matrixCells()).toEqual(verdicts);
  });

  it('round-trips the scenario through the share link, which works without JavaScript', async () => {
    const link = await ui.page.locator('#share-link').inputValue();
    const verdicts = await matrixCells();
    const noScript = await ui.browser.context.browser()?.newContext({ javaScriptEnabled: false });
    const other = noScript ? await noScript.newPage() : await ui.browser.context.newPage();
    await other.goto(link);
    const cells = await other.evaluate(() => Object.fromEntries([...document.querySelectorAll('td[data-verdict]')].map((td) => [`${td.getAttribute('data-flow')}|${td.getAttribute('data-jurisdiction')}`, td.getAttribute('data-verdict')])));
    expect(cells).toEqual(verdicts);
    await expect(other.locator('select[name="f:data.anonymised"]').inputValue()).resolves.toBe('true');
    await other.close();
    await noScript?.close();
  });

  it('rule browser and comparison pass axe and the keyboard test', async () => {
    await ui.page.goto(`${ui.app.base}/rules`);
    await expectAxeClean(ui.page, 'rules');
    await ui.page.goto(`${ui.app.base}/rules/KR`);
    await expectAxeClean(ui.page, 'rules/KR');
    await keyboardReachesEverything(ui.page, 'rules/KR');
    await ui.page.goto(`${ui.app.base}/provisions/kr.pipa.art23.1`);
    await ui.page.locator('details.raw summary').first().click();
    expect(await ui.page.locator('details.raw pre').first().innerText()).toContain('"var"');
    await expectAxeClean(ui.page, 'provision');
    await ui.page.screenshot({ path: join(SHOTS, 'provision.png') });
    await ui.page.goto(`${ui.app.base}/compare?j=KR&j=EU&j=US-IL&asOf=${AS_OF}`);
    await expectAxeClean(ui.page, 'compare');
    await ui.page.screenshot({ path: join(SHOTS, 'compare.png') });
    await keyboardReachesEverything(ui.page, 'compare');
  });

  it('on the record: the matrix, a conditional cell and a forbidden cell put the answer and its reason on the first screen', async () => {
    await ui.page.goto(`${ui.app.base}/scenarios/${SEED}?asOf=2019-06-01&j=KR,EU,UK,US-IL,CN,JP`);
    const record = await ui.page.evaluate(() => [...document.querySelectorAll('td[data-record]')].map((td) => [td.getAttribute('data-record'), (td.querySelector('.word') as HTMLElement).innerText]));
    const words: Record<string, string> = { forbidden: 'FORBIDDEN', undetermined: 'UNDETERMINED', allowed: 'ALLOWED', 'not-covered': 'NOT COVERED' };
    for (const [verdict, word] of record) expect(word).toBe(words[verdict!]);
    await ui.page.screenshot({ path: join(SHOTS, 'matrix-on-record.png'), fullPage: true, clip: await clipTo(ui.page, '#verdicts-heading', '#matrix') });
    for (const [name, flow, code] of [['cell-conditional', 'moj-to-msit', 'KR'], ['cell-forbidden', 'companies-training', 'US-IL']]) {
      await ui.page.goto(`${ui.app.base}/scenarios/${SEED}/cell/${flow}/${code}?asOf=2019-06-01`);
      const box = (await ui.page.locator('#record').boundingBox())!;
      expect(box.y + box.height).toBeLessThan(900);
      expect(await ui.page.locator('#record .big').innerText()).toMatch(/(UNDETERMINED|FORBIDDEN) on the record/);
      await expectAxeClean(ui.page, name);
      await ui.page.screenshot({ path: join(SHOTS, `${name}.png`) });
    }
    expect(await ui.page.locator('#record').innerText()).toContain('740 ILCS 14/15(b)');
    expect(await ui.page.locator('#record').innerText()).toContain('740 ILCS 14/25(e)');
  });

  it('error pages pass axe', async () => {
    await ui.page.goto(`${ui.app.base}/scenarios/${SEED}?asOf=2024-02-31`);
    await expectAxeClean(ui.page, 'error page');
  });

  it('prints the matrix on A4 landscape', async () => {
    await ui.page.goto(`${ui.app.base}/scenarios/${SEED}?asOf=${AS_OF}`);
    await ui.page.emulateMedia({ media: 'print' });
    expect(await ui.page.locator('.controls').isVisible()).toBe(false);
    expect(await ui.page.locator('#matrix').isVisible()).toBe(true);
    const pdf = await ui.page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await ui.page.emulateMedia({ media: 'screen' });
  });

  it('saw no CSP violations or script errors', () => {
    expect(ui.problems).toEqual([]);
  });
});

/** A clip rectangle from the top of one element to the bottom of another. */
async function clipTo(page: Page, from: string, to: string) {
  const a = (await page.locator(from).boundingBox())!;
  const b = (await page.locator(to).boundingBox())!;
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  const scroll = await page.evaluate(() => window.scrollY);
  return { x: 0, y: Math.max(0, a.y + scroll - 12), width, height: b.y + b.height - a.y + 24 };
}

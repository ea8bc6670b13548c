/**
 * The law diff page in chromium: the reasons and witnesses are there, axe finds
 * nothing serious, the keyboard reaches every control of a narrowed diff, a
 * witness opens as a custom scenario with the verdicts the diff claims, no CSP
 * violations; screenshots for the README in test/e2e/screenshots/.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SEED } from '../web/fixtures.ts';
import { SHOTS, browserSession, describeInChromium, expectAxeClean, keyboardReachesEverything } from './browser.ts';

describeInChromium('the law diff in chromium', () => {
  const ui = browserSession();

  it('shows KR and EU: reasons, witnesses, aligned provisions; passes axe', async () => {
    await ui.page.goto(`${ui.app.base}/diff?a=KR&b=EU&asOf=2026-01-01`);
    await expect(ui.page.locator('#diff-summary').innerText()).resolves.toMatch(/^\d+ divergences in \d+ reasons, over the whole vocabulary/);
    const scraping = ui.page.locator('article.divergence', { hasText: 'AI Act art. 5(1)(e)' }).first();
    await expect(scraping.locator('.reading').innerText()).resolves.toMatch(/^European Union forbids it under AI Act art\. 5\(1\)\(e\)/);
    expect(await scraping.locator('table.aligned tbody tr').count()).toBeGreaterThan(0);
    await expectAxeClean(ui.page, 'diff KR EU');
    await ui.page.screenshot({ path: join(SHOTS, 'diff.png'), clip: { x: 0, y: 0, width: 1360, height: 900 } });
    await scraping.scrollIntoViewIfNeeded();
    await scraping.screenshot({ path: join(SHOTS, 'diff-witness.png') });
  });

  it('opens a witness as a custom scenario whose matrix gives the verdicts the diff claims', async () => {
    const scraping = ui.page.locator('article.divergence[data-forbids="EU"][data-kind="forbidden-allowed"]', { hasText: 'AI Act art. 5(1)(e)' }).first();
    await scraping.locator('a.button').click();
    await ui.page.waitForURL(/\/custom\?/);
    await expect(ui.page.locator('td[data-flow="witness"][data-jurisdiction="EU"]').getAttribute('data-verdict')).resolves.toBe('forbidden');
    await expect(ui.page.locator('td[data-flow="witness"][data-jurisdiction="KR"]').getAttribute('data-verdict')).resolves.toBe('allowed');
  });

  it('narrows to a flow of the seed scenario; the keyboard reaches every control', async () => {
    await ui.page.goto(`${ui.app.base}/diff?a=KR&b=EU&asOf=2024-01-01&scenario=${SEED}&flow=provision-training`);
    await expect(ui.page.locator('#diff-summary').innerText()).resolves.toMatch(/within the facts of Korea: immigration face photos/);
    await expectAxeClean(ui.page, 'diff narrowed');
    expect(await keyboardReachesEverything(ui.page, 'diff narrowed')).toBeGreaterThan(10);
    await ui.page.screenshot({ path: join(SHOTS, 'diff-narrowed.png'), clip: { x: 0, y: 0, width: 1360, height: 900 } });
  });

  it('repair: the cell links to the smallest changes; the page passes axe; the cell shows its timeline', async () => {
    const pipc = 'kr-immigration-faces-pipc-findings';
    await ui.page.goto(`${ui.app.base}/scenarios/${pipc}/cell/provision-training/KR?asOf=2022-04-27`);
    await expect(ui.page.locator('#timeline .period').count()).resolves.toBeGreaterThan(1);
    await ui.page.locator('#timeline').screenshot({ path: join(SHOTS, 'cell-timeline.png') });
    await ui.page.locator('a', { hasText: 'What would make this lawful' }).click();
    await ui.page.waitForURL(/\/repair\?/);
    await expect(ui.page.locator('#repair-KR').innerText()).resolves.toContain('Republic of Korea (KR)');
    await expect(ui.page.locator('.repair-target[data-codes="KR"] li.repair').first().getAttribute('data-changes')).resolves.toBe('2');
    await expectAxeClean(ui.page, 'repair');
    await ui.page.goto(`${ui.app.base}/repair?scenario=${pipc}&flow=provision-training&j=KR,EU,US-IL&asOf=2022-04-27`);
    await ui.page.screenshot({ path: join(SHOTS, 'repair.png'), clip: { x: 0, y: 0, width: 1360, height: 900 } });
  });

  it('saw no CSP violations or script errors', () => {
    expect(ui.problems).toEqual([]);
  });
});

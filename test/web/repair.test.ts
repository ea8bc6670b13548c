/**
 * Minimal repair over HTTP: /api/repair gives the engine's repairs, the page lists
 * them per jurisdiction and everywhere, the cell page and the matrix link to it,
 * and bad parameters get clear 4xx errors.
 */
import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../../src/engine/index.ts';
import { repairFlow } from '../../src/engine/diff/index.ts';
import { encodeScenario } from '../../src/web/share.ts';
import { expectApiError, serveForTests, webData } from './fixtures.ts';

const PIPC = 'kr-immigration-faces-pipc-findings';
const app = serveForTests();

const get = (path: string) => app.get(path);

describe('repair on the web', () => {
  it('GET /api/repair returns the engine repairs', async () => {
    const res = await get(`/api/repair?scenario=${PIPC}&flow=provision-training&j=KR,EU&asOf=2022-04-27`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const { corpus, scenarios } = webData();
    const engine = repairFlow(compileCorpus(corpus), scenarios.find((s) => s.id === PIPC)!, 'provision-training', ['KR', 'EU'], { asOf: '2022-04-27' });
    expect(body).toMatchObject({ scenario: PIPC, flow: 'provision-training', jurisdictions: ['KR', 'EU'], complete: true });
    expect(body.perJurisdiction.map((t: { repairs: unknown[] }) => t.repairs)).toEqual(JSON.parse(JSON.stringify(engine.perJurisdiction.map((t) => t.repairs))));
    expect(body.everywhere.codes).toEqual(['KR', 'EU']);
  });

  it('the page lists the repairs per jurisdiction and everywhere, fewest changes first', async () => {
    const res = await get(`/repair?scenario=${PIPC}&flow=provision-training&j=KR,EU&asOf=2022-04-27`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="repair-KR"');
    expect(html).toContain('id="repair-everywhere"');
    expect(html).toMatch(/Now, on the record: <span class="v [^"]*verdict-chip">✖ EU: FORBIDDEN <span class="muted">\(open reading: CONDITIONAL\)<\/span>/);
    expect(html).toContain('the entrusted work and the entrustee were publicly disclosed: yes (changed)');
    const sizes = [...html.split('id="repair-KR"')[1].split('id="repair-EU"')[0].matchAll(/data-changes="(\d+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  });

  it('the cell page and the scenario page link to it; a shared scenario works too', async () => {
    const cell = await (await get(`/scenarios/${PIPC}/cell/provision-training/KR?asOf=2022-04-27`)).text();
    // The cell's timeline sits beside it.
    expect(cell).toContain('id="timeline-heading"');
    expect(cell).toMatch(/<li class="period" data-verdict="forbidden">/);
    expect(cell).toContain(`href="/repair?scenario=${PIPC}&amp;flow=provision-training&amp;j=KR&amp;asOf=2022-04-27"`);
    const page = await (await get(`/scenarios/${PIPC}?asOf=2022-04-27`)).text();
    expect(page).toContain(`href="/repair?scenario=${PIPC}&amp;flow=companies-training&amp;asOf=2022-04-27"`);
    const s = encodeScenario({ id: 'x', title: '<i>t</i>', summary: 's', sources: [], parties: [], facts: {}, flows: [{ id: 'f', label: 'a flow', facts: { operation: { kinds: ['collect'] }, data: { categories: ['face_template'] } } }] });
    const shared = await get(`/repair?s=${s}&flow=f&j=KR&asOf=2024-01-01`);
    expect(shared.status).toBe(200);
    const html = await shared.text();
    expect(html).not.toContain('<i>t</i>');
  });

  it('refuses bad parameters with a named 4xx error', async () => {
    await expectApiError(await get('/api/repair?flow=x'), 400, 'missing_scenario');
    await expectApiError(await get('/api/repair?scenario=nope&flow=x'), 404, 'unknown_scenario');
    await expectApiError(await get(`/api/repair?scenario=${PIPC}`), 400, 'missing_parameter', /choose one of/);
    await expectApiError(await get(`/api/repair?scenario=${PIPC}&flow=provision-trainin`), 400, 'unknown_flow', /did you mean provision-training\?/);
    await expectApiError(await get(`/api/repair?scenario=${PIPC}&flow=provision-training&j=KX`), 400, 'unknown_jurisdiction');
    await expectApiError(await get(`/api/repair?scenario=${PIPC}&flow=provision-training&asOf=2022-13-01`), 400, 'invalid_date');
    await expectApiError(await get('/api/repair?s=***&flow=f'), 400, 'invalid_share');
  });
});

/**
 * The law diff over HTTP: the page and /api/diff give the engine's diff, witnesses
 * open as custom scenarios that the explorer evaluates to the same verdicts, a
 * scenario's flow narrows the question, and bad parameters get clear 4xx errors.
 */
import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../../src/engine/index.ts';
import { diffLaws } from '../../src/engine/diff/index.ts';
import { encodeScenario } from '../../src/web/share.ts';
import { SEED, expectApiError, serveForTests, webData } from './fixtures.ts';

const app = serveForTests();

const get = (path: string) => app.get(path);

describe('GET /api/diff', () => {
  it('returns the engine diff of US-IL and EU', async () => {
    const res = await get('/api/diff?a=US-IL&b=EU&asOf=2024-01-01');
    expect(res.status).toBe(200);
    const body = await res.json();
    const engine = diffLaws(compileCorpus(webData().corpus), 'US-IL', 'EU', { asOf: '2024-01-01' });
    expect(body).toMatchObject({ a: 'US-IL', b: 'EU', asOf: '2024-01-01', mode: 'transplant', given: false, complete: true, rejected: 0 });
    expect(body.divergences.map((d: { rules: { id: string }[] }) => d.rules.map((r) => r.id))).toEqual(engine.divergences.map((d) => d.rules.map((r) => r.id)));
    expect(body.reasons.length).toBe(engine.reasons.length);
    expect(body.aCoversB.holds).toBe(false);
  });

  it('narrows to the facts of a bundled scenario\'s flow, and answers equivalence on a topic', async () => {
    const res = await get(`/api/diff?a=KR&b=EU&asOf=2024-01-01&scenario=${SEED}&flow=airport-cctv&topic=realtime-public-identification`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.given).toBe(true);
    expect(body.equivalence).toMatchObject({ topic: 'realtime-public-identification' });
    expect(typeof body.equivalence.equivalent).toBe('boolean');
    // The flow's own facts are fixed: no witness restates one of them.
    const fixed = ['sender.kind', 'operation.kinds'];
    for (const d of body.divergences) for (const f of d.witness.facts) expect(fixed).not.toContain(f.fact);
  });

  it('refuses bad parameters with a named 4xx error', async () => {
    await expectApiError(await get('/api/diff?b=EU'), 400, 'missing_parameter', /^a: /);
    await expectApiError(await get('/api/diff?a=KR&b=EX'), 400, 'unknown_jurisdiction', /did you mean EU\?/);
    await expectApiError(await get('/api/diff?a=KR&b=KR'), 400, 'same_jurisdiction');
    await expectApiError(await get('/api/diff?a=KR&b=EU&asOf=2024-02-30'), 400, 'invalid_date');
    await expectApiError(await get('/api/diff?a=KR&b=EU&mode=virtual'), 400, 'invalid_mode');
    await expectApiError(await get('/api/diff?a=KR&b=EU&topic=consnet'), 400, 'unknown_topic', /did you mean consent\?/);
    await expectApiError(await get(`/api/diff?a=KR&b=EU&scenario=${SEED}`), 400, 'missing_parameter', /choose one of collection/);
    await expectApiError(await get(`/api/diff?a=KR&b=EU&scenario=${SEED}&flow=airport-ctv`), 400, 'unknown_flow', /did you mean airport-cctv\?/);
    await expectApiError(await get('/api/diff?a=KR&b=EU&scenario=nope&flow=x'), 404, 'unknown_scenario');
    await expectApiError(await get('/api/diff?a=KR&b=EU&flow=x'), 400, 'missing_scenario');
    await expectApiError(await get('/api/diff?a=KR&b=EU&s=!!!&flow=x'), 400, 'invalid_share');
    await expectApiError(await get('/api/diff?a=KR&a=EU&b=EU'), 400, 'invalid_value');
    expect((await get('/api/jurisdictions')).status).toBe(200);
  });
});

describe('GET /diff', () => {
  it('shows the form alone without a question', async () => {
    const res = await get('/diff');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Law diff</h1>');
    expect(html).not.toContain('id="diff-summary"');
  });

  it('shows reasons, witnesses and aligned provisions; every witness link opens a scenario with the same verdicts', async () => {
    const res = await get('/diff?a=US-IL&b=EU&asOf=2024-01-01');
    expect(res.status).toBe(200);
    const html = await res.text();
    const api = await (await get('/api/diff?a=US-IL&b=EU&asOf=2024-01-01')).json();
    expect(html.match(/<article class="card divergence"/g)!.length).toBe(api.divergences.length);
    expect(html).toContain('740 ILCS 14/15(b)');
    expect(html).toMatch(/Does Illinois forbid everything European Union forbids\?/);
    const articles = html.split('<article class="card divergence"').slice(1);
    const links = articles.map((a) => a.match(/href="(\/custom\?s=[^"]+)"/)![1].replaceAll('&amp;', '&'));
    expect(links.length).toBe(api.divergences.length);
    for (const [i, d] of api.divergences.slice(0, 4).entries()) {
      const page = await (await get(links[i])).text();
      expect(page).toMatch(new RegExp(`data-flow="witness" data-jurisdiction="${d.forbids}" data-verdict="forbidden"`));
      expect(page).toMatch(new RegExp(`data-flow="witness" data-jurisdiction="${d.other}" data-verdict="${d.otherVerdict}"`));
    }
  });

  it('escapes the title of a shared scenario it is narrowed to', async () => {
    const scenario = { id: 'x', title: '<script>alert(1)</script>', summary: 's', sources: [], parties: [], facts: {}, flows: [{ id: 'f', label: '<b>flow</b>', facts: { sender: { sector: 'private' } } }] };
    const res = await get(`/diff?a=KR&b=JP&asOf=2024-01-01&s=${encodeScenario(scenario as never)}&flow=f`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers a bad question with an error page', async () => {
    const res = await get('/diff?a=KR&b=XX');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('unknown jurisdiction XX');
  });
});

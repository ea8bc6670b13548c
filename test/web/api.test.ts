/**
 * The JSON API over HTTP: every route, the evaluate contract (identical to
 * `lexflow evaluate --format json`), and every kind of bad input answered with a
 * 4xx JSON error that names the problem, after which the server keeps serving.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';
import { SEED, TODAY, expectApiError, seedScenario, serveForTests, webData } from './fixtures.ts';

const app = serveForTests();

const get = (path: string) => app.get(path);
const post = (body: unknown, type?: string) => app.post('/api/evaluate', body, type);

function cli(args: string[]): string {
  const out: string[] = [];
  const code = run(args, { out: (s) => out.push(s), err: (s) => out.push(s) });
  expect(code).toBe(0);
  return out.join('\n');
}

describe('GET routes of the API', () => {
  it('lists every jurisdiction with its instruments and the topic list', async () => {
    const res = await get('/api/jurisdictions');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.jurisdictions.map((j: { code: string }) => j.code)).toEqual([...webData().corpus.jurisdictions.keys()]);
    expect(body.jurisdictions.find((j: { code: string }) => j.code === 'KR').instruments.map((i: { id: string }) => i.id)).toContain('kr.pipa');
    expect(body.topics.length).toBeGreaterThan(5);
  });

  it('lists provisions, filtered by jurisdiction, date, kind and topic', async () => {
    const all = await (await get('/api/rules')).json();
    expect(all.count).toBe(webData().corpus.provisions.length);
    const kr = await (await get('/api/rules?jurisdiction=KR&kind=prohibition&asOf=2024-01-01')).json();
    expect(kr.count).toBeGreaterThan(0);
    for (const p of kr.provisions) {
      expect(p.jurisdiction).toBe('KR');
      expect(p.kind).toBe('prohibition');
    }
    const topic = await (await get('/api/rules?topic=consent')).json();
    expect(topic.provisions.every((p: { topics: string[] }) => p.topics.includes('consent'))).toBe(true);
  });

  it('gives one provision with its versions, what lifts it and its condition in words', async () => {
    const res = await get('/api/rules/kr.pipa.art23.1');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.versions[0].citation).toMatch(/^PIPA art\. 23\(1\)/);
    expect(body.versions[0].rendered.when.text).toBeTypeOf('string');
    expect(body.versions[0].liftedBy.length).toBeGreaterThan(0);
    expect(body.versions[0].origin).toBeUndefined();
  });

  it('lists the bundled scenarios and gives one in full', async () => {
    const list = await (await get('/api/scenarios')).json();
    expect(list.scenarios.map((s: { id: string }) => s.id)).toContain(SEED);
    const one = await (await get(`/api/scenarios/${SEED}`)).json();
    expect(one).toEqual(seedScenario());
  });

  it('gives the vocabulary with groups and facts', async () => {
    const body = await (await get('/api/vocabulary')).json();
    expect(body.groups.map((g: { id: string }) => g.id)).toContain('data');
    expect(body.facts.find((f: { key: string }) => f.key === 'data.categories').type).toBe('set');
  });
});

describe('POST /api/evaluate', () => {
  it('returns exactly what `lexflow evaluate --format json` prints for the seed scenario', async () => {
    const res = await post({ scenario: seedScenario(), asOf: '2024-01-01' });
    expect(res.status).toBe(200);
    const api = await res.json();
    const fromCli = JSON.parse(cli(['evaluate', `scenarios/${SEED}.json`, '--as-of', '2024-01-01', '--format', 'json']));
    expect(api).toEqual(fromCli);
  });

  it('names each provision in an explanation by id, citation and title, and gives its details once in provisions', async () => {
    const body = await (await post({ scenarioId: SEED, asOf: '2024-01-01', jurisdictions: ['KR', 'EU'] })).json();
    const named = new Set<string>();
    const visit = (x: unknown): void => {
      if (Array.isArray(x)) return x.forEach(visit);
      if (!x || typeof x !== 'object') return;
      for (const [k, v] of Object.entries(x)) {
        if (k === 'provision') {
          expect(Object.keys(v as object).sort()).toEqual(['citation', 'id', 'title']);
          named.add((v as { id: string }).id);
        } else visit(v);
      }
    };
    body.results.forEach((c: { explanation: unknown }) => visit(c.explanation));
    expect(named.size).toBeGreaterThan(20);
    expect(Object.keys(body.provisions).sort()).toEqual([...named].sort());
    const art15 = body.provisions['kr.pipa.art15.1'];
    expect(art15).toMatchObject({ id: 'kr.pipa.art15.1', citation: 'PIPA art. 15(1)', instrument: 'kr.pipa' });
    expect(art15.summary.length).toBeGreaterThan(40);
    expect(art15.source).toMatch(/^https:\/\/www\.law\.go\.kr\//);
    // Without explanations there is nothing to detail.
    expect((await (await post({ scenarioId: SEED, asOf: '2024-01-01', jurisdictions: ['KR'], explain: false })).json()).provisions).toBeUndefined();
  });

  it('takes jurisdictions, mode and a bundled scenario id, and can leave out explanations', async () => {
    const res = await post({ scenarioId: SEED, asOf: '2020-06-01', jurisdictions: ['KR', 'EU'], mode: 'actual', explain: false });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ scenario: SEED, asOf: '2020-06-01', mode: 'actual', jurisdictions: ['KR', 'EU'] });
    expect(body.results).toHaveLength(seedScenario().flows.length * 2);
    expect(body.results[0].explanation).toBeUndefined();
    const fromCli = JSON.parse(cli(['evaluate', `scenarios/${SEED}.json`, '--as-of', '2020-06-01', '--jurisdictions', 'KR,EU', '--mode', 'actual', '--format', 'json']));
    expect(body.results.map((r: { verdict: string }) => r.verdict)).toEqual(fromCli.results.map((r: { verdict: string }) => r.verdict));
  });

  it("defaults the date to today's date at the web edge", async () => {
    const body = await (await post({ scenarioId: SEED, jurisdictions: 'KR', explain: false })).json();
    expect(body.asOf).toBe(TODAY);
  });
});

describe('bad input to POST /api/evaluate gets a 4xx JSON error', () => {
  const withFacts = (facts: Record<string, unknown>) => ({ scenario: { ...seedScenario(), facts } });

  it('malformed JSON says where it breaks', async () => {
    await expectApiError(await post('{"scenario": {"id": }'), 400, 'invalid_json', /malformed JSON at line 1, column \d+/);
  });

  it('an empty body is refused', async () => {
    await expectApiError(await post(''), 400, 'invalid_json', /empty/);
  });

  it('an unknown fact names the nearest valid fact and where it is', async () => {
    const body = await expectApiError(await post(withFacts({ data: { categoriez: ['face_image'] } })), 422, 'unknown_fact', /did you mean data\.categories\?/);
    expect(body.error.path).toBe('scenario.facts.data.categoriez');
  });

  it('a value of the wrong type is refused', async () => {
    await expectApiError(await post(withFacts({ subjects: { large_scale: 'yes' } })), 422, 'invalid_value', /expected true or false/, 'scenario.facts.subjects.large_scale');
  });

  it('a value outside an enum names the nearest one', async () => {
    await expectApiError(await post(withFacts({ basis: { consent: 'seperate' } })), 422, 'invalid_value', /did you mean separate/);
  });

  it('a scenario missing a required field is refused with its path', async () => {
    const { flows: _flows, ...noFlows } = seedScenario();
    await expectApiError(await post({ scenario: noFlows }), 422, 'invalid_scenario', /missing required field "flows"/);
  });

  it('a bad date is refused', async () => {
    await expectApiError(await post({ scenarioId: SEED, asOf: '2024-02-30' }), 422, 'invalid_date', /not a valid date/, 'asOf');
    await expectApiError(await post({ scenarioId: SEED, asOf: 20240101 }), 422, 'invalid_date', undefined, 'asOf');
  });

  it('an unknown jurisdiction names the nearest code', async () => {
    await expectApiError(await post({ scenarioId: SEED, jurisdictions: ['KR', 'US-IK'] }), 422, 'unknown_jurisdiction', /US-IK; did you mean US-IL\?/, 'jurisdictions');
  });

  it('an unknown jurisdiction inside the scenario is refused', async () => {
    await expectApiError(await post({ scenario: { ...seedScenario(), jurisdictionFacts: { XX: { law: { statute_authorises: true } } } } }), 422, 'unknown_jurisdiction');
  });

  it('a bad mode, an unknown field, a missing scenario and a non-object body are refused', async () => {
    await expectApiError(await post({ scenarioId: SEED, mode: 'virtual' }), 422, 'invalid_mode', undefined, 'mode');
    await expectApiError(await post({ scenarioId: SEED, asof: '2024-01-01' }), 422, 'unknown_field', /did you mean asOf\?/);
    await expectApiError(await post({ asOf: '2024-01-01' }), 422, 'missing_scenario');
    await expectApiError(await post({ scenarioId: 'kr-immigration-face' }), 422, 'unknown_scenario', /did you mean kr-immigration-faces\?/);
    await expectApiError(await post([1, 2]), 422, 'invalid_request');
    await expectApiError(await post({ scenarioId: SEED, explain: 'yes' }), 422, 'invalid_value', undefined, 'explain');
  });

  it('a body over the size limit gets 413', async () => {
    const big = JSON.stringify({ scenario: { ...seedScenario(), summary: 'x'.repeat(300 * 1024) } });
    await expectApiError(await post(big), 413, 'payload_too_large');
  });

  it('nesting over the depth limit gets 400', async () => {
    const deep = `{"scenario": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    await expectApiError(await post(deep), 400, 'too_deep', /deeper than/);
  });

  it('a body that is not JSON gets 415', async () => {
    await expectApiError(await post('scenario=1', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
  });

  it('the server keeps serving after all of that', async () => {
    expect((await get('/api/jurisdictions')).status).toBe(200);
  });
});

describe('bad requests to the GET routes', () => {
  it('unknown provisions, scenarios and routes are 404 with a suggestion', async () => {
    await expectApiError(await get('/api/rules/kr.pipa.art23.2x'), 404, 'not_found');
    await expectApiError(await get('/api/scenarios/kr-immigration-face'), 404, 'not_found', /did you mean kr-immigration-faces\?/);
    await expectApiError(await get('/api/nothing-here'), 404, 'not_found');
  });

  it('bad filters are 400', async () => {
    await expectApiError(await get('/api/rules?jurisdiction=KX'), 400, 'unknown_jurisdiction', /did you mean/);
    await expectApiError(await get('/api/rules?asOf=yesterday'), 400, 'invalid_date');
    await expectApiError(await get('/api/rules?kind=rule'), 400, 'invalid_value');
    await expectApiError(await get('/api/rules?topic=consnet'), 400, 'invalid_value', /did you mean consent\?/);
  });

  it('a malformed URL escape is a 400, not a crash', async () => {
    const res = await get('/api/rules/%E0%A4%A');
    expect(res.status).toBe(400);
    expect((await get('/api/vocabulary')).status).toBe(200);
  });
});

describe('the on-record reading and the questions over the API', () => {
  const postTo = (path: string, body: unknown) => app.post(path, body);

  it('every cell of POST /api/evaluate carries the on-record reading beside the open one', async () => {
    const res = await post({ scenarioId: SEED, asOf: '2019-06-01', jurisdictions: ['KR', 'EU', 'US-IL'], explain: false });
    expect(res.status).toBe(200);
    const body = await res.json();
    for (const c of body.results) {
      expect(['forbidden', 'undetermined', 'allowed', 'not-covered']).toContain(c.record.verdict);
      expect(Array.isArray(c.record.decisive) && Array.isArray(c.record.presumptions) && Array.isArray(c.record.missing)).toBe(true);
      if (c.record.verdict === 'undetermined') expect(c.record.missing.length).toBeGreaterThan(0);
      expect(Array.isArray(c.checklist)).toBe(true);
      expect(c.verdict).toMatch(/^(forbidden|conditional|allowed|not-covered)$/);
    }
    const eu = body.results.find((c: { flow: string; jurisdiction: string }) => c.flow === 'collection' && c.jurisdiction === 'EU');
    expect(eu.record.verdict).toBe('forbidden');
    expect(eu.record.decisive.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining(['eu.gdpr.art9.1']));
    expect(eu.record.presumptions.map((p: { id: string }) => p.id)).toContain('eu.gdpr.art9.2.g');
  });

  it('POST /api/questions ranks the unknown facts by the cells one answer could settle, with where they move', async () => {
    const res = await postTo('/api/questions', { scenarioId: SEED, asOf: '2019-06-01', jurisdictions: ['KR', 'EU', 'UK'], limit: 3 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.questions).toHaveLength(3);
    const [first, second] = body.questions;
    expect(first.settles).toBeGreaterThanOrEqual(second.settles);
    for (const q of body.questions) {
      expect(typeof q.question).toBe('string');
      const moved = new Set(q.answers.flatMap((a: { moves: { flow: string; jurisdiction: string }[] }) => a.moves.map((m) => `${m.flow}|${m.jurisdiction}`)));
      expect(moved.size).toBe(q.settles);
    }
    await expectApiError(await postTo('/api/questions', { scenarioId: SEED, limit: 0 }), 422, 'invalid_value', /limit/, 'limit');
    await expectApiError(await postTo('/api/questions', { scenarioId: SEED, limt: 3 }), 422, 'unknown_field', /did you mean limit/, 'limt');
  });
});

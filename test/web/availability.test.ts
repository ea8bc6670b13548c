/**
 * Availability under hostile and heavy input (issue 12), probed with bounded
 * shapes: thousands of unknown fact names, huge echoed values, scenarios over the
 * work budget, floods of distinct dates, a full queue, one client over its rate,
 * a request that announces a body it never sends. Work is asserted through counts
 * (cells the workers evaluated, work units admitted, suggestions made), never a clock.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/index.ts';
import { MAX_ANSWER_BYTES, WORK_BUDGET } from '../../src/web/budget.ts';
import { MAX_PROBLEMS } from '../../src/web/errors.ts';
import { encodeScenario } from '../../src/web/share.ts';
import { SEED, rng, seedScenario, serveForTests, startApp, TODAY, type Running } from './fixtures.ts';

const app = serveForTests();
/** One app with the switches on (HSTS, a public origin) and short timeouts, shared by the tests of them. */
const configured = serveForTests(TODAY, { workers: 1, hsts: true, publicOrigin: 'https://lexflow.example' }, { requestMs: 1000, headersMs: 500 });

const stats = (r: Pick<Running, 'stats'> = app) => r.stats();
const post = (body: unknown, r: Pick<Running, 'post'> = app) => r.post('/api/evaluate', body);


function emptyFlows(n: number): Scenario {
  const seed = seedScenario();
  return { ...seed, id: 'empty-flows', facts: {}, jurisdictionFacts: {}, flows: Array.from({ length: n }, (_, i) => ({ id: `f${i}`, label: `flow ${i}`, facts: {} })) } as Scenario;
}

function unknownNames(n: number): Record<string, Record<string, boolean>> {
  const data: Record<string, boolean> = {};
  for (let i = 0; i < n; i++) data[`x${String(i).padStart(5, '0')}`.padEnd(100, 'q')] = true;
  return { data };
}

describe('unknown fact names and echoed values', () => {
  it('lists at most 50 problems, counts the rest, and suggests nothing past the cap', async () => {
    const res = await post({ scenario: { ...seedScenario(), facts: unknownNames(2300) } });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text.length).toBeLessThan(64 * 1024);
    const body = JSON.parse(text);
    expect(body.error.code).toBe('unknown_fact');
    expect(body.error.problems).toHaveLength(MAX_PROBLEMS);
    expect(body.error.moreProblems).toBe(2300 - MAX_PROBLEMS);
    expect(body.error.message).toMatch(/and 2299 more problems; the first 50 are listed/);
    expect(text.split('did you mean').length - 1).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
  });

  it('a share link full of unknown names gets the same bounded 4xx on a page', async () => {
    const s = encodeScenario({ ...seedScenario(), facts: unknownNames(400) } as Scenario);
    const res = await fetch(`${app.base}/custom?s=${s}`, { headers: { accept: 'text/html' } });
    expect([400, 413, 414, 422]).toContain(res.status);
    expect((await res.text()).length).toBeLessThan(64 * 1024);
  });

  it('a huge value is echoed cut short', async () => {
    const huge = 'v'.repeat(250_000);
    for (const facts of [{ recipient: { role: huge } }, { data: { categories: [huge] } }, { data: { anonymised: huge } }]) {
      const res = await post({ scenario: { ...seedScenario(), facts } });
      expect(res.status).toBe(422);
      const text = await res.text();
      expect(text.length).toBeLessThan(4096);
      expect(text).toMatch(/\(250002 characters\)|\(250004 characters\)/);
    }
    const field = await post({ scenarioId: SEED, [huge]: 1 });
    expect(field.status).toBe(422);
    expect((await field.text()).length).toBeLessThan(4096);
  });
});

describe('the work budget', () => {
  it('refuses scenarios over the budget before any evaluation, on the API and the exports', async () => {
    const before = stats();
    const res = await post({ scenario: emptyFlows(20) });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'over_budget', message: expect.stringMatching(/work units .* fewer jurisdictions/) });
    const s = encodeScenario(emptyFlows(20));
    for (const ext of ['json', 'md', 'csv']) {
      const exp = await fetch(`${app.base}/custom/export.${ext}?s=${s}`);
      expect(exp.status).toBe(422);
      await exp.arrayBuffer();
    }
    expect(stats().cells).toBe(before.cells);
    expect(stats().tasks).toBe(before.tasks);
  });

  it('the same scenario fits when fewer jurisdictions are asked for, and its matrix page always fits', async () => {
    const res = await post({ scenario: emptyFlows(20), jurisdictions: ['SG'], explain: false });
    expect(res.status).toBe(200);
    expect((await res.json()).results).toHaveLength(20);
    const page = await fetch(`${app.base}/custom?s=${encodeScenario(emptyFlows(20))}`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    await page.text();
  });

  it('ranks the questions of a scenario page only where their cost fits: the seed yes, twenty flows that state nothing no', async () => {
    const asOf = '2024-02-11';
    const before = stats().tasks;
    const full = await (await fetch(`${app.base}/custom?s=${encodeScenario(emptyFlows(20))}&asOf=${asOf}`, { headers: { accept: 'text/html' } })).text();
    expect(full).toContain('ranking them would cost more work than one request may use');
    expect(full).not.toContain('id="questions-heading"');
    // One task for the matrix alone: the questions were refused before any work.
    expect(stats().tasks - before).toBe(1);
    const one = await (await fetch(`${app.base}/custom?s=${encodeScenario(emptyFlows(1))}&asOf=${asOf}`, { headers: { accept: 'text/html' } })).text();
    expect(one).toContain('id="questions-heading"');
    const seed = await (await fetch(`${app.base}/scenarios/${SEED}?asOf=${asOf}`, { headers: { accept: 'text/html' } })).text();
    expect(seed).toContain('id="questions-heading"');
  });

  it('a bounded fuzz of shapes: every answer 200 or 4xx, bounded in size, and no admitted request over the budget', async () => {
    const r = rng(12);
    const seed = seedScenario();
    const codes = ['KR', 'EU', 'UK', 'US', 'US-IL', 'US-TX', 'US-WA', 'US-CA', 'US-CO', 'CN', 'JP', 'BR', 'IN', 'CA', 'CA-QC', 'AU', 'SG'];
    for (let i = 0; i < 10; i++) {
      const flows = Array.from({ length: 1 + Math.floor(r() * 20) }, (_, k) => (r() < 0.5 ? { ...seed.flows[k % seed.flows.length], id: `s${k}` } : { id: `e${k}`, label: 'empty', facts: {} }));
      const jurisdictions = codes.filter(() => r() < 0.5);
      const body = { scenario: { ...seed, flows, ...(r() < 0.5 ? { facts: {} } : {}) }, asOf: `2023-0${1 + (i % 9)}-15`, ...(jurisdictions.length ? { jurisdictions } : {}), explain: r() < 0.5 };
      const before = stats().cells;
      const res = await post(body);
      const text = await res.text();
      expect(res.status === 200 || (res.status >= 400 && res.status < 500), `#${i}: ${res.status} ${text.slice(0, 200)}`).toBe(true);
      expect(text.length).toBeLessThanOrEqual(MAX_ANSWER_BYTES);
      // Cells evaluated for this request: at most its own flows x jurisdictions.
      expect(stats().cells - before).toBeLessThanOrEqual(flows.length * (jurisdictions.length || codes.length));
      if (res.status !== 200) expect(JSON.parse(text).error.code).toMatch(/over_budget|invalid|unknown/);
    }
    expect(stats().maxUnits).toBeLessThanOrEqual(WORK_BUDGET);
  });

  it('explains the cells asked for by name, exactly as explain: true would', async () => {
    const flow = seedScenario().flows[1].id;
    const body = await (await post({ scenarioId: SEED, asOf: '2024-01-01', jurisdictions: ['KR', 'EU'], explain: [{ flow, jurisdiction: 'EU' }] })).json();
    const all = await (await post({ scenarioId: SEED, asOf: '2024-01-01', jurisdictions: ['KR', 'EU'] })).json();
    const explained = body.results.filter((c: { explanation?: unknown }) => c.explanation !== undefined);
    expect(explained.map((c: { flow: string; jurisdiction: string }) => `${c.flow}/${c.jurisdiction}`)).toEqual([`${flow}/EU`]);
    expect(explained[0]).toEqual(all.results.find((c: { flow: string; jurisdiction: string }) => c.flow === flow && c.jurisdiction === 'EU'));
    for (const bad of [[], [{ flow: 'nope', jurisdiction: 'KR' }], [{ flow, jurisdiction: 'JP' }], [{ flow }], Array(21).fill({ flow, jurisdiction: 'KR' })]) {
      const res = await post({ scenarioId: SEED, jurisdictions: ['KR', 'EU'], explain: bad });
      expect(res.status).toBe(422);
      expect((await res.json()).error.path).toMatch(/^explain/);
    }
  });
});

describe('request fields', () => {
  it('an empty list of jurisdictions is refused, not read as all', async () => {
    const res = await post({ scenarioId: SEED, jurisdictions: [] });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_value', path: 'jurisdictions', message: expect.stringMatching(/leave the field out/) });
  });

  it('a scenarioId that is not text is invalid, not missing', async () => {
    for (const scenarioId of [7, null, [SEED], {}]) {
      const res = await post({ scenarioId });
      expect(res.status).toBe(422);
      expect((await res.json()).error).toMatchObject({ code: 'invalid_value', path: 'scenarioId' });
    }
  });
});

describe('headers', () => {
  it('share-link pages, the builder and exports are not stored; the public pages may be', async () => {
    const s = encodeScenario(seedScenario());
    for (const path of [`/custom?s=${s}`, `/custom/export.json?s=${s}&j=KR`, `/builder?s=${s}`, `/scenarios/${SEED}/export.csv?j=KR`, `/builder/download?s=${s}`]) {
      const res = await fetch(`${app.base}${path}`);
      expect(res.headers.get('cache-control'), path).toBe('private, no-store');
      await res.arrayBuffer();
    }
    const home = await fetch(`${app.base}/`);
    expect(home.headers.get('cache-control')).not.toBe('private, no-store');
    await home.text();
  });

  it('frames are refused consistently, and HSTS is off unless switched on', async () => {
    const res = await fetch(`${app.base}/`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('strict-transport-security')).toBeNull();
    await res.text();
    const r = await fetch(`${configured.base}/`);
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=31536000; includeSubDomains/);
    await r.text();
  });

  it("the builder's link to copy never comes from the Host header", async () => {
    const s = encodeScenario(seedScenario());
    const html = await (await fetch(`${app.base}/builder?s=${s}`, { headers: { host: 'evil.example' } })).text();
    const value = /id="share-link"[^>]*value="([^"]*)"/.exec(html)?.[1];
    expect(value).toMatch(/^\/builder\?s=/);
    expect(html).not.toContain('evil.example');
    const other = await (await fetch(`${configured.base}/builder?s=${s}`, { headers: { host: 'evil.example' } })).text();
    expect(/id="share-link"[^>]*value="([^"]*)"/.exec(other)?.[1]).toMatch(/^https:\/\/lexflow\.example\/builder\?s=/);
  });
});

describe('the cache', () => {
  it("a flood of distinct dates does not evict the home page's matrices", async () => {
    const small = await startApp(TODAY, { workers: 1, cacheEntries: 4 });
    try {
      await (await fetch(`${small.base}/`)).text();
      const warm = stats(small).tasks;
      await (await fetch(`${small.base}/`)).text();
      expect(stats(small).tasks).toBe(warm);
      for (let d = 1; d <= 12; d++) await (await fetch(`${small.base}/scenarios/${SEED}?asOf=2023-03-${String(d).padStart(2, '0')}`)).text();
      const flooded = stats(small).tasks;
      expect(flooded).toBe(warm + 12);
      expect(stats(small).cached).toBeLessThanOrEqual(4);
      await (await fetch(`${small.base}/`)).text();
      expect(stats(small).tasks).toBe(flooded);
      // The LRU itself: the oldest date was evicted, so it is evaluated again.
      await (await fetch(`${small.base}/scenarios/${SEED}?asOf=2023-03-01`)).text();
      expect(stats(small).tasks).toBe(flooded + 1);
    } finally {
      await small.close();
    }
  });
});

describe('overload', () => {
  it('refuses work beyond the queue with 503 and Retry-After, and keeps serving', async () => {
    const busy = await startApp(TODAY, { workers: 1, maxQueue: 1 });
    try {
      const seed = seedScenario();
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => post({ scenario: { ...seed, id: `load-${i}` }, asOf: `2022-02-0${i + 1}`, explain: false }, busy)));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      const refused = answers.find((a) => a.status === 503)!;
      expect(refused.headers.get('retry-after')).toBe('2');
      expect((await refused.json()).error.code).toBe('busy');
      await Promise.all(answers.map((a) => a.arrayBuffer().catch(() => undefined)));
      expect((await fetch(`${busy.base}/`)).status).toBe(200);
      expect((await post({ scenarioId: SEED, jurisdictions: ['KR'], explain: false }, busy)).status).toBe(200);
    } finally {
      await busy.close();
    }
  });

  it('limits one client to its rate on the routes that evaluate, with 429 and Retry-After', async () => {
    const limited = await startApp(TODAY, { workers: 1, ratePerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await post({ scenarioId: SEED, jurisdictions: ['KR'], explain: false }, limited)).status).toBe(200);
      const over = await post({ scenarioId: SEED, jurisdictions: ['KR'], explain: false }, limited);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await over.json()).error.code).toBe('rate_limited');
      const page = await fetch(`${limited.base}/scenarios/${SEED}`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(429);
      await page.text();
      expect((await fetch(`${limited.base}/rules`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('cuts off a request that announces a body it never sends', async () => {
    {
      const { port } = new URL(configured.base);
      const answer = await new Promise<string>((resolve) => {
        let text = '';
        const sock = connect(Number(port), '127.0.0.1', () => sock.write('POST /api/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"scenarioId":'));
        sock.on('data', (d) => (text += d.toString()));
        sock.on('close', () => resolve(text));
        sock.on('error', () => resolve(text));
        // A guard against a hang, far beyond the 1 s timeout, not a measurement.
        setTimeout(() => { sock.destroy(); resolve('still open'); }, 20_000);
      });
      expect(answer).not.toBe('still open');
      expect(answer === '' || /^HTTP\/1\.1 408/.test(answer)).toBe(true);
    }
  });
});

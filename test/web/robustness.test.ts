/**
 * A bounded fuzz of the web edge: odd inputs (wrong types at every level of a
 * scenario, prototype-pollution keys, deep nesting, huge and unicode strings,
 * malformed dates, odd path and query values, damaged share codes, a deflate
 * bomb, odd uploads) thrown at the API, the pages, the builder and the exports.
 * Every answer must be a 4xx or 2xx/3xx, never a 500, a stack trace or a hang;
 * HTML must not carry the injected markup unescaped; the server keeps serving.
 * Fixed seeds and a few hundred requests to 127.0.0.1 keep it deterministic and quick.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeScenario } from '../../src/web/share.ts';
import { MAX_FLOWS } from '../../src/web/input.ts';
import { WORK_BUDGET } from '../../src/web/budget.ts';
import type { Scenario } from '../../src/engine/index.ts';
import { SEED, rng, seedScenario, serveForTests } from './fixtures.ts';

const app = serveForTests();

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

/** Markup that must never come back unescaped. */
const XSS = '<script>lxfx(1)</script>';
const XSS_ATTR = '"><img src=x onerror=lxfx(2)>';
const UNESCAPED = /<script>lxfx|<img src=x onerror/i;
const STACK = /\n\s+at \S|\bat [^\n]*\.ts:\d+|\.ts:\d+:\d+|node_modules\//;
/** A request that takes longer than this counts as a hang. */
const HANG_MS = 8000;

interface Failure {
  what: string;
  status: number;
  problem: string;
  body: string;
}

async function probe(failures: Failure[], what: string, path: string, init: RequestInit = {}): Promise<Response | undefined> {
  let res: Response;
  let body: string;
  try {
    res = await app.get(path, { redirect: 'manual', signal: AbortSignal.timeout(HANG_MS), ...init });
    body = await res.text();
  } catch (e) {
    failures.push({ what, status: 0, problem: `no answer within ${HANG_MS} ms: ${(e as Error).message}`, body: '' });
    return undefined;
  }
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`status ${res.status}`);
  if (STACK.test(body)) problems.push('stack trace in body');
  const type = res.headers.get('content-type') ?? '';
  if (/html/.test(type)) {
    if (UNESCAPED.test(body)) problems.push('unescaped user markup in HTML');
    const csp = res.headers.get('content-security-policy') ?? '';
    if (!/script-src 'self'(;|$)/.test(csp) || /unsafe-inline|unsafe-eval/.test(csp)) problems.push(`weak CSP: ${csp}`);
  }
  if (res.status >= 400 && path.startsWith('/api/') && init.method !== 'HEAD') {
    try {
      const j = JSON.parse(body) as { error?: { code?: unknown; message?: unknown; path?: unknown } };
      if (typeof j.error?.code !== 'string' || typeof j.error?.message !== 'string' || typeof j.error?.path !== 'string') problems.push('API error without {error: {code, message, path}}');
    } catch {
      problems.push('API error that is not JSON');
    }
  }
  // Cost is bounded by counting work, not by a clock (a shared machine's timings say little):
  // no request the server admitted may exceed the work budget.
  const units = app.stats().maxUnits;
  if (units > WORK_BUDGET) problems.push(`admitted ${Math.round(units)} work units, over the budget of ${WORK_BUDGET}`);
  for (const problem of problems) failures.push({ what, status: res.status, problem, body: body.slice(0, 300) });
  return new Response(body, { status: res.status, headers: res.headers });
}

async function stillServes(): Promise<void> {
  const api = await app.post('/api/evaluate', { scenarioId: SEED, jurisdictions: ['KR'] });
  expect(api.status).toBe(200);
  expect((await api.json()).results.length).toBeGreaterThan(0);
  const page = await app.get(`/scenarios/${SEED}`, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<table');
}

function report(failures: Failure[]): string {
  return failures.map((f) => `${f.what} -> ${f.status}: ${f.problem}\n    ${f.body.replace(/\n/g, ' ')}`).join('\n');
}

/** Odd values: wrong types, empty, huge, unicode, markup, pollution objects. */
const ODD: readonly unknown[] = [
  null,
  0,
  -1,
  1.5e308,
  true,
  '',
  ' ',
  'x'.repeat(20_000),
  '\u0000\u202e\ud83d\ude00\ufeff',
  '\ud800',
  XSS,
  XSS_ATTR,
  '__proto__',
  'constructor',
  [],
  [null],
  [1, 'a', {}],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  { toString: 1, valueOf: 'x', hasOwnProperty: null },
];

function deep(levels: number, leaf: unknown = 1): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Every path (list of keys) into a JSON value, to a bounded depth. */
function paths(value: unknown, depth = 6, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (depth === 0 || value === null || typeof value !== 'object') return out;
  const entries = Array.isArray(value) ? value.slice(0, 2).map((v, i) => [i, v] as const) : Object.entries(value);
  for (const [k, v] of entries) out.push(...paths(v, depth - 1, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

/** JSON text with a pollution key injected at a path (JSON.stringify keeps an own __proto__). */
function withKey(root: unknown, path: (string | number)[], key: string, value: unknown): string {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at: unknown = copy;
  for (const k of path) at = (at as Record<string | number, unknown>)[k];
  if (at && typeof at === 'object' && !Array.isArray(at)) Object.defineProperty(at, key, { value, enumerable: true, configurable: true, writable: true });
  return JSON.stringify(copy);
}

const evaluate = (failures: Failure[], what: string, body: string, type = 'application/json', extra: Record<string, string> = {}) =>
  probe(failures, what, '/api/evaluate', { method: 'POST', headers: { 'content-type': type, ...extra }, body });

describe('POST /api/evaluate with odd scenarios', () => {
  it('answers every mutated scenario with a 4xx or a result, never a 500', async () => {
    const failures: Failure[] = [];
    const seed = seedScenario();
    const all = paths(seed);
    const r = rng(20240601);
    for (let i = 0; i < 110; i++) {
      const path = pick(r, all);
      const odd = pick(r, ODD);
      const scenario = setAt(seed, path, odd);
      await evaluate(failures, `scenario.${path.join('.')} = ${JSON.stringify(odd)?.slice(0, 40)}`, JSON.stringify({ scenario, jurisdictions: ['KR', 'EU'] }));
    }
    const objects = all.filter((p) => {
      let v: unknown = seed;
      for (const k of p) v = (v as Record<string | number, unknown>)[k];
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    const r2 = rng(7);
    for (let i = 0; i < 30; i++) {
      const path = pick(r2, objects);
      const key = pick(r2, ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', XSS]);
      const value = pick(r2, [{ polluted: true }, { prototype: { polluted: true } }, 1, null, XSS]);
      await evaluate(failures, `${key} at scenario.${path.join('.')}`, `{"scenario": ${withKey(seed, path, key, value)}}`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(report(failures)).toBe('');
    await stillServes();
  });

  it('answers odd request bodies and fields with a 4xx', async () => {
    const failures: Failure[] = [];
    const seed = seedScenario();
    const bodies: [string, string][] = [
      ['empty', ''],
      ['null', 'null'],
      ['array', '[]'],
      ['string', '"x"'],
      ['number', '12'],
      ['truncated', JSON.stringify({ scenario: seed }).slice(0, 500)],
      ['bad escape', '{"scenario": "\\x41"}'],
      ['lone surrogate', '{"scenarioId": "\ud800"}'],
      ['BOM', `\ufeff${JSON.stringify({ scenarioId: SEED, jurisdictions: ['KR'] })}`],
      ['deep arrays', '['.repeat(100_000)],
      ['deep arrays closed', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
      ['deep scenario', JSON.stringify({ scenario: { ...seed, facts: deep(200) } })],
      ['deep field', `{"asOf": ${'['.repeat(40)}1${']'.repeat(40)}}`],
      ['too large', JSON.stringify({ scenario: { ...seed, summary: 'x'.repeat(300_000) } })],
      ['pollution top', '{"__proto__": {"polluted": true}, "scenarioId": "kr-immigration-faces"}'],
      ['constructor top', '{"constructor": {"prototype": {"polluted": true}}, "scenarioId": "kr-immigration-faces"}'],
      ['duplicate keys', `{"scenarioId": "nope", "scenarioId": "${SEED}", "jurisdictions": "KR"}`],
      ['unknown field xss', `{"${XSS}": 1}`],
    ];
    for (const [what, body] of bodies) await evaluate(failures, what, body);
    const fields: Record<string, unknown>[] = [];
    for (const asOf of ['2019-02-30', '0000-00-00', '0000-01-01', '9999-12-31', '1970-01-01', '2024-13-01', '2024-1-1', '99999-01-01', '+002024-01-01', '2024-06-01T00:00:00Z', 20240601, null, [], {}, ['2024-01-01'], XSS, 'x'.repeat(10_000)]) fields.push({ scenarioId: SEED, asOf });
    for (const jurisdictions of ['ZZ', ['ZZ'], [null], [1], [[]], [{}], {}, 5, true, null, ['KR', 'KR', 'kr'], 'KR,,EU', ['__proto__'], ['constructor'], [XSS], ['x'.repeat(10_000)], Array(2000).fill('KR'), []]) fields.push({ scenarioId: SEED, jurisdictions });
    for (const mode of ['', 'ACTUAL', 'both', null, 1, ['actual'], {}, XSS]) fields.push({ scenarioId: SEED, mode, jurisdictions: ['KR'] });
    for (const explain of ['true', 1, null, [], {}]) fields.push({ scenarioId: SEED, explain });
    for (const scenarioId of ['', 'nope', '__proto__', 'constructor', 'toString', 'x'.repeat(50_000), 1, null, [], {}, [SEED], XSS, '../../package.json']) fields.push({ scenarioId });
    for (const scenario of ODD) fields.push({ scenario });
    fields.push({ scenario: { ...seed, flows: [...seed.flows, seed.flows[0]] } });
    fields.push({ scenario: { ...seed, flows: [] } });
    fields.push({ scenario: { ...seed, jurisdictionFacts: { ZZ: {} } } });
    fields.push({ scenario: { ...seed, jurisdictionFacts: { KR: { law: { nope: true } }, 'US-ZZ': {} } } });
    fields.push({ scenario: { ...seed, flows: seed.flows.map((f) => ({ ...f, jurisdictionFacts: { XX: { law: {} } } })) } });
    fields.push({ scenario: { ...seed, facts: { data: { categories: 'face_image' } } } });
    fields.push({ scenario: { ...seed, facts: { data: { categories: ['face_image', 'face_image', 7, null] } } } });
    fields.push({ scenario: { ...seed, facts: { ['x'.repeat(100_000)]: { ['y'.repeat(100_000)]: true } } } });
    fields.push({ scenario: { ...seed, facts: { data: { ['y'.repeat(200_000)]: true } } } });
    fields.push({ scenario: { ...seed, id: 'X Y', title: '' } });
    fields.push({ scenario: { ...seed, sources: [{ title: XSS, url: 'javascript:alert(1)' }] } });
    fields.push({ scenario: { ...seed, parties: [{ id: 'a', name: XSS }, { id: 'a', name: 'dup' }] } });
    fields.push({ scenario: { ...seed, flows: seed.flows.map((f) => ({ ...f, sender: 'nobody' })) } });
    fields.push({ scenario: seed, scenarioId: SEED, jurisdictions: ['KR'], extra: 1 });
    for (const [i, body] of fields.entries()) await evaluate(failures, `fields #${i} ${JSON.stringify(body).slice(0, 80)}`, JSON.stringify(body));
    const types = ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/json; charset=nope', 'application/merge-patch+json', 'multipart/form-data', ';;;', 'application/json; charset="'];
    for (const type of types) await evaluate(failures, `content-type ${type}`, JSON.stringify({ scenarioId: SEED, jurisdictions: ['KR'] }), type);
    await evaluate(failures, 'content-encoding gzip garbage', 'not gzip', 'application/json', { 'content-encoding': 'gzip' });
    await evaluate(failures, 'content-encoding unknown', '{}', 'application/json', { 'content-encoding': 'zstd-nope' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(report(failures)).toBe('');
    await stillServes();
  });

  it('refuses scenarios big enough to stall the server before any evaluation, and evaluates the largest accepted one', async () => {
    const failures: Failure[] = [];
    const seed = seedScenario();
    const before = app.stats();
    // Thousands of flows: each costs about 0.1 s with explanations (this used to block the server for minutes).
    const flows = Array.from({ length: 3000 }, (_, i) => ({ id: `f${i}`, label: 'x', facts: {} }));
    let res = await evaluate(failures, `${flows.length} flows`, JSON.stringify({ scenario: { ...seed, flows } }));
    expect(res?.status).toBe(422);
    expect(await res?.json()).toMatchObject({ error: { code: 'too_many_flows', path: 'scenario.flows' } });
    // Long unknown party names against many long party ids: "did you mean" is quadratic (this took seconds).
    const parties = Array.from({ length: 1000 }, (_, i) => ({ id: `${i}`.padEnd(200, 'p'), name: 'x' }));
    const referring = seed.flows.map((f) => ({ ...f, sender: 'q'.repeat(200), recipient: 'r'.repeat(200) }));
    res = await evaluate(failures, 'long unknown parties', JSON.stringify({ scenario: { ...seed, parties, flows: referring } }));
    expect(res?.status).toBe(422);
    res = await evaluate(failures, 'long party references', JSON.stringify({ scenario: { ...seed, flows: referring } }));
    expect(res?.status).toBe(422);
    // A long unknown fact name: suggesting the nearest of the vocabulary took seconds.
    res = await evaluate(failures, 'long fact name', JSON.stringify({ scenario: { ...seed, facts: { data: { ['y'.repeat(240_000)]: true } } } }));
    expect(res?.status).toBe(422);
    // The refusals come from the bounds on flows, parties and names, checked before the pool is
    // asked: they cost no evaluation work at all.
    const after = app.stats();
    expect({ tasks: after.tasks, cells: after.cells }).toEqual({ tasks: before.tasks, cells: before.cells });
    // An object where a set member is expected used to crash the fact check (500).
    res = await evaluate(failures, 'object in a set', JSON.stringify({ scenario: { ...seed, facts: { data: { categories: [{ toString: 1 }] } } } }));
    expect(res?.status).toBe(422);
    const most = Array.from({ length: MAX_FLOWS }, (_, i) => ({ ...seed.flows[i % seed.flows.length], id: `flow-${i}` }));
    res = await evaluate(failures, `${most.length} flows`, JSON.stringify({ scenario: { ...seed, flows: most }, jurisdictions: ['KR', 'EU', 'US-CA'] }));
    expect(res?.status).toBe(200);
    expect(report(failures)).toBe('');
    await stillServes();
  });
});

describe('GET routes with odd path and query values', () => {
  it('answers odd ids, flows, jurisdictions and view parameters with a 4xx or a page', async () => {
    const failures: Failure[] = [];
    const seed = seedScenario();
    const flow = seed.flows[0].id;
    const long = 'a'.repeat(8000);
    const ids = ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '%00', '%E0%A4%A', '%', '%ZZ', '..%2F..%2Fpackage.json', '%2e%2e', encodeURIComponent(XSS), encodeURIComponent(XSS_ATTR), long, '%F0%9F%98%80', 'kr.pipa.art-17%0d%0aSet-Cookie:%20x=1'];
    for (const id of ids) {
      await probe(failures, `api rule ${id.slice(0, 40)}`, `/api/rules/${id}`);
      await probe(failures, `api scenario ${id.slice(0, 40)}`, `/api/scenarios/${id}`);
      await probe(failures, `scenario page ${id.slice(0, 40)}`, `/scenarios/${id}`, { headers: { accept: 'text/html' } });
      await probe(failures, `provision page ${id.slice(0, 40)}`, `/provisions/${id}`, { headers: { accept: 'text/html' } });
      await probe(failures, `jurisdiction page ${id.slice(0, 40)}`, `/rules/${id}`, { headers: { accept: 'text/html' } });
      await probe(failures, `cell flow ${id.slice(0, 40)}`, `/scenarios/${SEED}/cell/${id}/KR`, { headers: { accept: 'text/html' } });
      await probe(failures, `cell code ${id.slice(0, 40)}`, `/scenarios/${SEED}/cell/${flow}/${id}`, { headers: { accept: 'text/html' } });
    }
    const x = encodeURIComponent(XSS);
    const queries = [
      `asOf=2019-02-30`,
      `asOf=0000-00-00`,
      `asOf=0000-01-01&j=KR`,
      `asOf=9999-12-31&j=KR`,
      `asOf=2024-06-01&asOf=2024-06-02`,
      `asOf=${x}`,
      `asOf=${long}`,
      `j=KR&j=EU`,
      `j=KR&j=${x}`,
      `j=${x}`,
      `j=__proto__`,
      `j=constructor`,
      `j=${long}`,
      `j=,,,`,
      `j=KR,${'KR,'.repeat(1500)}`,
      `mode=actual&mode=transplant`,
      `mode=${x}`,
      `mode=${long}`,
      `__proto__[polluted]=1&constructor[prototype][polluted]=1`,
      `asOf[]=1&j[a]=KR&mode[]=x`,
      `s=${x}`,
      `download=0&download=1`,
      `%E0%A4%A=1`,
      `asOf=%E0%A4%A`,
      `flow=${x}&from=${x}`,
    ];
    const pages = [`/scenarios/${SEED}`, `/scenarios/${SEED}/cell/${flow}/KR`, `/scenarios/${SEED}/export.md`, `/scenarios/${SEED}/export.csv`, `/scenarios/${SEED}/export.json`, '/compare', '/builder', '/api/rules'];
    for (const q of queries) {
      for (const p of pages) {
        // Exports of every jurisdiction take a few hundred ms; a valid one is enough per query.
        const query = p.includes('/export.') && !/(^|&)j=/.test(q) ? `${q}&j=KR` : q;
        await probe(failures, `${p}?${query.slice(0, 60)}`, `${p}?${query}`, { headers: { accept: 'text/html' } });
      }
    }
    for (const q of ['jurisdiction=ZZ', 'jurisdiction=KR&jurisdiction=EU', 'kind=scope&kind=scope', `kind=${x}`, 'topic=__proto__', 'topic=a&topic=b', `topic=${long}`, 'asOf=', 'asOf=2019-02-29']) {
      await probe(failures, `/api/rules?${q.slice(0, 40)}`, `/api/rules?${q}`);
    }
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
      await probe(failures, `${method} /api/evaluate`, '/api/evaluate', { method });
      await probe(failures, `${method} /builder`, '/builder', { method, headers: { accept: 'text/html' } });
    }
    for (const accept of ['', '*/*', 'application/json', 'text/html;q=0', 'garbage;;;q=x', XSS]) {
      await probe(failures, `accept ${accept}`, `/scenarios/nope?asOf=${x}`, { headers: { accept } });
    }
    await probe(failures, 'static traversal', '/static/..%2F..%2Fpackage.json');
    await probe(failures, 'static bad encoding', '/static/%E0%A4%A');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(report(failures)).toBe('');
    await stillServes();
  });
});

/** A share code for arbitrary JSON text. */
const share = (text: string) => deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url');

describe('share links, the builder, uploads and exports', () => {
  it('answers damaged and hostile share codes with a 4xx', async () => {
    const failures: Failure[] = [];
    const seed = seedScenario();
    const good = encodeScenario(seed);
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024, 0x20), { level: 9 }).toString('base64url');
    const r = rng(99);
    const codes: [string, string][] = [
      ['garbage', 'not a share code!'],
      ['empty', ''],
      ['truncated', good.slice(0, Math.floor(good.length / 2))],
      ['one char', 'A'],
      ['padded base64', `${Buffer.from('hello').toString('base64')}==`],
      ['base64 of text', Buffer.from('{"hello": 1}').toString('base64url')],
      ['base64 of random bytes', Buffer.from(Array.from({ length: 300 }, () => Math.floor(r() * 256))).toString('base64url')],
      ['deflate of garbage', share('this is not json')],
      ['deflate of array', share('[]')],
      ['deflate of null', share('null')],
      ['deflate of deep json', share('['.repeat(100_000))],
      ['deflate of deep closed json', share(`${'['.repeat(60_000)}${']'.repeat(60_000)}`)],
      ['deflate of pollution', share(`{"__proto__": {"polluted": true}, ${JSON.stringify(seed).slice(1)}`)],
      ['deflate of xss scenario', share(JSON.stringify({ ...seed, title: XSS, summary: XSS_ATTR, flows: seed.flows.map((f) => ({ ...f, label: XSS, note: XSS_ATTR })), parties: seed.parties.map((p) => ({ ...p, name: XSS })) }))],
      ['deflate of dup flows', share(JSON.stringify({ ...seed, flows: [seed.flows[0], seed.flows[0]] }))],
      ['deflate bomb', bomb.slice(0, 12_000)],
      ['too long', 'A'.repeat(12_001)],
      ['flipped bits', good.slice(0, 20) + (good[20] === 'A' ? 'B' : 'A') + good.slice(21)],
    ];
    for (const [what, s] of codes) {
      for (const p of ['/custom', `/custom/cell/${seed.flows[0].id}/KR`, '/custom/export.md', '/custom/export.csv', '/custom/export.json', '/builder', '/builder/download']) {
        await probe(failures, `${p} s=${what}`, `${p}?s=${encodeURIComponent(s)}`, { headers: { accept: 'text/html' } });
      }
      await probe(failures, `POST /builder s=${what}`, '/builder', { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ s }).toString() });
    }
    await probe(failures, 'repeated s', `/custom?s=${good}&s=${good}`, { headers: { accept: 'text/html' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(report(failures)).toBe('');
    await stillServes();
  });

  it('answers odd builder forms with a 4xx or a redirect', async () => {
    const failures: Failure[] = [];
    const seed = seedScenario();
    const s = encodeScenario(seed);
    const r = rng(4242);
    const names = ['flow', 'title', 'summary', 'flowLabel', 'action', 'jcodes', 'asOf', 'j', 'mode', 'f:data.categories', 'k:data.categories', 'f:__proto__', '__proto__', 'constructor', 'j:KR:law.nope', 'f:subjects.count', 'f:data.subjects', 'j:KR:law.adequacy'];
    const values = ['', ' ', XSS, XSS_ATTR, 'x'.repeat(5000), 'true', 'maybe', '1e400', '-0', 'NaN', '2019-02-30', 'add-flow', 'remove-flow', 'goto:', 'goto:__proto__', 'known', 'KR,ZZ', '__proto__', '\ud800', '1e308', '-5', '0x10', 'face_image'];
    for (let i = 0; i < 60; i++) {
      const form = new URLSearchParams({ s });
      const n = 1 + Math.floor(r() * 4);
      for (let k = 0; k < n; k++) form.append(pick(r, names), pick(r, values));
      await probe(failures, `POST /builder ${form.toString().slice(s.length + 3, s.length + 120)}`, '/builder', {
        method: 'POST',
        headers: { accept: i % 2 ? 'application/json' : 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
    }
    const many = new URLSearchParams({ s });
    for (let i = 0; i < 6000; i++) many.append(`p${i}`, '1');
    await probe(failures, 'POST /builder with too many parameters', '/builder', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: many.toString() });
    await probe(failures, 'POST /builder with JSON', '/builder', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ s }) });
    await probe(failures, 'POST /builder without body', '/builder', { method: 'POST' });
    await probe(failures, 'POST /builder huge', '/builder', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `s=${s}&title=${'x'.repeat(300_000)}` });
    await probe(failures, 'GET /builder from odd', `/builder?from=${encodeURIComponent(XSS)}`, { headers: { accept: 'text/html' } });
    await probe(failures, 'GET /builder from array', '/builder?from=blank&from=blank', { headers: { accept: 'text/html' } });
    await probe(failures, 'GET /builder flow odd', `/builder?s=${s}&flow=${encodeURIComponent(XSS)}`, { headers: { accept: 'text/html' } });
    expect(report(failures)).toBe('');
    await stillServes();
  });

  it('answers odd uploads with a 4xx or a redirect', async () => {
    const failures: Failure[] = [];
    const seed = seedScenario();
    const json = JSON.stringify(seed);
    const multipart = (boundary: string, parts: string) => ({ method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: parts });
    const part = (b: string, name: string, text: string, filename?: string) =>
      `--${b}\r\nContent-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"` : ''}\r\nContent-Type: application/json\r\n\r\n${text}\r\n`;
    const b = 'XyZ';
    const uploads: [string, RequestInit][] = [
      ['good', multipart(b, `${part(b, 'file', json, 'a.json')}--${b}--\r\n`)],
      ['xss file name and text', multipart(b, `${part(b, 'file', `{"id": "${XSS}"}`, XSS)}--${b}--\r\n`)],
      ['empty', multipart(b, '')],
      ['no closing boundary', multipart(b, part(b, 'file', json))],
      ['no header split', multipart(b, `--${b}\r\nfile\r\n--${b}--`)],
      ['boundary only', multipart(b, `--${b}--`)],
      ['boundary at end', multipart(b, `--${b}`)],
      ['boundary twice no crlf', multipart(b, `--${b}--${b}`)],
      ['tiny parts', multipart(b, `--${b}\r\n\r\n--${b}\r\n--${b}--`)],
      ['no boundary param', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: json }],
      ['quoted empty boundary', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=""' }, body: json }],
      ['long boundary', multipart('q'.repeat(5000), `${part('q'.repeat(5000), 'file', json)}--${'q'.repeat(5000)}--`)],
      ['json part garbage', multipart(b, `${part(b, 'json', '{"a":')}--${b}--\r\n`)],
      ['deep json part', multipart(b, `${part(b, 'json', '['.repeat(100_000))}--${b}--\r\n`)],
      ['pollution', multipart(b, `${part(b, 'json', `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}`)}--${b}--\r\n`)],
      ['binary', multipart(b, `${part(b, 'file', '\u0000\u00ff\ufffd'.repeat(100))}--${b}--\r\n`)],
      ['form urlencoded', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ json: '[]' }).toString() }],
      ['form urlencoded repeated', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'json=1&json=2&json=%E0%A4%A' }],
      ['json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id": 1}' }],
      ['json array', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[[[[]]]]' }],
      ['text', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: json }],
      ['no type', { method: 'POST', body: new Uint8Array([1, 2, 3]) }],
      ['too large', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(300_000)}"` }],
      ['gzip garbage', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'nope' }],
    ];
    for (const [what, init] of uploads) {
      await probe(failures, `upload ${what}`, '/builder/upload', { ...init, headers: { accept: 'text/html', ...(init.headers as Record<string, string>) } });
    }
    // A valid scenario too large for a share link (incompressible text): refused at upload with a
    // readable page, not redirected to a link the server then refuses (or Node cuts off with a bare 431).
    const r = rng(1234);
    const noise = Array.from({ length: 60_000 }, () => String.fromCharCode(97 + Math.floor(r() * 26))).join('');
    const big = await probe(failures, 'upload too large to share', '/builder/upload', { method: 'POST', headers: { accept: 'text/html', 'content-type': 'application/json' }, body: JSON.stringify({ ...seed, summary: noise }) });
    expect(big?.status).toBe(413);
    expect(await big?.text()).toMatch(/too large for a share link/);
    // A share code just under the limit, and a form that makes it longer than links are accepted.
    let note = 0;
    while (encodeScenario({ ...seed, flows: [{ ...seed.flows[0], note: noise.slice(0, note + 200) }, ...seed.flows.slice(1)] }).length < 11_900) note += 200;
    const nearly = encodeScenario({ ...seed, flows: [{ ...seed.flows[0], note: noise.slice(0, note) }, ...seed.flows.slice(1)] });
    const form = await probe(failures, 'builder form too large to share', '/builder', {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ s: nearly, title: noise.slice(30_000, 30_300), summary: noise.slice(40_000, 44_000) }).toString(),
    });
    expect(form?.status).toBe(413);
    expect(await form?.text()).toMatch(/too large for a share link/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(report(failures)).toBe('');
    await stillServes();
  });

  it('renders a hostile scenario, its cells, builder and exports with the markup escaped', async () => {
    const failures: Failure[] = [];
    const seed = seedScenario();
    const hostile: Scenario = {
      ...seed,
      title: XSS,
      summary: XSS_ATTR,
      place: XSS,
      parties: seed.parties.map((p) => ({ ...p, name: XSS, kind: XSS_ATTR })),
      flows: seed.flows.map((f) => ({ ...f, label: XSS, note: XSS_ATTR })),
      sources: [{ title: XSS, url: `https://example.org/${encodeURIComponent(XSS)}` }],
    };
    const s = encodeScenario(hostile);
    for (const p of ['/custom', `/custom/cell/${seed.flows[0].id}/KR`, `/custom/cell/${seed.flows[0].id}/EU`, '/builder', '/custom/export.md', '/custom/export.csv', '/custom/export.json', '/builder/download']) {
      const res = await probe(failures, `hostile ${p}`, `${p}?s=${s}`, { headers: { accept: 'text/html' } });
      expect(res?.status, p).toBe(200);
    }
    const res = await probe(failures, 'hostile builder POST', '/builder', { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ s, title: XSS, flowLabel: XSS_ATTR }).toString() });
    expect(res?.status).toBe(200);
    const body = (await res!.json()) as { html: string };
    expect(body.html).not.toMatch(UNESCAPED);
    expect(report(failures)).toBe('');
    await stillServes();
  });
});

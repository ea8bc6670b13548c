/**
 * The scenario builder over HTTP, without JavaScript: the form generated from the
 * vocabulary, posting facts, flows added and removed, the share link, and the
 * JSON round trip through download and upload.
 */
import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario } from '../../src/web/share.ts';
import { SEED, seedScenario, serveForTests, webData } from './fixtures.ts';
import type { Scenario } from '../../src/engine/index.ts';

const app = serveForTests();

const { $schema: _s, ...seedNoSchema } = seedScenario() as Scenario & { $schema?: string };
const shareOf = (location: string | null) => new URL(location!, app.base).searchParams.get('s')!;
const decode = (s: string) => decodeScenario(s, webData().corpus);

async function submit(fields: [string, string][], accept = 'text/html'): Promise<Response> {
  return fetch(`${app.base}/builder`, { method: 'POST', body: new URLSearchParams(fields), headers: { accept }, redirect: 'manual' });
}

describe('the builder form', () => {
  it('starts blank with every flow fact of the vocabulary, grouped, each with unknown as a choice', async () => {
    const res = await fetch(`${app.base}/builder`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const { vocabulary } = webData().corpus;
    for (const f of vocabulary.facts.filter((x) => x.scope === 'flow')) expect(html, f.key).toContain(`name="${f.type === 'set' ? 'k:' : 'f:'}${f.key}"`);
    for (const f of vocabulary.facts.filter((x) => x.scope === 'jurisdiction')) expect(html).toContain(`name="j:KR:${f.key}"`);
    for (const g of vocabulary.groups.filter((g) => g.id !== 'law')) expect(html).toContain(`id="group-${g.id}"`);
    const booleans = vocabulary.facts.filter((x) => x.type === 'boolean' && x.scope === 'flow').length;
    expect((html.match(/<option value="" selected>unknown<\/option>/g) ?? []).length).toBeGreaterThanOrEqual(booleans);
    expect(html).toContain(vocabulary.facts[0].question.replace(/'/g, '&#39;'));
  });

  it('starts from a bundled scenario through a share link', async () => {
    const res = await fetch(`${app.base}/builder?from=${SEED}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(decode(shareOf(res.headers.get('location')))).toEqual(seedNoSchema);
    const page = await fetch(new URL(res.headers.get('location')!, app.base));
    const html = await page.text();
    expect(html).toContain('data-verdict=');
    expect(html).toContain('Download the scenario as JSON');
    expect((await fetch(`${app.base}/builder?from=nope`)).status).toBe(404);
  });

  it('applies a changed fact to the flow being edited and re-evaluates', async () => {
    const s = encodeScenario(seedScenario());
    const res = await submit([['s', s], ['flow', 'provision-training'], ['f:basis.consent', 'separate'], ['asOf', '2024-01-01']]);
    expect(res.status).toBe(303);
    const next = decode(shareOf(res.headers.get('location')));
    expect(next.flows.find((f) => f.id === 'provision-training')!.facts.basis).toEqual({ consent: 'separate' });
    expect(next.flows.find((f) => f.id === 'collection')!.facts.basis).toBeUndefined();
    expect(res.headers.get('location')).toContain('flow=provision-training');
    expect(res.headers.get('location')).toContain('asOf=2024-01-01');
  });

  it('writes unknown over a shared value as null, and a value equal to the shared one as nothing', async () => {
    const s = encodeScenario(seedScenario());
    const unknown = decode(shareOf((await submit([['s', s], ['flow', 'collection'], ['f:basis.consent', '']])).headers.get('location')));
    expect(unknown.flows[0].facts.basis).toEqual({ consent: null });
    const same = decode(shareOf((await submit([['s', s], ['flow', 'collection'], ['f:basis.consent', 'none']])).headers.get('location')));
    expect(same.flows[0].facts.basis).toBeUndefined();
  });

  it('reads sets, numbers, legal-order facts, the title and the flow label', async () => {
    const s = encodeScenario(seedScenario());
    const res = await submit([
      ['s', s], ['flow', 'collection'], ['title', 'My variant'], ['flowLabel', 'Renamed flow'],
      ['k:operation.kinds', 'known'], ['f:operation.kinds', 'collect'], ['f:operation.kinds', 'retain'],
      ['f:subjects.count', '12.5'], ['jcodes', 'KR,EU'], ['j:EU:law.statute_authorises', 'true'], ['j:KR:law.statute_authorises', ''],
    ]);
    const next = decode(shareOf(res.headers.get('location')));
    expect(next.title).toBe('My variant');
    const flow = next.flows[0];
    expect(flow.label).toBe('Renamed flow');
    expect(flow.facts.operation).toEqual({ kinds: ['collect', 'retain'] });
    expect((flow.facts.subjects as Record<string, unknown>).count).toBe(12.5);
    expect(flow.jurisdictionFacts?.EU).toEqual({ law: { statute_authorises: true } });
    expect(flow.jurisdictionFacts?.KR).toEqual({ law: { statute_authorises_sensitive: true } });
    const none = decode(shareOf((await submit([['s', s], ['flow', 'collection'], ['k:operation.kinds', 'known']])).headers.get('location')));
    expect(none.flows[0].facts.operation).toEqual({ kinds: [] });
    const unknown = decode(shareOf((await submit([['s', s], ['flow', 'collection'], ['k:operation.kinds', 'unknown'], ['f:operation.kinds', 'collect']])).headers.get('location')));
    expect(unknown.flows[0].facts.operation).toBeUndefined();
  });

  it('states a set in part: ticked members in, members ticked "not" out, the rest unknown, and shows it back', async () => {
    const s = encodeScenario(seedScenario());
    const res = await submit([
      ['s', s], ['flow', 'collection'],
      ['k:subjects.categories', 'open'], ['f:subjects.categories', 'children'], ['n:subjects.categories', 'employees'],
    ]);
    const next = decode(shareOf(res.headers.get('location')));
    expect((next.flows[0].facts.subjects as Record<string, unknown>).categories).toEqual({ includes: ['children'], excludes: ['employees'] });
    const page = await (await fetch(`${app.base}/builder?s=${encodeURIComponent(encodeScenario(next))}&flow=collection`)).text();
    expect(page).toMatch(/name="k:subjects.categories" value="open" checked/);
    expect(page).toMatch(/name="n:subjects.categories" value="employees" checked/);
    const clash = await submit([['s', s], ['flow', 'collection'], ['k:subjects.categories', 'open'], ['f:subjects.categories', 'children'], ['n:subjects.categories', 'children']]);
    expect(clash.status).toBe(422);
    expect(await clash.text()).toMatch(/ticked as both in and out/);
  });

  it('adds, switches to and removes flows', async () => {
    const s = encodeScenario(seedScenario());
    const added = await submit([['s', s], ['flow', 'collection'], ['action', 'add-flow']]);
    const withNew = decode(shareOf(added.headers.get('location')));
    expect(withNew.flows).toHaveLength(seedScenario().flows.length + 1);
    const newId = withNew.flows.at(-1)!.id;
    expect(added.headers.get('location')).toContain(`flow=${newId}`);
    const removed = await submit([['s', shareOf(added.headers.get('location'))], ['flow', newId], ['action', 'remove-flow']]);
    expect(decode(shareOf(removed.headers.get('location'))).flows).toHaveLength(seedScenario().flows.length);
    const moved = await submit([['s', s], ['flow', 'collection'], ['action', 'goto:airport-cctv']]);
    expect(moved.headers.get('location')).toContain('flow=airport-cctv');
  });

  it('answers a script with the new link and the re-rendered matrix', async () => {
    const s = encodeScenario(seedScenario());
    const res = await submit([['s', s], ['flow', 'collection'], ['f:basis.consent', 'explicit'], ['j', 'KR'], ['j', 'EU']], 'application/json');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.url).toMatch(/^\/builder\?s=/);
    expect(decode(body.s).flows[0].facts.basis).toEqual({ consent: 'explicit' });
    expect(body.html).toContain('data-jurisdiction="EU"');
    expect(body.html).not.toContain('data-jurisdiction="UK"');
  });

  it('refuses bad form values and bad share codes with 4xx', async () => {
    const s = encodeScenario(seedScenario());
    expect((await submit([['s', s], ['flow', 'collection'], ['f:basis.consent', 'telepathic']])).status).toBe(422);
    expect((await submit([['s', s], ['flow', 'collection'], ['f:subjects.count', 'many']])).status).toBe(422);
    expect((await submit([['s', s], ['flow', 'collection'], ['f:operation.kinds', 'teleport']])).status).toBe(422);
    expect((await submit([['s', 'garbage!'], ['flow', 'collection']])).status).toBe(400);
    const json = await submit([['s', s], ['flow', 'collection'], ['f:basis.consent', 'telepathic']], 'application/json');
    expect((await json.json()).error.code).toBe('invalid_value');
  });
});

describe('the JSON round trip', () => {
  it('downloads the scenario as a JSON file', async () => {
    const res = await fetch(`${app.base}/builder/download?s=${encodeScenario(seedScenario())}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${SEED}.json"`);
    expect(await res.json()).toEqual(seedNoSchema);
  });

  it('uploads a scenario file (multipart) back into the builder', async () => {
    const form = new FormData();
    form.set('file', new Blob([JSON.stringify(seedScenario(), null, 2)], { type: 'application/json' }), 'scenario.json');
    form.set('json', '');
    const res = await fetch(`${app.base}/builder/upload`, { method: 'POST', body: form, redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(decode(shareOf(res.headers.get('location')))).toEqual(seedNoSchema);
  });

  it('uploads pasted JSON when no file is chosen', async () => {
    const form = new FormData();
    form.set('file', new Blob([]), '');
    form.set('json', JSON.stringify(seedScenario()));
    const res = await fetch(`${app.base}/builder/upload`, { method: 'POST', body: form, redirect: 'manual' });
    expect(res.status).toBe(303);
  });

  it('refuses a broken or invalid upload with a message naming the problem', async () => {
    const bad = new FormData();
    bad.set('file', new Blob(['{"id": "x",\n  "title": }']), 'bad.json');
    const res = await fetch(`${app.base}/builder/upload`, { method: 'POST', body: bad, headers: { accept: 'text/html' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('line 2, column 12');
    const wrong = new FormData();
    wrong.set('file', new Blob([JSON.stringify({ ...seedScenario(), facts: { data: { categoris: ['face_image'] } } })]), 'wrong.json');
    const res2 = await fetch(`${app.base}/builder/upload`, { method: 'POST', body: wrong, headers: { accept: 'application/json' } });
    expect(res2.status).toBe(422);
    expect((await res2.json()).error.message).toMatch(/did you mean data\.categories\?/);
    const empty = new FormData();
    empty.set('json', '');
    expect((await fetch(`${app.base}/builder/upload`, { method: 'POST', body: empty })).status).toBe(400);
    const huge = new FormData();
    huge.set('file', new Blob(['x'.repeat(300 * 1024)]), 'huge.json');
    expect((await fetch(`${app.base}/builder/upload`, { method: 'POST', body: huge })).status).toBe(413);
    expect((await fetch(`${app.base}/builder/upload`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });
});

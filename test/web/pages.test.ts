/**
 * The server-rendered pages over HTTP: every page renders, the matrix agrees with
 * the engine cell by cell, the view lives in the URL, exports match the CLI, user
 * text is escaped, and the security headers and CSP are on with nothing inline.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';
import { evaluateScenario } from '../../src/engine/index.ts';
import { encodeScenario } from '../../src/web/share.ts';
import { SEED, TODAY, seedScenario, serveForTests, webData } from './fixtures.ts';

const app = serveForTests();

const get = (path: string, headers: Record<string, string> = {}) => app.get(path, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });
async function page(path: string, status = 200): Promise<string> {
  const res = await get(path);
  const html = await res.text();
  expect(res.status, `${path}: ${html.slice(0, 300)}`).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  return html;
}

function cli(args: string[]): string {
  const out: string[] = [];
  expect(run(args, { out: (s) => out.push(s), err: (s) => out.push(s) })).toBe(0);
  return out.join('\n');
}

/** data-verdict of every matrix cell: flow -> code -> verdict. */
function cellsOf(html: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const m of html.matchAll(/data-flow="([^"]+)" data-jurisdiction="([^"]+)" data-verdict="([^"]+)"/g)) (out[m[1]] ??= {})[m[2]] = m[3];
  return out;
}

const PAGES = [
  '/',
  `/scenarios/${SEED}`,
  `/scenarios/${SEED}/cell/provision-training/KR?asOf=2020-01-01`,
  '/builder',
  '/rules',
  '/rules/KR',
  '/provisions/kr.pipa.art23.1',
  '/compare?j=KR&j=EU',
  '/compare',
];

describe('pages', () => {
  it.each(PAGES)('%s renders with the security headers and nothing inline', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    const html = await res.text();
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).toMatch(/<html lang="en">/);
    expect((html.match(/<h1[\s>]/g) ?? []).length).toBe(1);
  });

  it('home lists the bundled scenarios with a verdict summary per jurisdiction', async () => {
    const html = await page('/');
    for (const s of webData().scenarios) expect(html).toContain(`href="/scenarios/${s.id}"`);
    expect(html).toContain('href="/builder"');
    expect(html).toContain('href="/rules"');
    expect(html).toMatch(/href="\/compare/);
    expect(html).toContain('class="jsummary"');
  });

  it('the scenario page shows the same verdict as the engine in every cell, with word and icon', async () => {
    const html = await page(`/scenarios/${SEED}?asOf=2024-01-01`);
    const { corpus } = webData();
    const result = evaluateScenario(corpus, seedScenario(), { asOf: '2024-01-01' });
    const cells = cellsOf(html);
    expect(Object.keys(cells)).toEqual(seedScenario().flows.map((f) => f.id));
    for (const r of result.results) expect(cells[r.flow][r.jurisdiction], `${r.flow} ${r.jurisdiction}`).toBe(r.verdict);
    expect(html).toMatch(/<th scope="col">/);
    expect(html).toMatch(/<th scope="row" class="flow-col">/);
    expect(html).toContain('<caption id="matrix-caption">');
    for (const word of ['FORBIDDEN', 'CONDITIONAL', 'ALLOWED', 'NOT COVERED']) expect(html).toContain(word);
    for (const s of seedScenario().sources) expect(html).toContain(s.url.replace(/&/g, '&amp;'));
  });

  it('the view (date, jurisdictions, mode) is carried by the URL', async () => {
    const html = await page(`/scenarios/${SEED}?asOf=2019-06-01&j=EU,KR&mode=actual`);
    const cells = cellsOf(html);
    expect(Object.keys(cells.collection)).toEqual(['KR', 'EU']);
    const result = evaluateScenario(webData().corpus, seedScenario(), { asOf: '2019-06-01', jurisdictions: ['KR', 'EU'], mode: 'actual' });
    for (const r of result.results) expect(cells[r.flow][r.jurisdiction]).toBe(r.verdict);
    expect(html).toContain('value="2019-06-01"');
    expect(html).toContain('/cell/collection/KR?asOf=2019-06-01&amp;j=KR%2CEU&amp;mode=actual');
    const repeated = cellsOf(await page(`/scenarios/${SEED}?asOf=2019-06-01&j=EU&j=KR&mode=actual`));
    expect(repeated).toEqual(cells);
  });

  it('defaults the date to today at the web edge', async () => {
    expect(await page(`/scenarios/${SEED}`)).toContain(`value="${TODAY}"`);
  });

  it('bad view parameters are 400 pages that name the problem', async () => {
    expect(await page(`/scenarios/${SEED}?asOf=2024-13-01`, 400)).toContain('not a valid date');
    expect(await page(`/scenarios/${SEED}?j=KR,EX`, 400)).toContain('did you mean EU?');
    expect(await page(`/scenarios/${SEED}?mode=sideways`, 400)).toContain('transplant');
    expect(await page('/scenarios/no-such-scenario', 404)).toContain('no scenario no-such-scenario');
    expect(await page('/no/such/page', 404)).toContain('Not found');
  });

  it('a cell page gives the verdict, decisive provisions, reasoning and what would change it', async () => {
    const html = await page(`/scenarios/${SEED}/cell/provision-training/KR?asOf=2024-01-01`);
    const { corpus } = webData();
    const s = seedScenario();
    const cell = evaluateScenario(corpus, { ...s, flows: s.flows.filter((f) => f.id === 'provision-training') }, { asOf: '2024-01-01', jurisdictions: ['KR'] }).results[0];
    expect(html).toContain(`data-verdict="${cell.verdict}"`);
    for (const d of cell.decisive) expect(html).toContain(`href="/provisions/${d.id}"`);
    expect(html).toContain('What would change this');
    expect(html).toContain('The reasoning, part by part');
    expect(html).toMatch(/class="part t-(true|false|unknown)"/);
    expect(html).toContain('Official text of');
  });

  it('a settled cell lists single-fact changes that would move it', async () => {
    const { corpus } = webData();
    const s = seedScenario();
    const result = evaluateScenario(corpus, s, { asOf: '2024-01-01', detail: 'findings' });
    const settled = result.results.find((r) => r.verdict === 'forbidden' || r.verdict === 'allowed');
    if (!settled) return; // the corpus may settle nothing for the seed yet
    const html = await page(`/scenarios/${SEED}/cell/${settled.flow}/${settled.jurisdiction}?asOf=2024-01-01`);
    expect(html).toContain(`data-verdict="${settled.verdict}"`);
    expect(html).toMatch(/Changing one of these facts|No single fact/);
  });

  it('unknown flows and jurisdictions in a cell URL are 404', async () => {
    expect(await page(`/scenarios/${SEED}/cell/nope/KR`, 404)).toContain('no flow nope');
    expect(await page(`/scenarios/${SEED}/cell/collection/XX`, 404)).toContain('no jurisdiction XX');
  });
});

describe('exports for briefings', () => {
  it('Markdown, CSV and JSON match the CLI', async () => {
    const args = ['evaluate', `scenarios/${SEED}.json`, '--as-of', '2024-01-01', '--jurisdictions', 'KR,EU,US-IL'];
    const md = await get(`/scenarios/${SEED}/export.md?asOf=2024-01-01&j=KR,EU,US-IL`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(md.headers.get('content-disposition')).toMatch(/attachment; filename="kr-immigration-faces-2024-01-01\.md"/);
    expect((await md.text()).trimEnd()).toBe(cli([...args, '--format', 'markdown']));
    const csv = await get(`/scenarios/${SEED}/export.csv?asOf=2024-01-01&j=KR,EU,US-IL`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect((await csv.text()).trimEnd()).toBe(cli([...args, '--format', 'csv']));
    const json = await get(`/scenarios/${SEED}/export.json?asOf=2024-01-01&j=KR,EU,US-IL`);
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
    expect(await json.json()).toEqual(JSON.parse(cli([...args, '--format', 'json'])));
  });

  it('the scenario page links the exports and a print stylesheet', async () => {
    const html = await page(`/scenarios/${SEED}?asOf=2024-01-01`);
    expect(html).toContain('/export.md?asOf=2024-01-01');
    expect(html).toContain('/export.csv?asOf=2024-01-01');
    expect(html).toContain('/export.json?asOf=2024-01-01');
    expect(html).toContain('<link rel="stylesheet" href="/static/print.css" media="print">');
    const css = await get('/static/print.css');
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect(await css.text()).toMatch(/@page\s*\{\s*size: landscape/);
  });
});

describe('shared (custom) scenarios and escaping', () => {
  const hostile = () => ({
    ...structuredClone(seedScenario()),
    id: 'hostile',
    title: '<script>alert("t")</script> & "quotes"',
    summary: '<img src=x onerror=alert(1)>',
    flows: [{ id: 'f1', label: '<b>bold</b> flow', facts: { data: { categories: ['face_image'] } } }],
  });

  it('escapes user text everywhere it is shown', async () => {
    const s = encodeScenario(hostile());
    for (const path of [`/custom?s=${s}`, `/custom/cell/f1/KR?s=${s}`, `/builder?s=${s}`]) {
      const html = await page(path);
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<b>bold</b>');
      expect(html).toContain('&lt;script&gt;alert(');
    }
  });

  it('serves the matrix, cells and exports of a shared scenario', async () => {
    const s = encodeScenario(seedScenario());
    const cells = cellsOf(await page(`/custom?s=${s}&asOf=2024-01-01&j=KR,EU`));
    const bundled = cellsOf(await page(`/scenarios/${SEED}?asOf=2024-01-01&j=KR,EU`));
    expect(cells).toEqual(bundled);
    expect((await get(`/custom/export.csv?s=${s}&asOf=2024-01-01&j=KR`)).status).toBe(200);
  });

  it('refuses broken, oversized or invalid share codes with 4xx', async () => {
    expect(await page('/custom?s=not-a-real-code', 400)).toContain('damaged');
    expect(await page('/custom?s=%%%', 400)).toBeTruthy();
    expect(await page('/custom', 400)).toContain('carries no scenario');
    expect(await page(`/custom?s=${'A'.repeat(13000)}`, 414)).toContain('longer than');
    const invalid = encodeScenario({ ...seedScenario(), facts: { data: { categoriez: [] } } } as never);
    expect(await page(`/custom?s=${invalid}`, 422)).toContain('did you mean data.categories?');
  });
});

describe('rule browser and comparison', () => {
  it('lists jurisdictions, instruments and provisions', async () => {
    const index = await page('/rules');
    for (const code of webData().corpus.jurisdictions.keys()) expect(index).toContain(`href="/rules/${code}"`);
    const kr = await page('/rules/KR');
    expect(kr).toContain('Personal Information Protection Act');
    expect(kr).toContain('href="/provisions/kr.pipa.art23.1"');
    expect(await page('/rules/KX', 404)).toContain('did you mean KR?');
  });

  it('a provision shows citation, source, dates, kind, lifts, readable condition, raw JSON, examples and the cells it decides', async () => {
    const html = await page('/provisions/kr.pipa.art23.1');
    const p = webData().corpus.provisions.find((x) => x.id === 'kr.pipa.art23.1')!;
    expect(html).toContain(p.source.replace(/&/g, '&amp;'));
    expect(html).toContain(p.inForce.from);
    expect(html).toContain('Lifted by');
    expect(html).toContain('Raw JSON-logic');
    expect(html).toContain('&#34;var&#34;');
    expect(html).toContain('Examples (run as tests)');
    for (const ex of p.examples) expect(html).toContain(ex.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&#34;'));
    expect(html).toContain('Cells it decides in the bundled scenarios');
    const exception = webData().corpus.provisions.find((x) => x.kind === 'exception' && x.lifts?.length)!;
    expect(await page(`/provisions/${exception.id}`)).toContain('Lifts');
    expect(await page('/provisions/kr.pipa.art99', 404)).toContain('no provision');
  });

  it('compares jurisdictions side by side by topic', async () => {
    const html = await page('/compare?j=KR&j=EU');
    for (const t of webData().corpus.topics) expect(html).toContain(`>${t.label}</th>`);
    expect(html).toContain('Republic of Korea (KR)');
    expect(html).toContain('European Union (EU)');
    expect(await page('/compare?j=KR')).toContain('Choose at least two');
    expect(await page('/compare?j=KR&j=ZZ', 400)).toContain('unknown jurisdiction ZZ');
  });
});

describe('static files', () => {
  it('are served with the right content types', async () => {
    expect((await get('/static/app.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await get('/static/app.js')).headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect((await get('/static/favicon.svg')).headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect((await get('/static/nope.css')).status).toBe(404);
  });
});

describe('pages read on the record first', () => {
  const decode = (html: string) => html.replace(/&amp;/g, '&').replace(/&#34;/g, '"').replace(/&#39;/g, "'");

  it('every matrix cell shows the record verdict and carries both readings', async () => {
    const html = await page(`/scenarios/${SEED}?asOf=2019-06-01&j=KR,EU,US-IL`);
    const { corpus } = webData();
    const result = evaluateScenario(corpus, seedScenario(), { asOf: '2019-06-01', jurisdictions: ['KR', 'EU', 'US-IL'], detail: 'findings' });
    for (const r of result.results) {
      expect(html).toContain(`data-flow="${r.flow}" data-jurisdiction="${r.jurisdiction}" data-verdict="${r.verdict}" data-record="${r.record!.verdict}"`);
    }
    expect(html).toContain('<span class="word">UNDETERMINED</span>');
    expect(html).toMatch(/<span class="open">open: \? CONDITIONAL; hinges on /);
  });

  it('the questions above the matrix link to the scenario with the answer stated, and the cells move as they say', async () => {
    const html = await page(`/scenarios/${SEED}?asOf=2019-06-01&j=KR,EU,UK`);
    const section = html.slice(html.indexOf('id="questions-heading"'), html.indexOf('class="matrix-wrap"'));
    const links = [...section.matchAll(/<a href="(\/custom\?[^"]+)">[^<]+<\/a>: settles (\d+) cell/g)];
    expect(links.length).toBeGreaterThan(2);
    // Each row names the question that would settle most of its cells.
    expect(html).toMatch(/<span class="ask-row">ask first: [^<]+, could settle \d+ cells? here<\/span>/);
    const [, href, n] = links[0];
    const before = cellsOf(html);
    const after = cellsOf(await page(decode(href)));
    let settled = 0;
    for (const flow of Object.keys(before)) for (const code of Object.keys(before[flow])) if (before[flow][code] === 'conditional' && after[flow][code] !== 'conditional') settled++;
    expect(settled).toBe(Number(n));
  });

  it('a cell page leads with the record, the open reading beside it, then what the law asks', async () => {
    const html = await page(`/scenarios/${SEED}/cell/collection/EU?asOf=2019-06-01`);
    const record = html.indexOf('id="record" data-record="forbidden"');
    const open = html.indexOf('id="verdict" data-verdict="conditional"');
    const asks = html.indexOf('id="checklist-heading"');
    expect(record).toBeGreaterThan(0);
    expect(open).toBeGreaterThan(record);
    expect(asks).toBeGreaterThan(open);
    expect(html).toContain('Presumed not established');
    expect(html).toMatch(/GDPR art\. 9\(2\)\(g\)<\/a> Substantial public interest on a legal basis: <span class="standing s-unknown">unknown<\/span>/);
  });

  it('the builder asks first the questions that settle the most cells', async () => {
    const res = await get(`/builder?from=${SEED}&asOf=2019-06-01&j=KR,EU`);
    const html = await page(res.headers.get('location')!);
    const ask = html.slice(html.indexOf('id="ask-first-heading"'), html.indexOf('id="flow-heading"'));
    const anchors = [...ask.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(0);
    for (const id of anchors) expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(/asked first: could settle \d+ cell/);
  });
});

/**
 * Availability bench (issue 12): what one heavy or hostile client costs everyone else.
 *   - GET / latency (p50, p99) while another client sends 5 heavy evaluations a second
 *     (the seed scenario as a custom scenario, all jurisdictions, each on a distinct date so no cache helps);
 *   - the worst single request's server time among the heaviest shapes the limits admit
 *     (the seed with explanations, flows that state nothing, their exports, thousands of unknown fact names),
 *     each sent alone to an idle server;
 *   - peak resident memory of a fresh server while ten clients request the largest export and never read it.
 * Each part runs against its own server process (bench/web.ts startServer), so one part's memory or
 * queue does not leak into the next. Nothing here asserts a time: the rows are read against the targets.
 */
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchRow, median } from './measure.ts';
import { startServer } from './web.ts';
import { encodeScenario } from '../src/web/share.ts';
import type { Scenario } from '../src/engine/index.ts';

const ROOT = join(import.meta.dirname, '..');
const seed = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'kr-immigration-faces.json'), 'utf8')) as Scenario & { $schema?: string };
delete seed.$schema;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

/** The seed as a custom scenario (so bundled-scenario caching does not apply), dated day `i` after 2020-01-01. */
function heavyBody(i: number): string {
  const asOf = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  return JSON.stringify({ scenario: { ...seed, id: 'bench-heavy' }, asOf, explain: false });
}

/** Twenty flows that state nothing: every fact unknown, the costliest valid scenario before issue 12. */
function emptyFlows(): Scenario {
  return {
    ...seed,
    id: 'bench-empty',
    facts: {},
    jurisdictionFacts: {},
    flows: Array.from({ length: 20 }, (_, i) => ({ id: `f${i}`, label: `flow ${i}`, sender: seed.flows[0].sender, recipient: seed.flows[0].recipient, facts: {} })),
  } as Scenario;
}

/** A scenario body with `n` unknown fact names of 100 characters (about 240 KB). */
function unknownFactsBody(n: number): string {
  const facts: Record<string, Record<string, boolean>> = { data: {} };
  for (let i = 0; i < n; i++) facts.data[`x${String(i).padStart(5, '0')}`.padEnd(100, 'q')] = true;
  return JSON.stringify({ scenario: { ...seed, id: 'bench-unknown', facts } });
}

function rssMb(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { now: Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024, peak: Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024 };
}

async function timed(base: string, path: string, init: RequestInit = {}): Promise<{ ms: number; status: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(120_000) });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { ms: performance.now() - t0, status: res.status, bytes };
}

const json = (body: string): RequestInit => ({ method: 'POST', body, headers: { 'content-type': 'application/json' } });

/** GET / latency while 5 heavy evaluations a second arrive for `seconds`. */
async function homeUnderLoad(seconds = 10): Promise<BenchRow[]> {
  const { child, base } = await startServer();
  try {
    for (let i = 0; i < 3; i++) await timed(base, '/');
    await timed(base, '/api/evaluate', json(heavyBody(0)));
    const heavy: Promise<{ ms: number; status: number }>[] = [];
    let i = 1;
    const timer = setInterval(() => heavy.push(timed(base, '/api/evaluate', json(heavyBody(i++))).catch(() => ({ ms: NaN, status: 0 }))), 200);
    const home: number[] = [];
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until) {
      home.push((await timed(base, '/')).ms);
      await sleep(50);
    }
    clearInterval(timer);
    const answered = await Promise.all(heavy);
    const statuses = new Map<number, number>();
    for (const a of answered) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    const heavyMs = answered.filter((a) => a.status === 200).map((a) => a.ms);
    const note = `${home.length} sequential GET / over ${seconds} s; heavy: ${answered.length} POST /api/evaluate (seed as custom scenario, 17 jurisdictions, distinct dates), statuses ${[...statuses].map(([s, n]) => `${s}x${n}`).join(' ')}`;
    const one = (name: string, v: number, unit: string, n = ''): BenchRow => ({ name, median: v, min: v, max: v, unit, runs: 1, note: n });
    return [
      one('availability: GET / p50 under 5 heavy evaluations/s', percentile(home, 50), 'ms', note),
      one('availability: GET / p99 under 5 heavy evaluations/s', percentile(home, 99), 'ms', 'target: under 50 ms'),
      one('availability: heavy evaluation latency p50 (200s)', heavyMs.length ? median(heavyMs) : NaN, 'ms', 'the heavy client\'s own answers'),
      one('availability: heavy evaluation latency max (200s)', heavyMs.length ? Math.max(...heavyMs) : NaN, 'ms', ''),
    ];
  } finally {
    child.kill('SIGTERM');
  }
}

/** The heaviest shapes the limits admit, each alone on an idle server: the slowest one's time. */
async function worstSingle(): Promise<BenchRow[]> {
  const { child, base } = await startServer();
  try {
    await timed(base, '/');
    const empty = emptyFlows();
    const s = encodeScenario(empty);
    const custom = { ...seed, id: 'bench-seed' };
    const shapes: [string, string, RequestInit?][] = [
      ['POST /api/evaluate, seed as custom, 17 jurisdictions, explained', '/api/evaluate', json(JSON.stringify({ scenario: custom, asOf: '2024-01-01' }))],
      ['POST /api/evaluate, seed as custom, 17 jurisdictions, explained, 2026 law', '/api/evaluate', json(JSON.stringify({ scenario: custom, asOf: '2026-12-01' }))],
      ['POST /api/evaluate, 1 empty flow, 17 jurisdictions, explained', '/api/evaluate', json(JSON.stringify({ scenario: { ...empty, flows: empty.flows.slice(0, 1) }, asOf: '2024-01-01' }))],
      ['POST /api/evaluate, 2 empty flows, 17 jurisdictions, explained', '/api/evaluate', json(JSON.stringify({ scenario: { ...empty, flows: empty.flows.slice(0, 2) }, asOf: '2024-01-01' }))],
      ['POST /api/evaluate, 1 empty flow, explain: false', '/api/evaluate', json(JSON.stringify({ scenario: { ...empty, flows: empty.flows.slice(0, 1) }, asOf: '2024-01-01', explain: false }))],
      ['GET /custom/export.json of the seed', `/custom/export.json?s=${encodeScenario({ ...custom, id: 'bench-export' })}&asOf=2024-01-01`],
      ['POST /api/evaluate, 20 empty flows, 17 jurisdictions', '/api/evaluate', json(JSON.stringify({ scenario: empty }))],
      ['POST /api/evaluate, 20 empty flows, explain: false', '/api/evaluate', json(JSON.stringify({ scenario: empty, explain: false }))],
      ['GET /custom/export.json of 20 empty flows', `/custom/export.json?s=${s}&asOf=2024-01-01`],
      ['GET /custom/export.md of 20 empty flows', `/custom/export.md?s=${s}&asOf=2024-01-01`],
      ['GET /custom (matrix) of 20 empty flows', `/custom?s=${s}&asOf=2024-01-01`],
      ['GET /custom cell of an empty flow', `/custom/cell/f0/KR?s=${s}&asOf=2024-01-01`],
      ['POST /api/evaluate, 2,300 unknown fact names', '/api/evaluate', json(unknownFactsBody(2300))],
    ];
    const rows: BenchRow[] = [];
    let worst = { ms: 0, what: '' };
    // A distinct date per run (day 1 to 3 of the shape's month), so no run is answered from the cache.
    const onDay = (path: string, init: RequestInit | undefined, day: string): [string, RequestInit | undefined] => {
      const body = typeof init?.body === 'string' ? init.body.replace(/"asOf":"(\d{4}-\d{2})-01"/, `"asOf":"$1-${day}"`) : undefined;
      return [path.replace(/asOf=(\d{4}-\d{2})-01/, `asOf=$1-${day}`), body ? { ...init, body } : init];
    };
    // Each shape once, untimed, on a day no run uses: the server is measured as one that has
    // answered requests (its JIT has compiled the engine's paths), not in its first second.
    for (const [, path, init] of shapes) await timed(base, ...onDay(path, init, '28'));
    for (const [what, path, init] of shapes) {
      const runs: { ms: number; status: number; bytes: number }[] = [];
      for (let k = 0; k < 3; k++) runs.push(await timed(base, ...onDay(path, init, `0${k + 1}`)));
      const ms = median(runs.map((r) => r.ms));
      if (ms > worst.ms) worst = { ms, what };
      rows.push({ name: `availability: ${what}`, median: ms, min: Math.min(...runs.map((r) => r.ms)), max: Math.max(...runs.map((r) => r.ms)), unit: 'ms', runs: runs.length, note: `status ${runs[0].status}, ${(runs[0].bytes / 2 ** 20).toFixed(2)} MB` });
    }
    rows.push({ name: 'availability: worst single request within the limits', median: worst.ms, min: worst.ms, max: worst.ms, unit: 'ms', runs: 1, note: `${worst.what}; target: under 250 ms` });
    return rows;
  } finally {
    child.kill('SIGTERM');
  }
}

/** Ten clients ask for the largest export the limits admit (the seed's JSON with explanations) and never read. */
async function exportFlood(clients = 10, holdSeconds = 10): Promise<BenchRow[]> {
  const { child, base } = await startServer();
  const url = new URL(base);
  const sockets: ReturnType<typeof connect>[] = [];
  try {
    await timed(base, '/');
    const start = rssMb(child.pid!);
    const path = `/custom/export.json?s=${encodeScenario({ ...seed, id: 'bench-flood' })}`;
    for (let i = 0; i < clients; i++) {
      const sock = connect(Number(url.port), url.hostname);
      sock.on('error', () => undefined);
      // Distinct dates: each export is its own evaluation and its own answer in memory.
      sock.write(`GET ${path}&asOf=2026-11-${String(i + 1).padStart(2, '0')} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n\r\n`);
      sock.pause();
      sockets.push(sock);
    }
    let peak = start.peak;
    const until = performance.now() + holdSeconds * 1000;
    while (performance.now() < until) {
      peak = Math.max(peak, rssMb(child.pid!).peak);
      await sleep(250);
    }
    const held = rssMb(child.pid!).now;
    const probe = await timed(base, '/');
    return [
      { name: 'availability: peak RSS, 10 unread large exports', median: peak, min: start.now, max: peak, unit: 'MB', runs: 1, note: `${clients} clients request ${path.length}-character export.json links and never read, held ${holdSeconds} s; min = RSS before; target: under 300 MB` },
      { name: 'availability: RSS while the exports are held', median: held, min: held, max: held, unit: 'MB', runs: 1, note: `GET / meanwhile: ${probe.status} in ${probe.ms.toFixed(0)} ms` },
    ];
  } finally {
    for (const s of sockets) s.destroy();
    child.kill('SIGTERM');
  }
}

/** The availability rows of npm run bench. */
export async function benchAvailability(): Promise<BenchRow[]> {
  return [...(await homeUnderLoad()), ...(await worstSingle()), ...(await exportFlood())];
}

if (process.argv[1]?.endsWith('bench/availability.ts')) {
  const { formatTable } = await import('./measure.ts');
  // --part=load|worst|flood runs one part alone.
  const part = process.argv.find((a) => a.startsWith('--part='))?.slice(7);
  const parts = { load: homeUnderLoad, worst: worstSingle, flood: exportFlood } as Record<string, () => Promise<BenchRow[]>>;
  const rows = part && parts[part] ? await parts[part]() : await benchAvailability();
  console.log(formatTable(rows));
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
}

/**
 * Web benchmark: the explorer served by its own process (src/web/server.ts on a
 * free port on 127.0.0.1), loaded by autocannon from this process, so load
 * generation does not compete with the server's event loop. Each target runs a
 * few times, each run bounded in time and in request count; rows give the median
 * run with the spread across runs. Peak memory is the server's high-water RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { median, type BenchRow } from './measure.ts';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 3;
const SEED = 'kr-immigration-faces';

interface Target {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
  note: string;
  /** Bounds of one run. */
  connections: number;
  seconds: number;
  maxRequests: number;
}

const TARGETS: Target[] = [
  { name: 'scenario page', path: `/scenarios/${SEED}?asOf=2024-01-01`, note: 'GET, 17 jurisdictions; the matrix is cached after the first request', connections: 4, seconds: 4, maxRequests: 3000 },
  {
    name: 'POST /api/evaluate',
    path: '/api/evaluate',
    method: 'POST',
    body: JSON.stringify({ scenarioId: SEED, asOf: '2024-01-01', jurisdictions: ['KR', 'EU'] }),
    note: 'seed scenario, KR+EU, with explanations (the CLI JSON contract)',
    connections: 2,
    seconds: 10,
    maxRequests: 200,
  },
  {
    name: 'POST /api/evaluate (verdicts only)',
    path: '/api/evaluate',
    method: 'POST',
    body: JSON.stringify({ scenarioId: SEED, asOf: '2024-01-01', explain: false }),
    note: 'seed scenario, all 17 jurisdictions, no explanations',
    connections: 2,
    seconds: 10,
    maxRequests: 200,
  },
];

/**
 * The server in its own process. The per-client rate limit is off (LEXFLOW_RATE_LIMIT=0): every
 * request comes from this one address, and the rows measure the pool, queue and cache, not refusals.
 */
export function startServer(): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('src', 'web', 'server.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', LEXFLOW_RATE_LIMIT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`web server did not start within 60 s:\n${out}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0 && signal !== 'SIGTERM') console.error(`web server exited (${code ?? signal}):\n${out.slice(-2000)}`);
      reject(new Error(`web server exited with ${code}:\n${out}`));
    });
  });
}

/** The server's peak resident memory in MB (Linux /proc), or undefined elsewhere. */
function peakRssMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function load(base: string, t: Target): Promise<autocannon.Result> {
  return autocannon({
    url: `${base}${t.path}`,
    method: t.method ?? 'GET',
    body: t.body,
    headers: t.body ? { 'content-type': 'application/json' } : undefined,
    connections: t.connections,
    duration: t.seconds,
    maxOverallRequests: t.maxRequests,
    timeout: 60,
  });
}

function row(name: string, values: number[], unit: string, note: string): BenchRow {
  return { name, median: median(values), min: Math.min(...values), max: Math.max(...values), unit, runs: values.length, note };
}

/** Requests per second and p50/p99 latency of the main pages and the API, and peak RSS. */
export async function benchWeb(): Promise<BenchRow[]> {
  const { child, base } = await startServer();
  const rows: BenchRow[] = [];
  try {
    for (const t of TARGETS) {
      const warm = await fetch(`${base}${t.path}`, { method: t.method ?? 'GET', body: t.body, headers: t.body ? { 'content-type': 'application/json' } : {} });
      if (!warm.ok) throw new Error(`${t.name}: warm-up got ${warm.status}: ${(await warm.text()).slice(0, 200)}`);
      await warm.arrayBuffer().catch(() => undefined);
      const rps: number[] = [];
      const p50: number[] = [];
      const p99: number[] = [];
      let failures = 0;
      for (let i = 0; i < RUNS; i++) {
        const r = await load(base, t);
        rps.push(r.requests.total / Math.max(r.duration, 0.001));
        p50.push(r.latency.p50);
        p99.push(r.latency.p99);
        failures += r.errors + r.timeouts + r.non2xx;
      }
      const note = `${t.note}; ${t.connections} connections, ≤${t.seconds} s and ≤${t.maxRequests} requests per run${failures ? `; ${failures} failed requests` : ''}`;
      rows.push(row(`web: ${t.name} throughput`, rps, 'req/s', note));
      rows.push(row(`web: ${t.name} latency p50`, p50, 'ms', ''));
      rows.push(row(`web: ${t.name} latency p99`, p99, 'ms', ''));
    }
    const peak = peakRssMb(child.pid!);
    if (peak !== undefined) rows.push({ name: 'web: server peak RSS', median: peak, min: peak, max: peak, unit: 'MB', runs: 1, note: 'high-water resident memory of the server process after all runs' });
  } finally {
    child.kill('SIGTERM');
  }
  return rows;
}

if (process.argv[1]?.endsWith('bench/web.ts')) {
  const { formatTable } = await import('./measure.ts');
  console.log(formatTable(await benchWeb()));
}

/**
 * Benchmark plumbing: repeated runs, medians and spread, a table for people and
 * JSON for machines. Benchmarks are not tests: nothing here asserts a time.
 */
import { collectGarbage } from '../src/collect.ts';

export interface BenchRow {
  name: string;
  /** Median of the repeated runs, in the row's unit. */
  median: number;
  /** Lowest and highest run. */
  min: number;
  max: number;
  unit: string;
  runs: number;
  note?: string;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Times `fn` `runs` times (after `warmup` untimed runs); each run may repeat `inner` times. */
export function timeIt(name: string, fn: () => unknown, options: { runs?: number; warmup?: number; inner?: number; note?: string } = {}): BenchRow {
  const runs = options.runs ?? 15;
  const inner = options.inner ?? 1;
  for (let i = 0; i < (options.warmup ?? 3); i++) for (let k = 0; k < inner; k++) fn();
  // Each row starts clean: no row pays for the garbage the one before left.
  collectGarbage();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < inner; k++) fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6 / inner);
  }
  return { name, median: median(samples), min: Math.min(...samples), max: Math.max(...samples), unit: 'ms', runs, note: options.note };
}

export function formatTable(rows: BenchRow[]): string {
  const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(4));
  const cells = rows.map((r) => [r.name, `${fmt(r.median)} ${r.unit}`, `${fmt(r.min)}..${fmt(r.max)}`, String(r.runs), r.note ?? '']);
  const head = ['benchmark', 'median', 'spread (min..max)', 'runs', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

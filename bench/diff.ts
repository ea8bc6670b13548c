/**
 * Bench rows of the law diff: KR and EU over the whole vocabulary with minimal
 * witnesses; all pairs of the jurisdictions (with a progress line on stderr); and
 * repair of the seed's flows in every jurisdiction; and
 * the solver choice: the queries of the KR/EU diff replayed on the MiniSat that
 * logic-solver ships fed clauses by lexflow's own translation (the backend lexflow
 * uses), on logic-solver's formula layer over the same MiniSat, and on z3-solver (the
 * official Z3 build in WebAssembly, a development dependency used only here).
 * Each row notes the solver's share of the time. `npx tsx bench/diff.ts` runs them alone.
 */
import { pathToFileURL } from 'node:url';
import { loadCorpus, loadScenarios } from '../src/corpus/load.ts';
import { compileCorpus, type CompiledCorpus } from '../src/engine/index.ts';
import { diffLaws, repairFlow } from '../src/engine/diff/index.ts';
import { MiniSatBackend, type SatBackend } from '../src/engine/diff/solver.ts';
import { LogicSolverFormulas } from './logic-solver-formulas.ts';
import type { Prop } from '../src/engine/diff/prop.ts';
import { type BenchRow, median } from './measure.ts';
import { collectGarbage } from '../src/collect.ts';

const AS_OF = '2026-11-26';

/** One call into a backend; `at` numbers the backend (a diff has two: one for the plain queries). */
type Call = { at: number } & (
  | { k: 'require'; p: Prop }
  | { k: 'guard'; p: Prop; ret?: number }
  | { k: 'atMost'; vars: number[]; n: number; ret?: number }
  | { k: 'solve'; guards: number[]; literals: [number, boolean][] }
);

/** A backend that times (and optionally records) every call into the real one. */
class Timed implements SatBackend {
  static ms = 0;
  static calls: Call[] | undefined;
  static made = 0;
  private readonly at = Timed.made++;
  private readonly inner = new MiniSatBackend();
  private time<T>(f: () => T): T {
    const t0 = process.hrtime.bigint();
    try {
      return f();
    } finally {
      Timed.ms += Number(process.hrtime.bigint() - t0) / 1e6;
    }
  }
  require(p: Prop): void {
    Timed.calls?.push({ at: this.at, k: 'require', p });
    this.time(() => this.inner.require(p));
  }
  guard(p: Prop): number {
    const ret = this.time(() => this.inner.guard(p));
    Timed.calls?.push({ at: this.at, k: 'guard', p, ret });
    return ret;
  }
  atMost(vars: number[], n: number): number {
    const ret = this.time(() => this.inner.atMost(vars, n));
    Timed.calls?.push({ at: this.at, k: 'atMost', vars, n, ret });
    return ret;
  }
  solve(guards: number[], literals: [number, boolean][]): boolean[] | null {
    Timed.calls?.push({ at: this.at, k: 'solve', guards, literals });
    return this.time(() => this.inner.solve(guards, literals));
  }
}

function timedRuns(runs: number, fn: () => void): { samples: number[]; solver: number[] } {
  const samples: number[] = [];
  const solver: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Each run starts clean: the all-pairs row before repair leaves a large heap behind.
    collectGarbage();
    Timed.ms = 0;
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    solver.push(Timed.ms);
  }
  return { samples, solver };
}

function row(name: string, samples: number[], solver: number[], note: string): BenchRow {
  const m = median(samples);
  const share = (100 * median(solver)) / m;
  return { name, median: m, min: Math.min(...samples), max: Math.max(...samples), unit: 'ms', runs: samples.length, note: `${note}; solver ${share.toFixed(0)}% of the time` };
}

async function replayZ3(calls: Call[]): Promise<{ initMs: number; ms: number; answers: boolean[] }> {
  const { init, killThreads } = await import('z3-solver');
  const t0 = process.hrtime.bigint();
  const api = await init();
  const initMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const ctx = new api.Context('lexflow');
  const solvers = new Map<number, { solver: InstanceType<typeof ctx.Solver>; guards: Map<number, ReturnType<typeof ctx.Bool.const>> }>();
  const vars = new Map<number, ReturnType<typeof ctx.Bool.const>>();
  const v = (n: number) => {
    let x = vars.get(n);
    if (!x) vars.set(n, (x = ctx.Bool.const(`x${n}`)));
    return x;
  };
  const memo = new Map<Prop, ReturnType<typeof ctx.Bool.val>>();
  const tr = (p: Prop): ReturnType<typeof ctx.Bool.val> => {
    const hit = memo.get(p);
    if (hit) return hit;
    const out =
      p.k === 'const' ? ctx.Bool.val(p.v)
      : p.k === 'var' ? v(p.n)
      : p.k === 'not' ? ctx.Not(tr(p.x))
      : p.k === 'and' ? ctx.And(...p.xs.map(tr))
      : ctx.Or(...p.xs.map(tr));
    memo.set(p, out);
    return out;
  };
  const answers: boolean[] = [];
  let guardsMade = 0;
  const t1 = process.hrtime.bigint();
  for (const c of calls) {
    let at = solvers.get(c.at);
    if (!at) solvers.set(c.at, (at = { solver: new ctx.Solver(), guards: new Map() }));
    const { solver, guards } = at;
    if (c.k === 'require') solver.add(tr(c.p));
    else if (c.k === 'guard' || c.k === 'atMost') {
      const g = ctx.Bool.const(`g${guardsMade++}`);
      guards.set(c.ret!, g);
      const vs = c.k === 'atMost' ? c.vars.map(v) : [];
      const [first, ...rest] = vs;
      solver.add(ctx.Implies(g, c.k === 'guard' ? tr(c.p) : first ? ctx.AtMost([first, ...rest], c.n) : ctx.Bool.val(true)));
    } else {
      const r = await solver.check(...c.guards.map((g) => guards.get(g)!), ...c.literals.map(([n, b]) => (b ? v(n) : ctx.Not(v(n)))));
      answers.push(r === 'sat');
    }
  }
  const ms = Number(process.hrtime.bigint() - t1) / 1e6;
  await killThreads(api.em);
  return { initMs, ms, answers };
}

function replay(calls: Call[], make: () => SatBackend): { ms: number; answers: boolean[] } {
  const solvers = new Map<number, SatBackend>();
  // The guards a backend returns are its own numbers: the recorded ones are mapped to them.
  const guards = new Map<number, Map<number, number>>();
  const answers: boolean[] = [];
  const t0 = process.hrtime.bigint();
  for (const c of calls) {
    let s = solvers.get(c.at);
    if (!s) {
      solvers.set(c.at, (s = make()));
      guards.set(c.at, new Map());
    }
    const own = guards.get(c.at)!;
    if (c.k === 'require') s.require(c.p);
    else if (c.k === 'guard') own.set(c.ret!, s.guard(c.p));
    else if (c.k === 'atMost') own.set(c.ret!, s.atMost(c.vars, c.n));
    else answers.push(s.solve(c.guards.map((g) => own.get(g)!), c.literals) !== null);
  }
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, answers };
}

export async function benchDiff(cc: CompiledCorpus = compileCorpus(loadCorpus())): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const backend = () => new Timed();
  let divergences = 0;
  diffLaws(cc, 'KR', 'EU', { asOf: AS_OF, backend });
  const kr = timedRuns(7, () => {
    divergences = diffLaws(cc, 'KR', 'EU', { asOf: AS_OF, backend }).divergences.length;
  });
  rows.push(row('diff KR vs EU, whole vocabulary, minimal witnesses', kr.samples, kr.solver, `${divergences} divergences, each re-checked by the engine`));

  const codes = [...cc.corpus.jurisdictions.keys()];
  const pairs: [string, string][] = [];
  for (let i = 0; i < codes.length; i++) for (let j = i + 1; j < codes.length; j++) pairs.push([codes[i], codes[j]]);
  let total = 0;
  let queries = 0;
  let rejected = 0;
  const all = timedRuns(1, () => {
    pairs.forEach(([a, b], k) => {
      const r = diffLaws(cc, a, b, { asOf: AS_OF, backend });
      total += r.divergences.length;
      queries = Math.max(queries, r.queries);
      rejected += r.rejected;
      if (process.stderr.isTTY) process.stderr.write(`\rbench diff: pair ${k + 1}/${pairs.length} ${a} vs ${b}        `);
    });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  });
  rows.push(row(`diff all ${pairs.length} pairs of the ${codes.length} jurisdictions`, all.samples, all.solver, `${total} divergences, ${rejected} rejected; at most ${queries} queries for one pair`));

  const seed = loadScenarios(cc.corpus).find((x) => x.id === 'kr-immigration-faces')!;
  let repairs = 0;
  const repairAll = () => {
    repairs = 0;
    for (const f of seed.flows) {
      const r = repairFlow(cc, seed, f.id, codes, { asOf: AS_OF, backend });
      repairs += r.perJurisdiction.reduce((n, t) => n + t.repairs.length, r.everywhere.repairs.length);
    }
  };
  // One run first, as for the KR/EU diff, so the rows compare warm code with warm code.
  repairAll();
  const rep = timedRuns(7, repairAll);
  rows.push(row(`repair: the seed's ${seed.flows.length} flows in all ${codes.length} jurisdictions and everywhere`, rep.samples, rep.solver, `${repairs} repairs (up to 3 per target), each confirmed by the engine`));

  Timed.calls = [];
  diffLaws(cc, 'KR', 'EU', { asOf: AS_OF, backend });
  const calls = Timed.calls;
  Timed.calls = undefined;
  const solves = calls.filter((c) => c.k === 'solve').length;
  const runs = (make: () => SatBackend) => [replay(calls, make), replay(calls, make), replay(calls, make)];
  const ls = runs(() => new MiniSatBackend());
  const stat = (xs: { ms: number }[]) => ({ median: median(xs.map((x) => x.ms)), min: Math.min(...xs.map((x) => x.ms)), max: Math.max(...xs.map((x) => x.ms)), unit: 'ms', runs: xs.length });
  rows.push({ name: "solver: KR/EU diff queries replayed on logic-solver's MiniSat, clauses from lexflow's translation", ...stat(ls), note: `${solves} queries; synchronous, no start-up cost; the backend lexflow uses` });
  const lf = runs(() => new LogicSolverFormulas());
  const same = lf.every((x) => x.answers.join() === ls[0].answers.join());
  rows.push({ name: "solver: the same queries through logic-solver's formula layer", ...stat(lf), note: `the same MiniSat; answers ${same ? 'agree' : 'DIFFER'}` });
  try {
    const z = [await replayZ3(calls), await replayZ3(calls), await replayZ3(calls)];
    const agree = z.every((x) => x.answers.join() === ls[0].answers.join());
    rows.push({ name: 'solver: the same queries on z3-solver', ...stat(z), note: `asynchronous; plus ${median(z.map((x) => x.initMs)).toFixed(0)} ms to start the WebAssembly build; answers ${agree ? 'agree' : 'DIFFER'}` });
  } catch (e) {
    rows.push({ name: 'solver: the same queries on z3-solver', median: NaN, min: NaN, max: NaN, unit: 'ms', runs: 0, note: `not measured: ${(e as Error).message}` });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./measure.ts');
  console.log(formatTable(await benchDiff()));
}

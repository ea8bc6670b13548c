/**
 * lexflow's SAT backend (logic-solver's MiniSat fed clauses by lexflow's own Tseitin
 * translation) against truth tables: on random formulas over a few variables, with
 * required constraints, guards, cardinality bounds and assumed literals, it finds a
 * model exactly when one exists, and every model it returns satisfies all it was asked.
 */
import { describe, expect, it } from 'vitest';
import { eval2, FALSE, pand, pnot, por, pvar, type Prop, TRUE } from '../../src/engine/diff/prop.ts';
import { MiniSatBackend } from '../../src/engine/diff/solver.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const N = 6;

/** A random formula over variables 0..N-1, sharing sub-formulas as the plans' encodings do. */
function formula(next: () => number, pool: Prop[], depth: number): Prop {
  const r = next();
  if (depth === 0 || r < 0.25) return r < 0.02 ? (r < 0.01 ? TRUE : FALSE) : pvar(Math.floor(next() * N));
  if (pool.length && r < 0.35) return pool[Math.floor(next() * pool.length)];
  if (r < 0.5) return pnot(formula(next, pool, depth - 1));
  const xs = Array.from({ length: 2 + Math.floor(next() * 3) }, () => formula(next, pool, depth - 1));
  const p = r < 0.75 ? pand(xs) : por(xs);
  pool.push(p);
  return p;
}

function* assignments(): Generator<boolean[]> {
  for (let m = 0; m < 1 << N; m++) yield Array.from({ length: N }, (_, i) => ((m >> i) & 1) === 1);
}

describe('the SAT backend agrees with truth tables', () => {
  it('on 400 random problems with required formulas, guards, bounds and literals', () => {
    const next = rng(11);
    let sat = 0;
    for (let n = 0; n < 400; n++) {
      const pool: Prop[] = [];
      const s = new MiniSatBackend();
      const required = formula(next, pool, 3);
      s.require(required);
      const guarded = Array.from({ length: 3 }, () => formula(next, pool, 4));
      const guards = guarded.map((p) => s.guard(p));
      const counted = [0, 1, 2, 3, 4, 5].filter(() => next() < 0.6);
      const k = Math.floor(next() * (counted.length + 1)) - (next() < 0.1 ? 1 : 0);
      const bound = s.atMost(counted, k);
      // Several queries on one solver, as the diff asks them: each assumes some guards, the bound or not, and some literals.
      for (let q = 0; q < 4; q++) {
        const use = guarded.map(() => next() < 0.5);
        const bounded = next() < 0.5;
        const literals: [number, boolean][] = [0, 1, 2, 3, 4, 5].filter(() => next() < 0.2).map((v) => [v, next() < 0.5]);
        const holds = (a: boolean[]) =>
          eval2(required, a) &&
          guarded.every((p, i) => !use[i] || eval2(p, a)) &&
          (!bounded || counted.filter((v) => a[v]).length <= k) &&
          literals.every(([v, b]) => a[v] === b);
        const exists = [...assignments()].some(holds);
        const model = s.solve([...guards.filter((_, i) => use[i]), ...(bounded ? [bound] : [])], literals);
        expect(model !== null, `problem ${n}, query ${q}`).toBe(exists);
        if (model) {
          sat++;
          expect(holds(Array.from({ length: N }, (_, i) => model[i] === true)), `problem ${n}, query ${q}: the model`).toBe(true);
        }
      }
    }
    // Both answers are exercised.
    expect(sat).toBeGreaterThan(300);
    expect(sat).toBeLessThan(1500);
  });

  it('stays unsatisfiable once its required constraints are', () => {
    const s = new MiniSatBackend();
    s.require(pvar(0));
    s.require(pnot(pvar(0)));
    expect(s.solve([], [])).toBeNull();
    expect(s.solve([s.guard(pvar(1))], [[1, true]])).toBeNull();
  });
});

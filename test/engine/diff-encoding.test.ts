/**
 * The diff's propositional encoding against the engine: on thousands of random
 * complete fact sets the formulas give the engine's verdict, and on random partial
 * fact sets the solver finds exactly the verdicts the engine says are reachable.
 * Both sides read json-logic-js leaves (the reference path).
 */
import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../helpers.ts';
import { compileCorpus } from '../../src/engine/index.ts';
import { planFor } from '../../src/engine/plan.ts';
import { quickVerdict } from '../../src/engine/status.ts';
import { evaluateCell } from '../../src/engine/cell.ts';
import { Encoding } from '../../src/engine/diff/encode.ts';
import { eval2 } from '../../src/engine/diff/prop.ts';
import { miniSat } from '../../src/engine/diff/solver.ts';
import type { Verdict } from '../../src/engine/index.ts';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const cc = compileCorpus(bundledCorpus(), 'reference');
const CASES: [string, string][] = [['KR', '2019-06-01'], ['KR', '2026-01-01'], ['EU', '2026-01-01'], ['US-IL', '2026-01-01'], ['CN', '2022-01-01'], ['UK', '2020-06-01'], ['CA-QC', '2026-01-01'], ['BR', '2026-01-01']];

describe('the diff encoding agrees with the engine', () => {
  it('gives the engine verdict on 4000 random complete fact sets', () => {
    const next = rng(7);
    let checked = 0;
    for (const [code, asOf] of CASES) {
      const plan = planFor(cc, code, asOf, 'transplant');
      const enc = new Encoding(cc);
      const pe = enc.plan(plan);
      for (let n = 0; n < 500; n++) {
        const a: unknown[] = [];
        const vars: boolean[] = [];
        for (const slot of plan.atoms) {
          const ds = cc.atomInfo[slot].distinctions;
          const i = Math.floor(next() * ds.length);
          a[slot] = ds[i].value;
          enc.setValue(vars, slot, '', i);
        }
        const engine = quickVerdict(plan, a);
        const encoded: Verdict = eval2(pe.forbidden, vars) ? 'forbidden' : eval2(pe.notCovered, vars) ? 'not-covered' : 'allowed';
        expect(eval2(pe.allowed, vars)).toBe(encoded === 'allowed');
        expect(encoded, `${code} ${asOf} case ${n}`).toBe(engine);
        checked++;
      }
    }
    expect(checked).toBe(4000);
  });

  it('finds exactly the verdicts the engine can reach on 400 random partial fact sets', () => {
    const next = rng(11);
    const seen = new Set<string>();
    for (const [code, asOf] of CASES) {
      const plan = planFor(cc, code, asOf, 'transplant');
      const enc = new Encoding(cc);
      const pe = enc.plan(plan);
      const sat = miniSat();
      for (const p of enc.domain) sat.require(p);
      const guards = { forbidden: sat.guard(pe.forbidden), allowed: sat.guard(pe.allowed), 'not-covered': sat.guard(pe.notCovered) };
      for (let n = 0; n < 50; n++) {
        const a: unknown[] = [];
        const vars: (boolean | undefined)[] = [];
        for (const slot of plan.atoms) {
          if (next() < [0.05, 0.2, 0.5][n % 3]) continue;
          const ds = cc.atomInfo[slot].distinctions;
          const i = Math.floor(next() * ds.length);
          a[slot] = ds[i].value;
          enc.setValue(vars, slot, '', i);
        }
        const literals: [number, boolean][] = [];
        vars.forEach((v, i) => v !== undefined && literals.push([i, v]));
        const reachable = (Object.keys(guards) as (keyof typeof guards)[]).filter((v) => sat.solve([guards[v]], literals) !== null);
        const cell = evaluateCell(cc, plan, a, { detail: 'verdict', budget: 200000 });
        expect(cell.complete).toBe(true);
        expect(reachable.length).toBeGreaterThan(0);
        expect(reachable.length > 1 ? 'conditional' : reachable[0], `${code} ${asOf} case ${n}`).toBe(cell.verdict);
        seen.add(cell.verdict);
      }
    }
    // The sample reaches every verdict, so the comparison is not only of conditional cells.
    expect([...seen].sort()).toEqual(['allowed', 'conditional', 'forbidden', 'not-covered']);
  });
});

/**
 * Values carried from node to node (incremental.ts) against evaluation from scratch: along
 * random paths of random splits through every plan of the bundled corpus, each node's
 * values, verdict and state must equal eval3, quickVerdict and stateOf on its assignment,
 * and trials (paths with steps left out) must too, whatever order they arrive in.
 */
import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../../src/engine/compiled.ts';
import { planFor, type Plan } from '../../src/engine/plan.ts';
import { eval3, type CNode } from '../../src/engine/kleene.ts';
import { quickVerdict, stateOf } from '../../src/engine/status.ts';
import { planIndex, ValueTrie } from '../../src/engine/incremental.ts';
import type { Assignment } from '../../src/engine/assignment.ts';
import type { Step } from '../../src/engine/search.ts';
import { bundledCorpus } from '../helpers.ts';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

/** The plan with its first prohibition's condition behind a leaf that reads no atom of its own (as the record's are). */
function withLooseLeaf(plan: Plan): Plan {
  if (!plan.prohibitions.length) return plan;
  const [first, ...rest] = plan.prohibitions;
  const inner = first.cp.when;
  const loose: CNode = { op: 'leaf', logic: inner.logic, atoms: [], vars: [], test: (a) => eval3(inner, a) === 1 };
  return { ...plan, prohibitions: [{ ...first, cp: { ...first.cp, when: loose } }, ...rest] };
}

describe('incremental values', () => {
  const corpus = bundledCorpus();
  const cc = compileCorpus(corpus);
  const plans: Plan[] = [];
  for (const code of corpus.jurisdictions.keys()) {
    for (const asOf of ['2019-06-01', '2026-12-01']) for (const mode of ['transplant', 'actual'] as const) plans.push(planFor(cc, code, asOf, mode));
  }

  it('agree with evaluation from scratch at every node of random paths and their trials', () => {
    const rnd = seeded(7);
    let nodes = 0;
    for (const base of plans) {
      for (const plan of [base, withLooseLeaf(base)]) {
        const ix = planIndex(plan);
        for (let walk = 0; walk < 6; walk++) {
          const start: Assignment = [];
          // Some atoms fixed from the start, the others set one step at a time.
          for (const slot of plan.atoms) if (rnd() < 0.2) start[slot] = cc.atomInfo[slot].distinctions[Math.floor(rnd() * cc.atomInfo[slot].distinctions.length)].value;
          const trie = new ValueTrie(plan, start);
          const open = plan.atoms.filter((slot) => start[slot] === undefined).sort(() => rnd() - 0.5).slice(0, 12);
          const path: Step[] = [];
          const check = (steps: Step[]) => {
            const a = start.slice();
            for (const s of steps) a[s.slot] = s.distinction.value;
            const node = trie.at(steps);
            expect([...node.values]).toEqual(ix.conditions.map((c) => eval3(c, a)));
            expect(trie.verdict(node)).toBe(quickVerdict(plan, a));
            expect(trie.state(node)).toEqual(stateOf(plan, a));
            nodes++;
          };
          for (const slot of open) {
            const ds = cc.atomInfo[slot].distinctions;
            path.push({ slot, atom: cc.atomInfo[slot].atom, distinction: ds[Math.floor(rnd() * ds.length)] });
            check(path);
            if (path.length > 2) check(path.filter(() => rnd() < 0.6));
          }
        }
      }
    }
    expect(nodes).toBeGreaterThan(1000);
  });

  it('re-evaluates a leaf that reads no atom of its own at every node', () => {
    const plan = withLooseLeaf(plans.find((p) => p.prohibitions.length > 0)!);
    const ix = planIndex(plan);
    expect(ix.volatile).toEqual([ix.conditions.indexOf(plan.prohibitions[0].cp.when)]);
    expect(planIndex(plans[0]).volatile).toEqual([]);
  });
});

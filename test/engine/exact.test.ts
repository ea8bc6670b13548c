/**
 * exact3, the exact value of one condition under unknown facts, against brute force:
 * every completion of the condition's unknown atoms over their distinctions, on every
 * condition of the bundled corpus and random partial facts. Holds the read-once
 * shortcut (Kleene is exact when every atom is read once) to the definition.
 */
import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../../src/engine/index.ts';
import { collectAtoms } from '../../src/engine/plan.ts';
import { eval3, type CNode } from '../../src/engine/kleene.ts';
import { type Assignment } from '../../src/engine/assignment.ts';
import { exact3 } from '../../src/engine/search.ts';
import { bundledCorpus } from '../helpers.ts';

function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('exact3', () => {
  it('agrees with brute force over every completion, on every condition of the bundled corpus', () => {
    const cc = compileCorpus(bundledCorpus());
    const rnd = seeded(99);
    let checked = 0;
    for (const cp of cc.provisions) {
      for (const node of [cp.when, cp.met].filter((n): n is CNode => n !== undefined)) {
        const slots = new Set<number>();
        collectAtoms(node, slots);
        const list = [...slots];
        for (let trial = 0; trial < 6; trial++) {
          const a: Assignment = [];
          const unknown: number[] = [];
          for (const slot of list) {
            const ds = cc.atomInfo[slot].distinctions;
            if (rnd() < 0.5) unknown.push(slot);
            else a[slot] = ds[Math.floor(rnd() * ds.length)].value;
          }
          const combos = unknown.reduce((n, slot) => n * cc.atomInfo[slot].distinctions.length, 1);
          if (combos > 4096) continue;
          const seen = new Set<number>();
          const fill = (i: number): void => {
            if (i === unknown.length) return void seen.add(eval3(node, a));
            for (const d of cc.atomInfo[unknown[i]].distinctions) {
              a[unknown[i]] = d.value;
              fill(i + 1);
            }
            a[unknown[i]] = undefined;
          };
          fill(0);
          const brute = seen.size === 1 ? [...seen][0] : 2;
          expect(exact3(node, a, cc.atomInfo), `${cp.p.id}`).toBe(brute);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

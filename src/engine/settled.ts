/**
 * What one cell's facts settle about its conditions, each condition asked once.
 * The record (record.ts) and the checklist (checklist.ts) ask the same conditions of
 * the same facts; sharing the answers halves their cost on a matrix.
 */
import type { CompiledCorpus } from './compiled.ts';
import type { CNode, Tri } from './kleene.ts';
import type { Assignment } from './assignment.ts';
import { atomsOf } from './plan.ts';
import { exact3 } from './search.ts';

export interface Settled {
  readonly a: Assignment;
  /** The exact value of a condition: true or false only if every completion agrees. */
  exact(node: CNode): Tri;
  /** The keys of the unknown facts a condition reads, sorted. */
  unknownFacts(node: CNode | undefined): string[];
}

const NONE: string[] = [];

/** The answers for one assignment, computed on demand and kept for the cell's lifetime. */
export function settledFor(cc: CompiledCorpus, a: Assignment): Settled {
  const exact = new Map<CNode, Tri>();
  const facts = new Map<CNode, string[]>();
  return {
    a,
    exact(node) {
      let v = exact.get(node);
      // INVARIANT: the same value exact3 gives (it is exact3, remembered per cell; test/engine/exact.test.ts).
      if (v === undefined) exact.set(node, (v = exact3(node, a, cc.atomInfo)));
      return v;
    },
    unknownFacts(node) {
      if (!node) return NONE;
      let keys = facts.get(node);
      if (!keys) {
        const set = new Set<string>();
        for (const slot of atomsOf(node)) if (a[slot] === undefined) set.add(cc.atomInfo[slot].fact.key);
        facts.set(node, (keys = [...set].sort()));
      }
      return keys;
    },
  };
}

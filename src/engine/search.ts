/**
 * Exact three-valued answers by splitting on unknown facts.
 *
 * Kleene evaluation is sound but not complete (`x or not x` stays unknown). The
 * search splits on one unknown atom at a time, over its distinctions, until
 * Kleene evaluation settles every branch. A settled branch holds for every
 * completion of its remaining unknowns, so the leaves partition the whole space:
 * an answer is determined exactly when every leaf agrees, and each leaf's path is
 * a witness ("allowed if consent is separate").
 */
import type { AtomInfo, Distinction } from './distinctions.ts';
import { type CNode, eval3, type Tri, unknownAtom } from './kleene.ts';
import { type Assignment } from './assignment.ts';

const U = 2;

export interface Leaf<T> {
  outcome: T;
  /** The splits taken to reach this leaf, in order. */
  path: Step[];
  assignment: Assignment;
}

export interface Step {
  slot: number;
  atom: string;
  distinction: Distinction;
}

export interface Exploration<T> {
  leaves: Leaf<T>[];
  /** False when the node budget ran out before every branch settled. */
  complete: boolean;
}

export interface ExploreOptions<T = unknown> {
  /** Most branches to open before giving up (the answer is then marked incomplete). */
  budget?: number;
  /** Stop once this many distinct outcomes are known (verdict-only evaluation needs two). */
  stopAfterDistinct?: number;
  /** Stop once this many leaves are gathered (the exploration is then incomplete). */
  leafLimit?: number;
  /** Outcomes already known to be reachable (counted towards `stopAfterDistinct`). */
  known?: readonly T[];
}

export function explore<T>(
  start: Assignment,
  /** Both are given the node's assignment and the steps that lead to it from the start (live: copy to keep). */
  classify: (a: Assignment, path: readonly Step[]) => T | undefined,
  pick: (a: Assignment, path: readonly Step[]) => number | undefined,
  atoms: readonly AtomInfo[],
  options: ExploreOptions<T> = {},
): Exploration<T> {
  const budget = options.budget ?? 20000;
  const stopAfter = options.stopAfterDistinct ?? Infinity;
  const leafLimit = options.leafLimit ?? Infinity;
  const leaves: Leaf<T>[] = [];
  const seen = new Set<T>(options.known ?? []);
  let opened = 0;
  let complete = true;
  const path: Step[] = [];

  const visit = (a: Assignment): boolean => {
    const outcome = classify(a, path);
    if (outcome !== undefined) {
      leaves.push({ outcome, path: [...path], assignment: a });
      seen.add(outcome);
      if (leaves.length >= leafLimit) {
        complete = false;
        return false;
      }
      return seen.size < stopAfter;
    }
    const slot = pick(a, path);
    if (slot === undefined) throw new Error('internal: undetermined answer with no unknown atom to split on');
    const info = atoms[slot];
    if (!info) throw new Error(`internal: no distinctions for slot ${slot}`);
    for (const distinction of info.distinctions) {
      if (++opened > budget) {
        complete = false;
        return false;
      }
      path.push({ slot, atom: info.atom, distinction });
      const next = a.slice();
      next[slot] = distinction.value;
      const more = visit(next);
      path.pop();
      if (!more) return false;
    }
    return true;
  };
  visit(start);
  return { leaves, complete };
}

const readOnceMemo = new WeakMap<CNode, boolean>();

/**
 * Whether Kleene evaluation of a condition is already exact: it reads every atom in
 * one leaf only, and each leaf depends on its one atom. Over disjoint facts, every
 * connective reaches both truth values exactly when one of its parts can, so an
 * unknown answer means both are reachable.
 */
function readOnce(node: CNode, atoms: readonly AtomInfo[]): boolean {
  let known = readOnceMemo.get(node);
  if (known !== undefined) return known;
  const seen = new Set<number>();
  const visit = (n: CNode): boolean => {
    if (n.op === 'leaf') {
      if (n.atoms.length > 1) return false;
      if (n.atoms.length === 0) return true;
      const slot = n.atoms[0];
      if (seen.has(slot)) return false;
      seen.add(slot);
      const values = new Set(atoms[slot].distinctions.map((d) => {
        const x: Assignment = [];
        x[slot] = d.value;
        return n.test(x);
      }));
      return values.size === 2;
    }
    switch (n.op) {
      case 'not':
      case 'bool':
        return visit(n.kid);
      default:
        return n.kids.every(visit);
    }
  };
  known = visit(node);
  readOnceMemo.set(node, known);
  return known;
}

/** The exact value of one condition: true or false only if every completion agrees. */
export function exact3(node: CNode, a: Assignment, atoms: readonly AtomInfo[]): Tri {
  const first = eval3(node, a);
  if (first !== U) return first;
  // INVARIANT: read-once conditions skip the split, which would find both values
  // (test/property/completions.test.ts checks explanations against completions).
  if (readOnce(node, atoms)) return U;
  const { leaves, complete } = explore<Tri>(
    a,
    (x) => {
      const v = eval3(node, x);
      return v === U ? undefined : v;
    },
    (x) => unknownAtom(node, x),
    atoms,
    { stopAfterDistinct: 2 },
  );
  if (!complete) return U;
  const outcomes = new Set(leaves.map((l) => l.outcome));
  return outcomes.size === 1 ? leaves[0].outcome : U;
}

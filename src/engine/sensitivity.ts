/**
 * The facts a cell depends on: for a settled verdict, the known facts whose other value
 * would move it; for an undetermined one, the unknown facts its undecided rules read.
 */
import type { Verdict } from './types.ts';
import type { CNode } from './kleene.ts';
import type { Assignment } from './assignment.ts';
import type { CompiledCorpus } from './compiled.ts';
import { atomsOf, type Plan } from './plan.ts';
import { explore } from './search.ts';
import { type PlanState, pickAtom, stateOf, verdictOfState } from './status.ts';

const U = 2;

/**
 * The known facts on which a settled verdict depends: those for which some other
 * value would give another verdict, all else unchanged (checked exactly).
 */
export function sensitiveFacts(cc: CompiledCorpus, plan: Plan, a: Assignment, verdict: Verdict): string[] {
  const slotsByFact = new Map<string, number[]>();
  for (const slot of plan.atoms) {
    if (a[slot] === undefined) continue;
    const key = cc.atomInfo[slot].fact.key;
    if (!slotsByFact.has(key)) slotsByFact.set(key, []);
    slotsByFact.get(key)!.push(slot);
  }
  const out: string[] = [];
  for (const [key, slots] of slotsByFact) {
    const x = a.slice();
    for (const slot of slots) x[slot] = undefined;
    const s = stateOf(plan, x);
    if (verdictOfState(s) === verdict) continue;
    const states = new WeakMap<Assignment, PlanState>();
    const { leaves } = explore(
      x,
      (y) => {
        const st = stateOf(plan, y);
        states.set(y, st);
        return verdictOfState(st);
      },
      (y) => pickAtom(plan, states.get(y) ?? stateOf(plan, y), y),
      cc.atomInfo,
      { stopAfterDistinct: 2 },
    );
    if (leaves.some((l) => l.outcome !== verdict)) out.push(key);
  }
  return out.sort();
}

/** Facts read by the parts of the plan that unknown facts leave undetermined. */
export function undeterminedFacts(cc: CompiledCorpus, plan: Plan, s: PlanState, a: Assignment): string[] {
  const facts = new Set<string>();
  const note = (node: CNode) => {
    for (const slot of atomsOf(node)) if (a[slot] === undefined) facts.add(cc.atomInfo[slot].fact.key);
  };
  plan.instruments.forEach((pi, ii) => pi.scopes.forEach((cp, k) => s.scopes[ii][k] === U && note(cp.when)));
  plan.prohibitions.forEach((pr, k) => {
    if (s.prohibitions[k].fires !== U) return;
    note(pr.cp.when);
    pr.exceptions.forEach((e) => note(e.cp.when));
  });
  plan.obligations.forEach((ob, k) => {
    if (s.obligations[k].breached !== U) return;
    note(ob.cp.when);
    if (ob.cp.met) note(ob.cp.met);
    ob.exceptions.forEach((e) => note(e.cp.when));
  });
  return [...facts].sort();
}

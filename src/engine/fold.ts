/**
 * A plan with every condition folded against the facts a search starts from. Kleene
 * evaluation is monotone: a part of a condition that is already true or false under
 * the starting facts stays so however the search fills in the unknowns, so it can be
 * replaced by that constant. The folded plan gives the same value for every condition,
 * the same Kleene state and the same atom to split on (unknownAtom only descends into
 * undetermined parts) under every extension of the start; it just evaluates less.
 *
 * A leaf that reads no atom but is not constant (the record's "established" leaves)
 * breaks monotonicity, so no part containing one is folded.
 */
import { type CNode, eval3 } from './kleene.ts';
import { type Assignment } from './assignment.ts';
import type { CompiledProvision } from './compiled.ts';
import type { Plan } from './plan.ts';

const F = 0, T = 1, U = 2;

/** The constants a folded part becomes (and the record's "shown" defence). */
export const CONSTANT: Record<0 | 1, CNode> = {
  [F]: { op: 'leaf', logic: false, atoms: [], vars: [], test: () => false },
  [T]: { op: 'leaf', logic: true, atoms: [], vars: [], test: () => true },
};
export const isConstant = (n: CNode): boolean => n === CONSTANT[F] || n === CONSTANT[T];

const foldableMemo = new WeakMap<CNode, boolean>();

/** Whether every leaf of the part reads an atom (or is one of the constants above). */
function foldable(node: CNode): boolean {
  let known = foldableMemo.get(node);
  if (known !== undefined) return known;
  switch (node.op) {
    case 'leaf':
      known = node.atoms.length > 0 || isConstant(node);
      break;
    case 'not':
    case 'bool':
      known = foldable(node.kid);
      break;
    default:
      known = node.kids.every(foldable);
  }
  foldableMemo.set(node, known);
  return known;
}

function fold(node: CNode, a: Assignment): CNode {
  if (!foldable(node)) return node;
  const v = eval3(node, a);
  if (v !== U) return CONSTANT[v];
  switch (node.op) {
    case 'leaf':
      return node;
    case 'not':
    case 'bool': {
      const kid = fold(node.kid, a);
      return kid === node.kid ? node : { ...node, kid };
    }
    default: {
      const kids = node.kids.map((k) => fold(k, a));
      return kids.every((k, i) => k === node.kids[i]) ? node : { ...node, kids };
    }
  }
}

export function foldPlan(plan: Plan, a: Assignment): Plan {
  const cp = (c: CompiledProvision): CompiledProvision => {
    const when = fold(c.when, a);
    const met = c.met && fold(c.met, a);
    return when === c.when && met === c.met ? c : { ...c, when, met };
  };
  const rule = <R extends { cp: CompiledProvision; exceptions: { cp: CompiledProvision; ii: number }[] }>(r: R): R => ({
    ...r,
    cp: cp(r.cp),
    exceptions: r.exceptions.map((e) => ({ ...e, cp: cp(e.cp) })),
  });
  return {
    ...plan,
    instruments: plan.instruments.map((pi) => ({ ...pi, scopes: pi.scopes.map(cp) })),
    prohibitions: plan.prohibitions.map(rule),
    obligations: plan.obligations.map(rule),
  };
}

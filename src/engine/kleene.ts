/**
 * Kleene three-valued logic over condition trees: connectives propagate unknown, so a
 * determined answer holds for every completion of the unknown facts (sound, not
 * complete; search.ts makes it exact). The tree's leaves are json-logic comparisons
 * (logic.ts) evaluated over an assignment (assignment.ts).
 */
import type { Assignment } from './assignment.ts';

export const F = 0, T = 1, U = 2;
/** Three-valued truth: 0 false, 1 true, 2 unknown. */
export type Tri = 0 | 1 | 2;

/** A condition as the engine evaluates it: connectives over json-logic leaves. */
export type CNode =
  | { op: 'and' | 'or'; kids: CNode[]; logic: unknown }
  | { op: 'not' | 'bool'; kid: CNode; logic: unknown }
  | { op: 'if'; kids: CNode[]; logic: unknown }
  | { op: 'leaf'; logic: unknown; atoms: number[]; vars: string[]; test: (a: Assignment) => boolean };

export function not3(v: Tri): Tri {
  return v === U ? U : v === T ? F : T;
}

export function and3(values: Iterable<Tri>): Tri {
  let result: Tri = T;
  for (const v of values) {
    if (v === F) return F;
    if (v === U) result = U;
  }
  return result;
}

export function or3(values: Iterable<Tri>): Tri {
  let result: Tri = F;
  for (const v of values) {
    if (v === T) return T;
    if (v === U) result = U;
  }
  return result;
}

/** Kleene evaluation: sound (a determined answer holds for every completion), not complete. */
export function eval3(node: CNode, a: Assignment): Tri {
  switch (node.op) {
    case 'leaf': {
      for (const atom of node.atoms) if (a[atom] === undefined) return U;
      return node.test(a) ? T : F;
    }
    case 'and': {
      let result: Tri = T;
      for (const kid of node.kids) {
        const v = eval3(kid, a);
        if (v === F) return F;
        if (v === U) result = U;
      }
      // json-logic-js: {"and": []} is falsy.
      return node.kids.length === 0 ? F : result;
    }
    case 'or': {
      let result: Tri = F;
      for (const kid of node.kids) {
        const v = eval3(kid, a);
        if (v === T) return T;
        if (v === U) result = U;
      }
      return result;
    }
    case 'not':
      return not3(eval3(node.kid, a));
    case 'bool':
      return eval3(node.kid, a);
    case 'if':
      return evalIf(node.kids, 0, a);
  }
}

function evalIf(kids: CNode[], i: number, a: Assignment): Tri {
  if (i >= kids.length) return F;
  if (i === kids.length - 1) return eval3(kids[i], a);
  const c = eval3(kids[i], a);
  if (c === T) return eval3(kids[i + 1], a);
  if (c === F) return evalIf(kids, i + 2, a);
  const then = eval3(kids[i + 1], a);
  const otherwise = evalIf(kids, i + 2, a);
  return then === otherwise ? then : U;
}

/** An unassigned atom inside an undetermined part of the condition, to split on next. */
export function unknownAtom(node: CNode, a: Assignment): number | undefined {
  switch (node.op) {
    case 'leaf':
      return node.atoms.find((atom) => a[atom] === undefined);
    case 'and':
    case 'or':
    case 'if':
      for (const kid of node.kids) {
        if (eval3(kid, a) === U) {
          const atom = unknownAtom(kid, a);
          if (atom !== undefined) return atom;
        }
      }
      return undefined;
    case 'not':
    case 'bool':
      return unknownAtom(node.kid, a);
  }
}

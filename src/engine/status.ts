/**
 * The state of every rule of a plan under one (partial) assignment of facts, in
 * Kleene logic, and the verdict it settles, if any.
 */
import type { Verdict } from './types.ts';
import { eval3, not3, type Tri, unknownAtom } from './kleene.ts';
import { type Assignment } from './assignment.ts';

// Local copies of the truth values: imported bindings cost a getter call in hot loops.
const F = 0, T = 1, U = 2;
import type { Plan } from './plan.ts';

export interface ProhibitionState {
  cond: Tri;
  /** Per exception: it holds (its instrument applies and its condition holds). */
  exceptions: Tri[];
  lifted: Tri;
  fires: Tri;
}

export interface ObligationState {
  /** Its instrument applies and its condition holds. */
  cond: Tri;
  /** Per exemption: it holds. */
  exceptions: Tri[];
  lifted: Tri;
  /** Engaged: cond and not lifted. */
  engaged: Tri;
  met: Tri;
  breached: Tri;
}

export interface PlanState {
  /** Per instrument: per scope rule, whether it lets the instrument apply. */
  scopes: Tri[][];
  applies: Tri[];
  prohibitions: ProhibitionState[];
  obligations: ObligationState[];
  forbidden: Tri;
  covered: Tri;
}

// Two-valued Kleene connectives inlined for the hot loop: the same tables as and3/or3/not3,
// without an array per call. A rule's condition is not evaluated when its instrument does not
// apply: the conjunction is false either way and conditions have no side effects.
const and2 = (x: Tri, y: Tri): Tri => (x === F || y === F ? F : x === U || y === U ? U : T);
const andNot = (x: Tri, y: Tri): Tri => (x === F || y === T ? F : x === U || y === U ? U : T);

function holds(ap: Tri, node: Plan['prohibitions'][number]['cp']['when'], a: Assignment): Tri {
  return ap === F ? F : and2(ap, eval3(node, a));
}

function exceptionStates(exceptions: Plan['prohibitions'][number]['exceptions'], applies: Tri[], a: Assignment): { states: Tri[]; lifted: Tri } {
  const states: Tri[] = new Array(exceptions.length);
  let lifted: Tri = F;
  for (let k = 0; k < exceptions.length; k++) {
    const e = exceptions[k];
    const v = holds(applies[e.ii], e.cp.when, a);
    states[k] = v;
    if (v === T) lifted = T;
    else if (v === U && lifted === F) lifted = U;
  }
  return { states, lifted };
}

export function stateOf(plan: Plan, a: Assignment): PlanState {
  const ni = plan.instruments.length;
  const scopes: Tri[][] = new Array(ni);
  const applies: Tri[] = new Array(ni);
  let covered: Tri = F;
  for (let ii = 0; ii < ni; ii++) {
    const pi = plan.instruments[ii];
    const row: Tri[] = new Array(pi.scopes.length);
    let ap: Tri = T;
    for (let k = 0; k < pi.scopes.length; k++) {
      const cp = pi.scopes[k];
      const v = eval3(cp.when, a);
      const x = cp.p.scope === 'excludes' ? not3(v) : v;
      row[k] = x;
      if (x === F) ap = F;
      else if (x === U && ap === T) ap = U;
    }
    scopes[ii] = row;
    applies[ii] = ap;
    if (pi.regulates) {
      if (ap === T) covered = T;
      else if (ap === U && covered === F) covered = U;
    }
  }
  let forbidden: Tri = F;
  const fold = (v: Tri) => {
    if (v === T) forbidden = T;
    else if (v === U && forbidden === F) forbidden = U;
  };
  const prohibitions: ProhibitionState[] = new Array(plan.prohibitions.length);
  for (let k = 0; k < plan.prohibitions.length; k++) {
    const pr = plan.prohibitions[k];
    const cond = holds(applies[pr.ii], pr.cp.when, a);
    const { states, lifted } = exceptionStates(pr.exceptions, applies, a);
    const fires = andNot(cond, lifted);
    prohibitions[k] = { cond, exceptions: states, lifted, fires };
    fold(fires);
  }
  const obligations: ObligationState[] = new Array(plan.obligations.length);
  for (let k = 0; k < plan.obligations.length; k++) {
    const ob = plan.obligations[k];
    const cond = holds(applies[ob.ii], ob.cp.when, a);
    const { states, lifted } = exceptionStates(ob.exceptions, applies, a);
    const engaged = andNot(cond, lifted);
    const met = ob.cp.met ? eval3(ob.cp.met, a) : U;
    const breached = andNot(engaged, met);
    obligations[k] = { cond, exceptions: states, lifted, engaged, met, breached };
    fold(breached);
  }
  return { scopes, applies, prohibitions, obligations, forbidden, covered };
}

/** Whether any of a rule's exceptions holds (its instrument applies and its condition holds). */
function liftedBy(exceptions: Plan['prohibitions'][number]['exceptions'], applies: Tri[], a: Assignment): Tri {
  let lifted: Tri = F;
  for (const e of exceptions) {
    const ea = applies[e.ii];
    if (ea === F) continue;
    const ec = eval3(e.cp.when, a);
    const h: Tri = ea === T && ec === T ? T : ec === F ? F : U;
    if (h === T) return T;
    if (h === U) lifted = U;
  }
  return lifted;
}

/**
 * The verdict an assignment settles, if any, without building the full state:
 * stops at the first prohibition that fires.
 * INVARIANT: the same answer as verdictOfState(stateOf(plan, a)) (test/property/completions.test.ts:
 * "fast paths agree").
 */
export function quickVerdict(plan: Plan, a: Assignment): Exclude<Verdict, 'conditional'> | undefined {
  const n = plan.instruments.length;
  const applies: Tri[] = new Array(n);
  for (let ii = 0; ii < n; ii++) {
    let v: Tri = T;
    for (const cp of plan.instruments[ii].scopes) {
      let x = eval3(cp.when, a);
      if (cp.p.scope === 'excludes') x = x === U ? U : x === T ? F : T;
      if (x === F) { v = F; break; }
      if (x === U) v = U;
    }
    applies[ii] = v;
  }
  let forbidden: Tri = F;
  for (const pr of plan.prohibitions) {
    const ap = applies[pr.ii];
    if (ap === F) continue;
    const c = eval3(pr.cp.when, a);
    if (c === F) continue;
    const lifted = liftedBy(pr.exceptions, applies, a);
    if (lifted === T) continue;
    if (ap === T && c === T && lifted === F) return 'forbidden';
    forbidden = U;
  }
  for (const ob of plan.obligations) {
    const ap = applies[ob.ii];
    if (ap === F) continue;
    const c = eval3(ob.cp.when, a);
    if (c === F) continue;
    const m = ob.cp.met ? eval3(ob.cp.met, a) : U;
    if (m === T) continue;
    const lifted = liftedBy(ob.exceptions, applies, a);
    if (lifted === T) continue;
    if (ap === T && c === T && m === F && lifted === F) return 'forbidden';
    forbidden = U;
  }
  return unlessForbidden(plan, applies, forbidden);
}

/**
 * The verdict of a flow that nothing forbids outright, from whether each instrument applies and
 * whether something may forbid (F or U): not covered, allowed, or not settled.
 */
export function unlessForbidden(plan: Plan, applies: Tri[], forbidden: Tri): Exclude<Verdict, 'conditional' | 'forbidden'> | undefined {
  let covered: Tri = F;
  for (let ii = 0; ii < plan.instruments.length; ii++) {
    if (!plan.instruments[ii].regulates) continue;
    if (applies[ii] === T) { covered = T; break; }
    if (applies[ii] === U) covered = U;
  }
  if (covered === F) return 'not-covered';
  if (forbidden === F && covered === T) return 'allowed';
  return undefined;
}

export function verdictOfState(s: PlanState): Exclude<Verdict, 'conditional'> | undefined {
  if (s.forbidden === T) return 'forbidden';
  if (s.covered === F) return 'not-covered';
  if (s.forbidden === F && s.covered === T) return 'allowed';
  return undefined;
}

/** An unknown atom whose value would move an undetermined verdict. */
export function pickAtom(plan: Plan, s: PlanState, a: Assignment): number | undefined {
  const scopeAtom = (ii: number): number | undefined => {
    const pi = plan.instruments[ii];
    for (let k = 0; k < pi.scopes.length; k++) {
      if (s.scopes[ii][k] === U) {
        const atom = unknownAtom(pi.scopes[k].when, a);
        if (atom !== undefined) return atom;
      }
    }
    return undefined;
  };
  if (s.forbidden === U) {
    for (let k = 0; k < plan.prohibitions.length; k++) {
      const st = s.prohibitions[k];
      if (st.fires !== U) continue;
      const pr = plan.prohibitions[k];
      const atom =
        (s.applies[pr.ii] === U ? scopeAtom(pr.ii) : undefined) ??
        (st.cond === U ? unknownAtom(pr.cp.when, a) : undefined) ??
        pr.exceptions
          .map((e, i) => (st.exceptions[i] === U ? (s.applies[e.ii] === U ? scopeAtom(e.ii) : undefined) ?? unknownAtom(e.cp.when, a) : undefined))
          .find((x) => x !== undefined);
      if (atom !== undefined) return atom;
    }
    for (let k = 0; k < plan.obligations.length; k++) {
      const st = s.obligations[k];
      if (st.breached !== U) continue;
      const ob = plan.obligations[k];
      const atom =
        (s.applies[ob.ii] === U ? scopeAtom(ob.ii) : undefined) ??
        (st.cond === U ? unknownAtom(ob.cp.when, a) : undefined) ??
        (st.met === U && ob.cp.met ? unknownAtom(ob.cp.met, a) : undefined) ??
        ob.exceptions
          .map((e, i) => (st.exceptions[i] === U ? (s.applies[e.ii] === U ? scopeAtom(e.ii) : undefined) ?? unknownAtom(e.cp.when, a) : undefined))
          .find((x) => x !== undefined);
      if (atom !== undefined) return atom;
    }
  }
  for (let ii = 0; ii < plan.instruments.length; ii++) {
    if (plan.instruments[ii].regulates && s.applies[ii] === U) {
      const atom = scopeAtom(ii);
      if (atom !== undefined) return atom;
    }
  }
  return undefined;
}

/**
 * The state of every rule of a plan under one (partial) assignment of facts, in
 * Kleene logic, and the verdict it settles, if any.
 */
import type { Verdict } from './types.ts';
import { type Assignment, and3, eval3, not3, or3, type Tri, unknownAtom } from './logic.ts';

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

export function stateOf(plan: Plan, a: Assignment): PlanState {
  const scopes = plan.instruments.map((pi) =>
    pi.scopes.map((cp) => {
      const v = eval3(cp.when, a);
      return cp.p.scope === 'excludes' ? not3(v) : v;
    }),
  );
  const applies = scopes.map((s) => and3(s));
  const prohibitions = plan.prohibitions.map((pr) => {
    const cond = and3([applies[pr.ii], eval3(pr.cp.when, a)]);
    const exceptions = pr.exceptions.map((e) => and3([applies[e.ii], eval3(e.cp.when, a)]));
    const lifted = or3(exceptions);
    return { cond, exceptions, lifted, fires: and3([cond, not3(lifted)]) };
  });
  const obligations = plan.obligations.map((ob) => {
    const cond = and3([applies[ob.ii], eval3(ob.cp.when, a)]);
    const exceptions = ob.exceptions.map((e) => and3([applies[e.ii], eval3(e.cp.when, a)]));
    const lifted = or3(exceptions);
    const engaged = and3([cond, not3(lifted)]);
    const met = ob.cp.met ? eval3(ob.cp.met, a) : U;
    return { cond, exceptions, lifted, engaged, met, breached: and3([engaged, not3(met)]) };
  });
  const forbidden = or3([...prohibitions.map((p) => p.fires), ...obligations.map((o) => o.breached)]);
  const covered = or3(plan.instruments.map((pi, i) => (pi.regulates ? applies[i] : F)));
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
 * stops at the first prohibition that fires. The same logic as stateOf + verdictOfState.
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
  let covered: Tri = F;
  for (let ii = 0; ii < n; ii++) {
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

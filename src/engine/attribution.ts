/**
 * Attribution: which provisions a cell's verdict rests on, the duties that come with it
 * and the remedies that follow a breach, read from the rules' Kleene state.
 */
import type { Provision, Verdict } from './types.ts';
import { eval3 } from './kleene.ts';
import { type Assignment } from './assignment.ts';
import type { Plan } from './plan.ts';
import type { PlanState } from './status.ts';

const T = 1, U = 2;

export interface ProvisionRef {
  id: string;
  citation: string;
  title: string;
  instrument: string;
  /** The part it plays in this verdict. */
  role: 'prohibition' | 'obligation' | 'exception' | 'scope';
  /** What it does here, in a word. */
  status: string;
}

export interface RemedyRef {
  id: string;
  citation: string;
  title: string;
  /** 'available' where its conditions hold; 'possible' where unknown facts decide. */
  status: 'available' | 'possible';
}

export interface ObligationRef {
  id: string;
  citation: string;
  title: string;
  status: 'met' | 'breached' | 'open';
}

const ref = (p: Provision, role: ProvisionRef['role'], status: string): ProvisionRef => ({
  id: p.id,
  citation: p.citation,
  title: p.title,
  instrument: p.instrument,
  role,
  status,
});

/** The provisions that settle a determined state. */
export function decisiveOf(plan: Plan, s: PlanState, verdict: Verdict): ProvisionRef[] {
  const out: ProvisionRef[] = [];
  if (verdict === 'forbidden') {
    plan.prohibitions.forEach((pr, k) => s.prohibitions[k].fires === T && out.push(ref(pr.cp.p, 'prohibition', 'forbids')));
    plan.obligations.forEach((ob, k) => s.obligations[k].breached === T && out.push(ref(ob.cp.p, 'obligation', 'breached')));
  } else if (verdict === 'allowed') {
    for (const [rules, states] of [[plan.prohibitions, s.prohibitions], [plan.obligations, s.obligations]] as const) {
      rules.forEach((rule, k) => {
        if (states[k].cond !== T) return;
        rule.exceptions.forEach((e, i) => states[k].exceptions[i] === T && out.push(ref(e.cp.p, 'exception', `lifts ${rule.cp.p.citation}`)));
      });
    }
  } else if (verdict === 'not-covered') {
    plan.instruments.forEach((pi, ii) =>
      pi.scopes.forEach((cp, k) => s.scopes[ii][k] === 0 && out.push(ref(cp.p, 'scope', 'excludes the flow'))),
    );
  } else {
    plan.prohibitions.forEach((pr, k) => s.prohibitions[k].fires === U && out.push(ref(pr.cp.p, 'prohibition', 'may forbid')));
    plan.obligations.forEach((ob, k) => s.obligations[k].breached === U && out.push(ref(ob.cp.p, 'obligation', 'open')));
    plan.instruments.forEach((pi, ii) =>
      pi.regulates && s.applies[ii] === U && pi.scopes.forEach((cp, k) => s.scopes[ii][k] === U && out.push(ref(cp.p, 'scope', 'may exclude'))),
    );
  }
  return dedupe(out);
}

export function dedupe<T extends { id: string; role?: string }>(refs: T[]): T[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.id}|${r.role ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function obligationsOf(plan: Plan, s: PlanState): ObligationRef[] {
  const out: ObligationRef[] = [];
  plan.obligations.forEach((ob, k) => {
    const st = s.obligations[k];
    if (st.engaged === 0) return;
    const status = st.breached === T ? 'breached' : st.met === T && st.engaged === T ? 'met' : 'open';
    out.push({ id: ob.cp.p.id, citation: ob.cp.p.citation, title: ob.cp.p.title, status });
  });
  return out;
}

/**
 * What follows a breach: the remedies that sanction a rule that forbids, or may forbid,
 * the flow (a remedy without a list sanctions any rule of its own instrument).
 */
export function remediesOf(plan: Plan, s: PlanState, a: Assignment, verdict: Verdict): RemedyRef[] {
  if (verdict !== 'forbidden' && verdict !== 'conditional') return [];
  const breaching = new Set<number>();
  const breached = new Set<string>();
  plan.prohibitions.forEach((pr, k) => {
    if (s.prohibitions[k].fires === 0) return;
    breaching.add(pr.ii);
    breached.add(pr.cp.p.id);
  });
  plan.obligations.forEach((ob, k) => {
    if (s.obligations[k].breached === 0) return;
    breaching.add(ob.ii);
    breached.add(ob.cp.p.id);
  });
  const out: RemedyRef[] = [];
  for (const r of plan.remedies) {
    const sanctioned = r.cp.p.sanctions ? r.cp.p.sanctions.some((id) => breached.has(id)) : breaching.has(r.ii);
    if (!sanctioned || s.applies[r.ii] === 0) continue;
    const v = eval3(r.cp.when, a);
    if (v === 0) continue;
    out.push({ id: r.cp.p.id, citation: r.cp.p.citation, title: r.cp.p.title, status: v === 1 && s.applies[r.ii] === 1 ? 'available' : 'possible' });
  }
  return out;
}

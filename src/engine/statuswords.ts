/**
 * What each provision of a plan does under an assignment, in a word (forbids,
 * lifted, not engaged, breached, met, exempted, lifts X): the vocabulary that
 * the law diff's aligned provisions and the explanation delta share.
 */
import type { Plan } from './plan.ts';
import { stateOf } from './status.ts';
import type { Provision } from './types.ts';

/** Per provision of a plan: what it does under an assignment (Kleene), in a word; undetermined ones are left out. */
export function statuses(plan: Plan, a: unknown[], undecided = false): Map<string, { p: Provision; status: string }> {
  const s = stateOf(plan, a);
  const out = new Map<string, { p: Provision; status: string }>();
  const put = (p: Provision, status: string | undefined) => status && !out.has(p.id) && out.set(p.id, { p, status });
  plan.prohibitions.forEach((pr, k) => {
    const st = s.prohibitions[k];
    put(pr.cp.p, st.fires === 1 ? 'forbids' : st.cond === 1 && st.lifted === 1 ? 'lifted' : st.cond === 0 ? 'not engaged' : undecided ? 'may forbid' : undefined);
    pr.exceptions.forEach((e, i) => st.cond === 1 && st.exceptions[i] === 1 && put(e.cp.p, `lifts ${pr.cp.p.citation}`));
  });
  plan.obligations.forEach((ob, k) => {
    const st = s.obligations[k];
    put(ob.cp.p, st.breached === 1 ? 'breached' : st.engaged === 1 && st.met === 1 ? 'met' : st.cond === 1 && st.lifted === 1 ? 'exempted' : st.cond === 0 ? 'not engaged' : undecided ? 'open' : undefined);
    ob.exceptions.forEach((e, i) => st.cond === 1 && st.exceptions[i] === 1 && put(e.cp.p, `exempts from ${ob.cp.p.citation}`));
  });
  return out;
}


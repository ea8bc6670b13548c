/**
 * A provision's own outcome on a set of facts, for the examples each provision
 * carries. The same parsed conditions and the same exact search as the matrix.
 * A prohibition's exceptions are those in force on the example's date in its
 * jurisdiction and the ones it inherits.
 */
import type { ProvisionOutcome } from './types.ts';
import type { CNode } from './kleene.ts';
import type { Assignment } from './assignment.ts';
import { type CompiledCorpus, type CompiledProvision, inForceOn } from './compiled.ts';
import { exact3 } from './search.ts';
import { flattenFacts, toAssignment } from './facts.ts';

/** The outcomes in which a provision "fires": it excludes, forbids, lifts or is breached. */
export const FIRING: ReadonlySet<ProvisionOutcome> = new Set(['out-of-scope', 'forbids', 'lifts', 'breached', 'available']);

export function liftingExceptions(cc: CompiledCorpus, cp: CompiledProvision, asOf: string): CompiledProvision[] {
  const chain = cc.chains.get(cp.p.jurisdiction) ?? [cp.p.jurisdiction];
  return cc.provisions.filter(
    (e) => e.p.kind === 'exception' && e.p.lifts?.includes(cp.p.id) && chain.includes(e.p.jurisdiction) && inForceOn(e.p, asOf),
  );
}

/** A rule's condition with none of its exceptions holding. */
function unless(when: CNode, exceptions: CompiledProvision[]): CNode {
  return { op: 'and', logic: null, kids: [when, { op: 'not', logic: null, kid: { op: 'or', logic: null, kids: exceptions.map((e) => e.when) } }] };
}

export function provisionOutcome(cc: CompiledCorpus, cp: CompiledProvision, a: Assignment, asOf: string): ProvisionOutcome {
  const when = exact3(cp.when, a, cc.atomInfo);
  switch (cp.p.kind) {
    case 'scope':
      if (when === 2) return 'unknown';
      return (when === 1) === (cp.p.scope === 'excludes') ? 'out-of-scope' : 'in-scope';
    case 'exception':
      return when === 2 ? 'unknown' : when === 1 ? 'lifts' : 'does-not-lift';
    case 'remedy':
      return when === 2 ? 'unknown' : when === 1 ? 'available' : 'unavailable';
    case 'obligation': {
      if (when === 0) return 'not-engaged';
      const exceptions = liftingExceptions(cc, cp, asOf);
      const engaged = exceptions.length ? exact3(unless(cp.when, exceptions), a, cc.atomInfo) : when;
      if (engaged === 0 && when === 1) return 'lifted';
      if (engaged !== 1 || !cp.met) return 'unknown';
      const met = exact3(cp.met, a, cc.atomInfo);
      return met === 1 ? 'met' : met === 0 ? 'breached' : 'unknown';
    }
    case 'prohibition': {
      if (when === 0) return 'not-engaged';
      const v = exact3(unless(cp.when, liftingExceptions(cc, cp, asOf)), a, cc.atomInfo);
      if (v === 1) return 'forbids';
      if (v === 0 && when === 1) return 'lifted';
      return 'unknown';
    }
  }
}

/** Runs one example of a provision: the outcome the engine gives on its facts. */
export function runExample(cc: CompiledCorpus, cp: CompiledProvision, facts: Record<string, unknown>, asOf?: string): ProvisionOutcome {
  const a = toAssignment(flattenFacts(facts), cc.corpus.vocabulary, cc.slots);
  return provisionOutcome(cc, cp, a, asOf ?? cp.p.inForce.from);
}

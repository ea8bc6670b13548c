/**
 * One question answered: the scenario with one more fact stated, as a share link.
 * A flow fact is stated once for the whole scenario, filling every flow that leaves
 * it unknown; a legal-order fact is stated for the one jurisdiction it asks about.
 */
import { setPath } from '../engine/logic.ts';
import { flattenFacts, type Facts, type Scenario } from '../engine/index.ts';

export function withAnswer(scenario: Scenario, fact: string, value: unknown, jurisdiction?: string): Scenario {
  const copy = structuredClone(scenario);
  if (jurisdiction) {
    copy.jurisdictionFacts ??= {};
    setPath((copy.jurisdictionFacts[jurisdiction] ??= {}) as Record<string, unknown>, fact, value);
    return copy;
  }
  setPath(copy.facts as Record<string, unknown>, fact, value);
  // A flow that states the fact as null (unknown) would hide the shared value.
  for (const flow of copy.flows) {
    if (fact in flattenFacts(flow.facts) && flattenFacts(flow.facts)[fact] === null) setPath(flow.facts as Record<string, unknown>, fact, value);
  }
  return copy as Scenario & { facts: Facts };
}

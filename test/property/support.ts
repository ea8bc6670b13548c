/** Imports for the property tests, and a nested-facts setter. */
export { evaluateScenario, type Corpus, type FactDef, type Facts, type Mode, type OutcomeCondition } from '../../src/engine/index.ts';
import { setPath } from '../../src/engine/logic.ts';
import type { Facts } from '../../src/engine/index.ts';

export function setPathFacts(target: Facts, key: string, value: unknown): void {
  setPath(target as Record<string, unknown>, key, value);
}

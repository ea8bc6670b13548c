/**
 * The work budget of one request. Evaluation cost grows with the cells (flows x
 * jurisdictions) and, for the outcome map, with the unknown facts each cell splits
 * on: a cell with every fact unknown costs about 30 times one of the seed's
 * verdicts-only cells. The estimate is a count, computed before any evaluation, so
 * a request over the budget is refused at once instead of holding a worker.
 */
import { flattenFacts, type Flow, type Scenario } from '../engine/index.ts';
import { HttpError } from './errors.ts';

/**
 * How much a request asks of each cell: its verdict, the outcome map too, or also the explanation
 * tree; or, for the questions that settle a matrix, one verdict per answer of each unknown fact.
 */
export type Detail = 'verdicts' | 'outcomes' | 'explain' | 'questions';

/**
 * Work units one request may cost. One unit is about 0.05 ms of engine time on the
 * bench machine. The seed scenario against every jurisdiction with explanations (the
 * README's example) costs about 13,000 with the vocabulary's 144 facts (the estimate
 * grows with the vocabulary, since a fact nobody states is one more to split on); a
 * flow that states nothing about 2,900 with explanations, so at most six such flows
 * against all seventeen jurisdictions.
 */
export const WORK_BUDGET = 20_000;
/** Cells whose explanation one request may ask for by name (explain: [{flow, jurisdiction}]). */
export const MAX_EXPLAINED_CELLS = 20;
/** Largest JSON answer (bytes); the budget keeps answers well below it, this is the backstop. */
export const MAX_ANSWER_BYTES = 8 * 2 ** 20;

/** Facts a flow leaves unknown: the vocabulary less what the scenario, the flow and their legal orders state. */
export function unknownFacts(scenario: Scenario, flow: Flow, vocabularySize: number): number {
  const stated = new Set<string>();
  const add = (facts: unknown) => {
    for (const [k, v] of Object.entries(flattenFacts(facts as Scenario['facts']))) if (v !== null && v !== undefined) stated.add(k);
  };
  add(scenario.facts);
  add(flow.facts);
  for (const jf of [scenario.jurisdictionFacts, flow.jurisdictionFacts]) for (const facts of Object.values(jf ?? {})) add(facts);
  return Math.max(0, vocabularySize - stated.size);
}

/** Units of one cell of `flow`: 1 for a verdict; the outcome map grows with the square of the unknown facts. */
export function cellUnits(unknown: number, vocabularySize: number, detail: Detail): number {
  if (detail === 'verdicts') return 1;
  // About 2.5 answers per unknown fact, each a verdict-only search at a seventh of a unit.
  if (detail === 'questions') return Math.max(1, unknown * 0.35);
  const outcomes = Math.max(1, (unknown * unknown) / Math.max(1, vocabularySize));
  return detail === 'explain' ? outcomes * 1.15 : outcomes;
}

/** Units per flow of a scenario against `jurisdictions` jurisdictions. */
export function flowUnits(scenario: Scenario, jurisdictions: number, vocabularySize: number, detail: Detail): number[] {
  return scenario.flows.map((f) => jurisdictions * cellUnits(unknownFacts(scenario, f, vocabularySize), vocabularySize, detail));
}

/** Refuses, with what to ask for instead, a request whose estimate exceeds the budget. */
export function checkBudget(units: number, what: { flows: number; jurisdictions: number; detail: Detail }, budget = WORK_BUDGET): void {
  if (units <= budget) return;
  const advice =
    what.detail === 'verdicts'
      ? 'ask for fewer flows or jurisdictions'
      : `ask for fewer jurisdictions or flows, state more of the facts${what.detail === 'explain' ? ', or leave out explanations (explain: false) and ask for the cells you need (explain: [{"flow": "...", "jurisdiction": "KR"}])' : ''}`;
  throw new HttpError(
    422,
    'over_budget',
    `this request would cost about ${Math.round(units)} work units (${what.flows} flows x ${what.jurisdictions} jurisdictions, ${what.detail}), more than the ${budget} one request may use; ${advice}`,
  );
}

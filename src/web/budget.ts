/**
 * The work budget of one request. Evaluation cost grows with the cells (flows x
 * jurisdictions) and, for the outcome map, with the unknown facts each cell's plan
 * reads, since those are what the search splits on. The estimate is a count, computed
 * before any evaluation, so a request over the budget is refused at once instead of
 * holding a worker.
 */
import { cellInputs, type CompiledCorpus, type Corpus, type Mode, type Scenario } from '../engine/index.ts';
import { planFor } from '../engine/plan.ts';
import { HttpError } from './errors.ts';

/**
 * How much a request asks of each cell: its verdict, the outcome map too, or also the explanation
 * tree; or, for the questions that settle a matrix, one verdict per answer of each unknown fact.
 */
export type Detail = 'verdicts' | 'outcomes' | 'explain' | 'questions';

/**
 * Work units one request may cost. One unit is about 0.005 to 0.01 ms of engine time on the
 * bench machine with the JSON made (measured over the bundled scenarios, 2026-12-04), shared by
 * the pool's workers (bench/availability.ts reports the worst admitted request). The seed scenario against every jurisdiction with explanations on today's law
 * (the README's example) costs about 21,700; a flow that states nothing about 14,500 with
 * explanations, so one such flow against all seventeen jurisdictions fits and two do not.
 */
export const WORK_BUDGET = 22_500;
/** Cells whose explanation one request may ask for by name (explain: [{flow, jurisdiction}]). */
export const MAX_EXPLAINED_CELLS = 20;
/** Largest JSON answer (bytes); the budget keeps answers well below it, this is the backstop. */
export const MAX_ANSWER_BYTES = 8 * 2 ** 20;

/**
 * Units of one cell whose plan reads `unknown` atoms the flow leaves open: 1 for a verdict;
 * the outcome map grows with their square (measured over the bundled scenarios' cells and
 * flows that state nothing).
 */
export function cellUnits(unknown: number, detail: Exclude<Detail, 'questions'>): number {
  if (detail === 'verdicts') return 1;
  const outcomes = Math.max(1, 0.3 * unknown * unknown);
  return detail === 'explain' ? outcomes * 1.15 : outcomes;
}

/**
 * Units of one cell's share of the questions that settle a matrix, whose plan reads `unknown` atoms
 * the flow leaves open: each unknown fact's answers are tried, each a verdict-only search over the
 * others, so the cost grows with their square too (measured over the bundled scenarios and flows
 * that state nothing: 0.2 to 1.1 microseconds per open atom squared).
 */
function questionUnits(unknown: number): number {
  return Math.max(1, 0.05 * unknown * unknown);
}

/** Units per flow of a scenario against the jurisdictions of `view`. */
export function flowUnits(corpus: Corpus, cc: CompiledCorpus, scenario: Scenario, view: { asOf: string; mode: Mode; jurisdictions: string[] }, detail: Detail): number[] {
  const codes = view.jurisdictions.length;
  if (detail === 'verdicts') return scenario.flows.map(() => codes);
  const units = new Map(scenario.flows.map((f) => [f.id, 0]));
  for (const c of cellInputs(corpus, scenario, view, cc).cells) {
    let open = 0;
    for (const slot of c.plan.atoms) if (c.assignment[slot] === undefined) open++;
    units.set(c.flow, units.get(c.flow)! + (detail === 'questions' ? questionUnits(open) : cellUnits(open, detail)));
  }
  return scenario.flows.map((f) => units.get(f.id)!);
}

/** Units of one more cell explained by name: as much as a cell that states nothing, the most a cell can cost. */
export function namedCellUnits(cc: CompiledCorpus, view: { asOf: string; mode: Mode }, code: string): number {
  return cellUnits(planFor(cc, code, view.asOf, view.mode).atoms.length, 'explain');
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

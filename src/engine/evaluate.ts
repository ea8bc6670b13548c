/**
 * The engine's entry point: every flow of a scenario against every requested
 * jurisdiction, on a date, reading territory as transplanted or actual.
 */
import { isIsoDate } from '../dates.ts';
import type { Corpus, EvaluateOptions, Mode, Scenario } from './types.ts';
import { compileCorpus, type CompiledCorpus } from './compiled.ts';
import { planFor, type Plan } from './plan.ts';
import type { Assignment } from './assignment.ts';
import { type Cell, evaluateCell } from './cell.ts';
import { flowFacts, legalFacts, toAssignment } from './facts.ts';
import { explainCell, type Explanation } from './explain.ts';
import { readOnRecord, type RecordReading } from './record.ts';
import { checklistOf, type ChecklistItem } from './checklist.ts';
import { settledFor } from './settled.ts';

/** One cell of the matrix as the surfaces see it: the cell's findings, placed and explained. */
export type CellResult = {
  flow: string;
  jurisdiction: string;
  /** The reading on the record (absent on the bare path): see record.ts. */
  record?: RecordReading;
  /** What would change it, in the law's structure (absent on the bare path): see checklist.ts. */
  checklist?: ChecklistItem[];
  explanation?: Explanation;
} & Omit<Cell, 'state'>;

export interface EvaluationResult {
  scenario: string;
  asOf: string;
  mode: Mode;
  jurisdictions: string[];
  results: CellResult[];
}

export class EngineInputError extends Error {
  constructor(message: string, readonly path: string) {
    super(message);
  }
}

/** Every jurisdiction code the corpus knows, in index order. */
export function jurisdictionCodes(corpus: Corpus): string[] {
  return [...corpus.jurisdictions.keys()];
}

/** One cell to evaluate: a flow under a jurisdiction's plan, with its facts as the engine reads them. */
export interface CellInput {
  flow: string;
  code: string;
  plan: Plan;
  assignment: Assignment;
}

/** The cells of a scenario in matrix order (flows, then jurisdictions), after checking the options. */
export function cellInputs(corpus: Corpus, scenario: Scenario, options: EvaluateOptions, cc: CompiledCorpus): { codes: string[]; mode: Mode; cells: CellInput[] } {
  const mode = options.mode ?? 'transplant';
  const codes = options.jurisdictions?.length ? options.jurisdictions : jurisdictionCodes(corpus);
  for (const code of codes) {
    if (!corpus.jurisdictions.has(code)) throw new EngineInputError(`unknown jurisdiction ${code}`, 'jurisdictions');
  }
  if (!isIsoDate(options.asOf)) throw new EngineInputError(`asOf must be a calendar date YYYY-MM-DD, got ${options.asOf}`, 'asOf');
  const cells: CellInput[] = [];
  for (const flow of scenario.flows) {
    const shared = toAssignment(flowFacts(scenario, flow, []), corpus.vocabulary, cc.slots);
    for (const code of codes) {
      const legal = legalFacts(scenario, flow, cc.chains.get(code) ?? [code]);
      // INVARIANT: cells never keep changes to the assignment they are given, so one can be shared
      // (test/engine/compiled-differential.test.ts: "whole matrices come out the same through both paths").
      const assignment = Object.keys(legal).length ? toAssignment(legal, corpus.vocabulary, cc.slots, shared) : shared;
      cells.push({ flow: flow.id, code, plan: planFor(cc, code, options.asOf, mode), assignment });
    }
  }
  return { codes, mode, cells };
}

/**
 * Every flow of a scenario against every requested jurisdiction: each cell's open
 * verdict (exact three-valued, see cell.ts), its on-record reading (record.ts) and
 * its checklist (checklist.ts). reference.ts states the verdict for complete facts in a
 * few lines (the specification of `Verdict`); the property tests hold the engine to it.
 */
export function evaluateScenario(corpus: Corpus, scenario: Scenario, options: EvaluateOptions, cc: CompiledCorpus = compileCorpus(corpus)): EvaluationResult {
  const { codes, mode, cells } = cellInputs(corpus, scenario, options, cc);
  const establish = new Set(options.establish ?? []);
  const detail = options.detail ?? 'outcomes';
  const results: CellResult[] = cells.map(({ flow, code, plan, assignment }) => {
    const cell = evaluateCell(cc, plan, assignment, { detail: detail === 'explained' ? 'outcomes' : detail });
    const { state: _state, ...findings } = cell;
    const settled = cell.state && settledFor(cc, assignment);
    return {
      flow,
      jurisdiction: code,
      ...findings,
      record: settled && readOnRecord(cc, plan, assignment, { establish }, cell.state, settled),
      // A matrix shows no checklist ('findings'); the cell page and the JSON contract do.
      checklist: settled && detail !== 'findings' ? checklistOf(cc, plan, assignment, cell.state!, settled) : undefined,
      explanation: detail === 'explained' ? explainCell(cc, plan, assignment, cell) : undefined,
    };
  });
  return { scenario: scenario.id, asOf: options.asOf, mode, jurisdictions: codes, results };
}

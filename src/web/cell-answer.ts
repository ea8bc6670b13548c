/**
 * What one cell's page needs from the engine: the cell explained, the facts it
 * reads, what would change it and its verdict across time. Run by the evaluation
 * worker (pool-worker.ts); the bench times it as "a cell page".
 */
import { cellInputs, evaluateScenario, flowFacts, type CellResult, type CompiledCorpus, type Corpus, type Mode, type Scenario } from '../engine/index.ts';
import { timeline, type Timeline } from '../engine/timeline.ts';
import { whatWouldChange } from '../engine/whatif.ts';
import { cellChanges, type WhatIf } from './cell-changes.ts';

export interface CellAnswer {
  cell: CellResult;
  facts: Record<string, unknown>;
  changes: WhatIf;
  /** The cell's verdict across time, each change tied to what entered or left force. */
  history: Timeline;
}

export interface CellQuestion {
  scenario: Scenario;
  flow: string;
  code: string;
  asOf: string;
  mode: Mode;
}

export function cellExplained(corpus: Corpus, cc: CompiledCorpus, scenario: Scenario, flowId: string, code: string, v: { asOf: string; mode: Mode }): CellResult {
  const flow = scenario.flows.find((f) => f.id === flowId)!;
  return evaluateScenario(corpus, { ...scenario, flows: [flow] }, { asOf: v.asOf, mode: v.mode, jurisdictions: [code], detail: 'explained' }, cc).results[0];
}

/** The answer, and how many further evaluations "what would change" made (one per fact probed). */
export function cellAnswer(corpus: Corpus, cc: CompiledCorpus, q: CellQuestion): { answer: CellAnswer; probes: number } {
  const cell = cellExplained(corpus, cc, q.scenario, q.flow, q.code, q);
  const flow = q.scenario.flows.find((f) => f.id === q.flow)!;
  const facts = flowFacts(q.scenario, flow, cc.chains.get(q.code) ?? [q.code]);
  const [input] = cellInputs(corpus, { ...q.scenario, flows: [flow] }, { asOf: q.asOf, mode: q.mode, jurisdictions: [q.code] }, cc).cells;
  const found = whatWouldChange(cc, input.plan, input.assignment, cell);
  const history = timeline(cc, q.code, q.mode, input.assignment);
  return { answer: { cell, facts, changes: cellChanges(corpus, found, facts), history }, probes: found.changes.length + found.steady.length };
}

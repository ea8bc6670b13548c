/**
 * The evaluation worker: runs in a worker thread of the pool (evaluator.ts), so
 * evaluation never blocks the server's event loop. It receives the corpus once
 * (as workerData), compiles it, and answers tasks with the engine's own functions
 * and structures, as plain data. JSON answers are serialised here too, off the
 * event loop.
 */
import { workerData } from 'piscina';
import { collectGarbage } from '../collect.ts';
import { compileCorpus, evaluateScenario, settlingQuestions, type Corpus, type EvaluationResult, type Mode, type Scenario } from '../engine/index.ts';
import type { ProvisionInfo } from '../engine/explain.ts';
import { cellAnswer, cellExplained, type CellQuestion } from './cell-answer.ts';
import { toJsonContract } from '../engine/report.ts';
import { diffAnswer } from './diff.ts';
import { repairAnswer } from './repair.ts';

interface View {
  asOf: string;
  mode: Mode;
  jurisdictions: string[];
}

export type Task =
  /** One scenario's cells: verdicts only (a matrix) or with the outcome map. */
  | ({ kind: 'evaluate'; scenario: Scenario; detail: 'verdicts' | 'outcomes' } & View)
  /** Several matrices at once (the home page's library). */
  | { kind: 'matrices'; items: ({ scenario: Scenario } & View)[] }
  /** The JSON contract's result entries, compact, with explanations for all cells or for the cells named. */
  | ({ kind: 'contract'; scenario: Scenario; explain: boolean; explainCells: [string, string][] } & View)
  /** A scenario page: its matrix, the unknown facts that would settle the most of its cells, or both. */
  | ({ kind: 'page'; scenario: Scenario; matrix: boolean; questions: boolean } & View)
  /** One cell's page: the cell explained, the facts it reads, and what would change it. */
  | ({ kind: 'cell' } & CellQuestion)
  /** A law diff or the repairs of a flow (diff.ts, repair.ts), each within its budget of solver queries. */
  | AnalysisTask
  /** Answers once the worker is loaded and warm (evaluator.ready). */
  | { kind: 'ping' };

export type AnalysisTask =
  | { kind: 'diff'; a: string; b: string; asOf: string; mode: Mode; topic?: string; given?: { scenario: Scenario; flow: string }; budget: number }
  | { kind: 'repair'; scenario: Scenario; flow: string; codes: string[]; asOf: string; mode: Mode; budget: number };

/** A contract task's answer: its cells as JSON text in pieces, and the details of the provisions their explanations name. */
export interface ContractPart {
  pieces: Uint8Array[];
  provisions: Record<string, ProvisionInfo>;
}

/** What a task costs, counted for the work-bound tests: cells the engine evaluated. */
export interface Counted<T> {
  value: T;
  cells: number;
}

const COMMA = Buffer.from(',');
/** Answers at least this large are followed by a full collection (the seed explained is about 7 MB). */
const COLLECT_AFTER_BYTES = 4 * 2 ** 20;
const { corpus, warmUp } = workerData as { corpus: Corpus; warmUp?: Scenario };
const cc = compileCorpus(corpus);
// Before the first task, a flow that states nothing and a bundled scenario (whose flows state
// facts: other paths of the outcome search), each against every jurisdiction with explanations
// and as JSON, twice: the JIT compiles the engine's paths now, not during someone's request.
const nothingStated = { id: 'warm-up', title: '', summary: '', parties: [], facts: {}, flows: [{ id: 'f', label: '', facts: {} }] } as unknown as Scenario;
for (const asOf of ['2024-01-01', '2026-01-01']) {
  for (const s of warmUp ? [nothingStated, warmUp] : [nothingStated]) JSON.stringify(toJsonContract(evaluateScenario(corpus, s, { asOf, detail: 'explained' }, cc)));
}
// The heap the warm-up grew to is given back before the first task.
collectGarbage();

/** Runs one task (the pool's entry point). */
export default function run(task: Task): Counted<unknown> {
  switch (task.kind) {
    case 'ping':
      return { value: true, cells: 0 };
    case 'evaluate': {
      const r = evaluateScenario(corpus, task.scenario, { asOf: task.asOf, mode: task.mode, jurisdictions: task.jurisdictions, detail: task.detail === 'verdicts' ? 'findings' : 'outcomes' }, cc);
      return { value: r, cells: r.results.length };
    }
    case 'matrices': {
      const value = task.items.map((i) => evaluateScenario(corpus, i.scenario, { asOf: i.asOf, mode: i.mode, jurisdictions: i.jurisdictions, detail: 'findings' }, cc));
      return { value, cells: value.reduce((n, r) => n + r.results.length, 0) };
    }
    case 'contract': {
      // A flow at a time, each serialised (as UTF-8 bytes, half the memory of the string) before
      // the next is evaluated: the worker holds one flow's explained cells and text, not the matrix's.
      const pieces: Buffer[] = [];
      const provisions: Record<string, ProvisionInfo> = {};
      let cells = 0;
      for (const flow of task.scenario.flows) {
        const r: EvaluationResult = evaluateScenario(corpus, { ...task.scenario, flows: [flow] }, { asOf: task.asOf, mode: task.mode, jurisdictions: task.jurisdictions, detail: task.explain ? 'explained' : 'outcomes' }, cc);
        cells += r.results.length;
        for (const [f, code] of task.explainCells) {
          const at = f === flow.id ? r.results.findIndex((c) => c.jurisdiction === code) : -1;
          if (at < 0) continue;
          r.results[at] = cellExplained(corpus, cc, task.scenario, f, code, task);
          cells++;
        }
        const contract = toJsonContract(r);
        Object.assign(provisions, contract.provisions);
        const results = contract.results;
        if (!results.length) continue;
        if (pieces.length) pieces.push(COMMA);
        pieces.push(Buffer.from(results.map((x) => JSON.stringify(x)).join(',')));
      }
      // After the answer is posted, so the collection does not delay it; only after a large one,
      // as a full collection costs both cores a few milliseconds (GET / p99 under load felt it).
      if (pieces.reduce((n, p) => n + p.length, 0) >= COLLECT_AFTER_BYTES) setImmediate(collectGarbage);
      return { value: { pieces, provisions } satisfies ContractPart, cells };
    }
    case 'page': {
      const view = { asOf: task.asOf, mode: task.mode, jurisdictions: task.jurisdictions };
      const matrix = task.matrix ? evaluateScenario(corpus, task.scenario, { ...view, detail: 'findings' }, cc) : undefined;
      const questions = task.questions ? settlingQuestions(corpus, task.scenario, view, cc, 10) : undefined;
      return { value: { matrix, questions }, cells: (matrix?.results.length ?? 0) + (questions ? task.scenario.flows.length * task.jurisdictions.length : 0) };
    }
    case 'diff':
      return { value: diffAnswer(cc, task), cells: 0 };
    case 'repair':
      return { value: repairAnswer(cc, task), cells: 0 };
    case 'cell': {
      const { answer, probes } = cellAnswer(corpus, cc, task);
      // One cell explained, and one more evaluation per fact probed.
      return { value: answer, cells: 1 + probes };
    }
  }
}

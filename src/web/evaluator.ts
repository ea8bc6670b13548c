/**
 * The evaluation service every route calls: a pool of worker threads (piscina)
 * runs the engine off the event loop; a bounded queue refuses work it cannot
 * start soon (503 with Retry-After); a work budget refuses requests too costly to
 * run at all (budget.ts); and results are cached by (scenario, date, mode,
 * jurisdictions, detail). The bundled scenarios' matrices for today, which the
 * home page and the rule pages read, are kept apart from the bounded LRU, so no
 * flood of other keys (distinct dates, custom scenarios) can evict them.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { compileCorpus, type Corpus, type EvaluationResult, type Mode, type Question, type Scenario } from '../engine/index.ts';
import { LruCache } from './cache.ts';
import { checkBudget, flowUnits, MAX_ANSWER_BYTES, namedCellUnits, type Detail } from './budget.ts';
import { HttpError } from './errors.ts';
import type { AnalysisTask, ContractPart, Counted, Task } from './pool-worker.ts';
import type { ProvisionInfo } from '../engine/explain.ts';
import { provisionDetails } from '../engine/report.ts';
import type { CellAnswer } from './cell-answer.ts';

export interface EvaluatorLimits {
  /** Worker threads (default: the cores, at most 2). */
  workers?: number;
  /** Tasks that may wait for a worker before requests are refused with 503 (default 4 per worker). */
  maxQueue?: number;
  /** Work units one request may cost (budget.ts WORK_BUDGET). */
  workBudget?: number;
  /** Cached evaluations besides the pinned ones (default 256 entries, 64 MB). */
  cacheEntries?: number;
  cacheBytes?: number;
}

export interface View {
  asOf: string;
  jurisdictions: string[];
  mode: Mode;
}

export interface EvaluatorStats {
  /** Tasks sent to the workers. */
  tasks: number;
  /** Cells the workers evaluated (the count of work). */
  cells: number;
  /** The largest estimate admitted for one request, in work units. */
  maxUnits: number;
  cacheHits: number;
  refusedBusy: number;
  pinned: number;
  cached: number;
  cachedBytes: number;
}

export interface Evaluator {
  /** A matrix: verdicts with their decisive provisions. */
  matrix(scenario: Scenario, v: View): Promise<EvaluationResult>;
  /** Matrices of several scenarios in one task (the home page, the rule pages). */
  matrices(scenarios: Scenario[], v: View): Promise<EvaluationResult[]>;
  /** Verdicts with the outcome map, no explanations (the Markdown and CSV exports). */
  outcomes(scenario: Scenario, v: View): Promise<EvaluationResult>;
  /**
   * The JSON contract as compact text (explanations for every cell, none, or the cells named):
   * about how many bytes it will take, from the work estimate, before `text` makes it.
   */
  contract(scenario: Scenario, v: View, explain: boolean | { flow: string; jurisdiction: string }[]): { bytes: number; text: () => Promise<readonly Uint8Array[]> };
  /**
   * A scenario page's matrix and the unknown facts that would settle the most of its cells (at
   * most 10, best first), in one task where neither is cached; `questions` is undefined where
   * ranking them would cost more than the budget (the matrix always fits).
   */
  page(scenario: Scenario, v: View): Promise<{ matrix: EvaluationResult; questions?: Question[] }>;
  /** One cell explained, with its facts and what would change it. */
  cell(scenario: Scenario, flow: string, code: string, v: Omit<View, 'jurisdictions'>): Promise<CellAnswer>;
  /** A comparative analysis (a law diff, repairs) run in the pool, bounded by its own solver budget, cached by key. */
  analyse<T>(key: string, task: AnalysisTask): Promise<T>;
  stats(): EvaluatorStats;
  /** Resolves when every worker has loaded the corpus and warmed up. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const WORKER_FILE = join(import.meta.dirname, 'pool-worker.mjs');
/** Estimated bytes of one cached cell: verdicts only, with the outcome map. */
const CELL_BYTES = { verdicts: 1_500, outcomes: 8_000 };
/** Old-generation heap of each worker thread (MB). */
const WORKER_HEAP_MB = 256;
const COMMA = Buffer.from(',');
/** JSON bytes per work unit of the contract, measured on the bundled scenarios (the seed explained: 240-290, smaller ones up to 600). */
const BYTES_PER_UNIT = { explain: 300, outcomes: 100 };
/** JSON answers larger than this are not cached: explained answers are large and rarely asked twice. */
const CACHE_ANSWER_MAX_BYTES = 2 ** 20;

/** A stable key for a scenario's content. */
export function scenarioKey(s: Scenario): string {
  return createHash('sha1').update(JSON.stringify(s)).digest('base64url');
}

/**
 * Worker threads by default: the cores less one, which the event loop keeps for
 * pages and refusals, at least one and at most two (each thread holds its own copy
 * of the compiled corpus, about 80 MB). On the 2-core bench machine: one.
 */
export function defaultWorkers(): number {
  const env = Number(process.env.LEXFLOW_WORKERS);
  return Number.isInteger(env) && env > 0 ? env : Math.max(1, Math.min(2, availableParallelism() - 1));
}

/** Contiguous groups of flows (or, for one flow, of jurisdictions) of about equal work, one per worker. */
function chunks(scenario: Scenario, codes: string[], units: number[], parts: number): { flows: Scenario['flows']; codes: string[] }[] {
  if (parts <= 1) return [{ flows: scenario.flows, codes }];
  if (scenario.flows.length === 1) {
    const size = Math.ceil(codes.length / parts);
    const out = [];
    for (let i = 0; i < codes.length; i += size) out.push({ flows: scenario.flows, codes: codes.slice(i, i + size) });
    return out;
  }
  const total = units.reduce((a, b) => a + b, 0);
  const out: { flows: Scenario['flows']; codes: string[] }[] = [];
  let current: Scenario['flows'] = [];
  let sum = 0;
  scenario.flows.forEach((f, i) => {
    current.push(f);
    sum += units[i];
    const left = scenario.flows.length - i - 1;
    if (out.length < parts - 1 && left > 0 && sum >= (total * (out.length + 1)) / parts) {
      out.push({ flows: current, codes });
      current = [];
    }
  });
  if (current.length) out.push({ flows: current, codes });
  return out;
}

export function createEvaluator(corpus: Corpus, options: { bundled: Scenario[]; today: () => string; limits?: EvaluatorLimits }): Evaluator {
  const limits = options.limits ?? {};
  const workers = limits.workers ?? defaultWorkers();
  const maxQueue = limits.maxQueue ?? 4 * workers;
  const budget = limits.workBudget;
  const pool = new Piscina({
    filename: WORKER_FILE,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Infinity,
    maxQueue,
    // The scenario with the most flows warms the worker's engine up (pool-worker.ts).
    workerData: { corpus, warmUp: [...options.bundled].sort((x, y) => y.flows.length - x.flows.length)[0] },
    // The largest evaluation the budget admits needs about 64 MB of heap. The bound is generous:
    // a tight one (96-128 MB) made the worker collect garbage often enough to double the time of
    // the seed's explained matrix, and near it V8 may abort the whole process. It stops a runaway.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  // The budget estimates from each cell's plan, so the server thread compiles the corpus too (once, cached).
  const cc = compileCorpus(corpus);
  const all = [...corpus.jurisdictions.keys()];
  const bundledKey = new Map(options.bundled.map((s) => [s, `bundled:${s.id}`]));
  const cache = new LruCache<unknown>(limits.cacheEntries ?? 256, limits.cacheBytes ?? 64 * 2 ** 20);
  let pinned = { day: '', entries: new Map<string, unknown>() };
  const inflight = new Map<string, Promise<unknown>>();
  const stats = { tasks: 0, cells: 0, maxUnits: 0, cacheHits: 0, refusedBusy: 0 };

  const keyOf = (s: Scenario, v: View, detail: string) => `${bundledKey.get(s) ?? scenarioKey(s)}|${v.asOf}|${v.mode}|${v.jurisdictions.join(',')}|${detail}`;
  const isPinned = (s: Scenario, v: View, detail: string) =>
    detail === 'verdicts' && bundledKey.has(s) && v.mode === 'transplant' && v.asOf === options.today() && v.jurisdictions.length === all.length;
  const pinnedMap = () => {
    const day = options.today();
    if (pinned.day !== day) pinned = { day, entries: new Map() };
    return pinned.entries;
  };

  /** Tasks submitted and not yet finished (running or waiting for a worker). */
  let pending = 0;
  /** Sends tasks to the pool at once, or refuses them all when more than `maxQueue` would wait. */
  const tracked = async <T>(tasks: Task[]): Promise<T[]> => {
    if (pending + tasks.length > workers + maxQueue) {
      stats.refusedBusy++;
      const e = new HttpError(503, 'busy', 'the server is evaluating as much as it can; try again in a moment');
      e.retryAfter = 2;
      throw e;
    }
    pending += tasks.length;
    stats.tasks += tasks.length;
    let answers: Counted<T>[];
    try {
      answers = (await Promise.all(tasks.map((t) => pool.run(t).finally(() => pending--)))) as Counted<T>[];
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new HttpError(422, 'over_budget', `this evaluation needs more than the ${WORKER_HEAP_MB} MB one evaluation may use; ask for fewer flows or jurisdictions, or leave out explanations`);
      }
      throw e;
    }
    for (const a of answers) stats.cells += a.cells;
    return answers.map((a) => a.value);
  };

  /** The cached value of `key`, or `compute`'s (shared by concurrent requests for the same key). */
  const cached = async <T>(key: string, pin: boolean, bytes: (v: T) => number, compute: () => Promise<T>): Promise<T> => {
    const store = pin ? pinnedMap() : undefined;
    const hit = store ? store.get(key) : cache.get(key);
    if (hit !== undefined) {
      stats.cacheHits++;
      return hit as T;
    }
    const pending = inflight.get(key);
    if (pending) return pending as Promise<T>;
    const p = compute().then((value) => {
      if (store) store.set(key, value);
      else cache.set(key, value, bytes(value));
      return value;
    });
    inflight.set(key, p);
    try {
      return await p;
    } finally {
      inflight.delete(key);
    }
  };

  const admitTotal = (total: number, scenario: Scenario, v: View, detail: Detail): void => {
    checkBudget(total, { flows: scenario.flows.length, jurisdictions: v.jurisdictions.length, detail }, budget);
    stats.maxUnits = Math.max(stats.maxUnits, total);
  };
  const admit = (scenario: Scenario, v: View, detail: Detail): number[] => {
    const units = flowUnits(corpus, cc, scenario, v, detail);
    admitTotal(units.reduce((a, b) => a + b, 0), scenario, v, detail);
    return units;
  };

  const evaluate = (scenario: Scenario, v: View, detail: 'verdicts' | 'outcomes'): Promise<EvaluationResult> =>
    cached(keyOf(scenario, v, detail), isPinned(scenario, v, detail), (r) => r.results.length * CELL_BYTES[detail], async () => {
      const units = admit(scenario, v, detail);
      const parts = detail === 'verdicts' ? [{ flows: scenario.flows, codes: v.jurisdictions }] : chunks(scenario, v.jurisdictions, units, workers);
      const answers = await tracked<EvaluationResult>(parts.map((c) => ({ kind: 'evaluate', scenario: { ...scenario, flows: c.flows }, asOf: v.asOf, mode: v.mode, jurisdictions: c.codes, detail })));
      return { scenario: scenario.id, asOf: v.asOf, mode: v.mode, jurisdictions: v.jurisdictions, results: answers.flatMap((a) => a.results) };
    });

  return {
    matrix: (scenario, v) => evaluate(scenario, v, 'verdicts'),
    outcomes: (scenario, v) => evaluate(scenario, v, 'outcomes'),

    async matrices(scenarios, v) {
      const missing = scenarios.filter((s) => {
        const key = keyOf(s, v, 'verdicts');
        return !(isPinned(s, v, 'verdicts') ? pinnedMap().has(key) : cache.get(key) !== undefined) && !inflight.has(key);
      });
      if (missing.length) {
        const batchKey = `batch:${missing.map((s) => keyOf(s, v, 'verdicts')).join(';')}`;
        let batch = inflight.get(batchKey) as Promise<EvaluationResult[]> | undefined;
        if (!batch) {
          for (const s of missing) admit(s, v, 'verdicts');
          batch = tracked<EvaluationResult[]>([{ kind: 'matrices', items: missing.map((scenario) => ({ scenario, ...v })) }]).then(([results]) => {
            missing.forEach((s, i) => {
              const key = keyOf(s, v, 'verdicts');
              if (isPinned(s, v, 'verdicts')) pinnedMap().set(key, results[i]);
              else cache.set(key, results[i], results[i].results.length * CELL_BYTES.verdicts);
            });
            return results;
          });
          inflight.set(batchKey, batch);
          batch.finally(() => inflight.delete(batchKey)).catch(() => undefined);
        }
        await batch;
      }
      return Promise.all(scenarios.map((s) => evaluate(s, v, 'verdicts')));
    },

    contract(scenario, v, explain) {
      const named = Array.isArray(explain) ? explain.map((c): [string, string] => [c.flow, c.jurisdiction]) : [];
      const detail = explain === true ? 'explain' : 'outcomes';
      const key = `${keyOf(scenario, v, detail)}|${named.map((c) => c.join('/')).join(',')}`;
      // One estimate serves the room reserved for the answer and the budget: a named cell costs one more evaluation with its explanation tree.
      const units = flowUnits(corpus, cc, scenario, v, detail);
      const total = units.reduce((a, b) => a + b, 0) + named.reduce((n, [, code]) => n + namedCellUnits(cc, v, code), 0);
      const size = (pieces: readonly Uint8Array[]) => pieces.reduce((n, p) => n + p.length, 0);
      const text = () => cached(key, false, (s: readonly Uint8Array[]) => (size(s) > CACHE_ANSWER_MAX_BYTES ? Infinity : size(s)), async () => {
        admitTotal(total, scenario, v, detail);
        const parts = chunks(scenario, v.jurisdictions, units, workers);
        const answers = await tracked<ContractPart>(
          parts.map((c) => {
            const flows = new Set(c.flows.map((f) => f.id));
            return { kind: 'contract', scenario: { ...scenario, flows: c.flows }, asOf: v.asOf, mode: v.mode, jurisdictions: c.codes, explain: explain === true, explainCells: named.filter(([f, j]) => flows.has(f) && c.codes.includes(j)) };
          }),
        );
        const head = JSON.stringify({ scenario: scenario.id, asOf: v.asOf, mode: v.mode, jurisdictions: v.jurisdictions });
        const pieces: Uint8Array[] = [Buffer.from(`${head.slice(0, -1)},"results":[`)];
        const details = new Map<string, ProvisionInfo>();
        for (const a of answers) {
          for (const [id, p] of Object.entries(a.provisions)) details.set(id, p);
          if (a.pieces.length) pieces.push(...(pieces.length > 1 ? [COMMA, ...a.pieces] : a.pieces));
        }
        const { provisions } = provisionDetails(details);
        pieces.push(Buffer.from(provisions ? `],"provisions":${JSON.stringify(provisions)}}` : ']}'));
        // Kept in pieces: joining them would copy the whole answer once more on this thread.
        const bytes = size(pieces);
        if (bytes > MAX_ANSWER_BYTES) {
          throw new HttpError(413, 'answer_too_large', `the answer would be ${(bytes / 2 ** 20).toFixed(1)} MB, more than ${MAX_ANSWER_BYTES / 2 ** 20} MB; leave out explanations (explain: false) or ask for fewer jurisdictions`);
        }
        return pieces;
      });
      return { bytes: Math.min(MAX_ANSWER_BYTES, total * BYTES_PER_UNIT[detail]), text };
    },

    async page(scenario, v) {
      const mKey = keyOf(scenario, v, 'verdicts');
      const qKey = keyOf(scenario, v, 'questions');
      const pin = isPinned(scenario, v, 'verdicts');
      const known = (key: string, pinned: boolean) => (pinned ? pinnedMap().get(key) : cache.get(key));
      let matrix = known(mKey, pin) as EvaluationResult | undefined;
      let questions = cache.get(qKey) as Question[] | null | undefined;
      if (matrix === undefined || questions === undefined) {
        let ask = questions === undefined;
        if (ask) {
          try {
            admit(scenario, v, 'questions');
          } catch (e) {
            if (!(e instanceof HttpError && e.code === 'over_budget')) throw e;
            cache.set(qKey, null, 1);
            questions = null;
            ask = false;
          }
        }
        if (matrix === undefined) admit(scenario, v, 'verdicts');
        const [answer] = await tracked<{ matrix?: EvaluationResult; questions?: Question[] }>([{ kind: 'page', scenario, ...v, matrix: matrix === undefined, questions: ask }]);
        if (answer.matrix) {
          matrix = answer.matrix;
          if (pin) pinnedMap().set(mKey, matrix);
          else cache.set(mKey, matrix, matrix.results.length * CELL_BYTES.verdicts);
        }
        if (answer.questions) {
          questions = answer.questions;
          cache.set(qKey, questions, JSON.stringify(questions).length);
        }
      } else stats.cacheHits++;
      return { matrix: matrix!, ...(questions ? { questions } : {}) };
    },

    async cell(scenario, flow, code, v) {
      const [answer] = await tracked<CellAnswer>([{ kind: 'cell', scenario, flow, code, asOf: v.asOf, mode: v.mode }]);
      return answer;
    },

    analyse: <T>(key: string, task: AnalysisTask) =>
      cached<T>(`analysis:${key}`, false, (v) => JSON.stringify(v).length, async () => (await tracked<T>([task]))[0]),

    stats: () => ({ ...stats, pinned: pinnedMap().size, cached: cache.size, cachedBytes: cache.bytes }),
    ready: async () => {
      await Promise.all(Array.from({ length: workers }, () => pool.run({ kind: 'ping' } satisfies Task)));
    },
    close: () => pool.destroy(),
  };
}

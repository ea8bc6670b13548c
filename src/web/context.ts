/**
 * What every route shares: the loaded corpus and bundled scenarios, the clock
 * (read only here, at the edge), the limits of the web edge, and the evaluation
 * service (evaluator.ts: a worker pool with a cache; the engine is pure, so a
 * result depends only on scenario, date, mode and codes).
 */
import { compileCorpus, inForceOn, type CompiledCorpus, type Corpus, type EvaluationResult, type Provision, type Question, type Scenario, type Verdict } from '../engine/index.ts';
import { todayIso } from '../clock.ts';
import { createEvaluator, type Evaluator, type EvaluatorLimits } from './evaluator.ts';
import type { ViewOptions } from './params.ts';

export { scenarioKey } from './evaluator.ts';

/** Settings of the web edge beyond the data (server.ts reads them from the environment). */
export interface WebSettings extends EvaluatorLimits {
  /** Requests per minute one client may make to the routes that evaluate (0: no limit). Default 120. */
  ratePerMinute?: number;
  /** Origin of absolute links shown to copy, e.g. "https://lexflow.example" (default: none, links stay relative). */
  publicOrigin?: string;
  /** Send Strict-Transport-Security (only behind HTTPS). */
  hsts?: boolean;
}

export interface WebDeps {
  corpus: Corpus;
  scenarios: Scenario[];
  /** Today's date as YYYY-MM-DD, the default as-of date (injected for tests). */
  today?: () => string;
  settings?: WebSettings;
}

export interface DecidedCell {
  scenario: string;
  flow: string;
  jurisdiction: string;
  verdict: Verdict;
}

export interface WebContext {
  corpus: Corpus;
  cc: CompiledCorpus;
  scenarios: Scenario[];
  scenarioById: Map<string, Scenario>;
  today: () => string;
  settings: WebSettings;
  evaluator: Evaluator;
  /** The matrix of a scenario: verdicts and decisive provisions, no explanations. */
  matrix(scenario: Scenario, v: Pick<ViewOptions, 'asOf' | 'jurisdictions' | 'mode'>): Promise<EvaluationResult>;
  /** A scenario page's matrix with the unknown facts that would settle the most of its cells (absent where over the budget). */
  page(scenario: Scenario, v: Pick<ViewOptions, 'asOf' | 'jurisdictions' | 'mode'>): Promise<{ matrix: EvaluationResult; questions?: Question[] }>;
  /** Bundled scenario cells each provision decides, as of today, transplanted. */
  decidedBy(provisionId: string): Promise<DecidedCell[]>;
  /** The version of a provision in force on a date (or the latest one). */
  provisionAt(id: string, asOf: string): Provision | undefined;
  versions(id: string): Provision[];
}

export function createContext(deps: WebDeps): WebContext {
  const corpus = deps.corpus;
  const cc = compileCorpus(corpus);
  const today = deps.today ?? todayIso;
  const scenarioById = new Map(deps.scenarios.map((s) => [s.id, s]));
  const settings = deps.settings ?? {};
  const evaluator = createEvaluator(corpus, { bundled: deps.scenarios, today, limits: settings });
  const byId = new Map<string, Provision[]>();
  for (const p of corpus.provisions) {
    if (!byId.has(p.id)) byId.set(p.id, []);
    byId.get(p.id)!.push(p);
  }
  let decided: { day: string; index: Map<string, DecidedCell[]> } | undefined;

  const matrix: WebContext['matrix'] = (scenario, v) => evaluator.matrix(scenario, { asOf: v.asOf, jurisdictions: v.jurisdictions, mode: v.mode });
  const page: WebContext['page'] = (scenario, v) => evaluator.page(scenario, { asOf: v.asOf, jurisdictions: v.jurisdictions, mode: v.mode });

  const decidedBy = async (id: string): Promise<DecidedCell[]> => {
    const day = today();
    if (!decided || decided.day !== day) {
      const index = new Map<string, DecidedCell[]>();
      const all = [...corpus.jurisdictions.keys()];
      const results = await evaluator.matrices(deps.scenarios, { asOf: day, jurisdictions: all, mode: 'transplant' });
      for (const [i, s] of deps.scenarios.entries()) {
        const result = results[i];
        for (const r of result.results) {
          for (const d of r.decisive) {
            if (!index.has(d.id)) index.set(d.id, []);
            const list = index.get(d.id)!;
            if (!list.some((c) => c.scenario === s.id && c.flow === r.flow && c.jurisdiction === r.jurisdiction)) {
              list.push({ scenario: s.id, flow: r.flow, jurisdiction: r.jurisdiction, verdict: r.verdict });
            }
          }
        }
      }
      decided = { day, index };
    }
    return decided.index.get(id) ?? [];
  };

  const versions = (id: string) => byId.get(id) ?? [];
  const provisionAt = (id: string, asOf: string) => {
    const all = versions(id);
    return all.find((p) => inForceOn(p, asOf)) ?? all[all.length - 1];
  };

  return { corpus, cc, scenarios: deps.scenarios, scenarioById, today, settings, evaluator, matrix, page, decidedBy, provisionAt, versions };
}

/**
 * What every route shares: the loaded corpus and bundled scenarios, the clock
 * (read only here, at the edge), and evaluation with a small result cache. The
 * engine is pure, so a result depends only on (scenario, date, mode, codes).
 */
import { createHash } from 'node:crypto';
import { compileCorpus, evaluateScenario, inForceOn, settlingQuestions, type CompiledCorpus, type Corpus, type EvaluationResult, type Provision, type Question, type Scenario, type Verdict } from '../engine/index.ts';
import { todayIso } from '../cli/today.ts';
import type { ViewOptions } from './params.ts';

export interface WebDeps {
  corpus: Corpus;
  scenarios: Scenario[];
  /** Today's date as YYYY-MM-DD, the default as-of date (injected for tests). */
  today?: () => string;
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
  /** The matrix of a scenario: verdicts and decisive provisions, no explanations. */
  matrix(scenario: Scenario, v: Pick<ViewOptions, 'asOf' | 'jurisdictions' | 'mode'>): EvaluationResult;
  /** The unknown facts that would settle the most cells of a scenario's matrix, best first. */
  questions(scenario: Scenario, v: Pick<ViewOptions, 'asOf' | 'jurisdictions' | 'mode'>): Question[];
  /** Bundled scenario cells each provision decides, as of today, transplanted. */
  decidedBy(provisionId: string): DecidedCell[];
  /** The version of a provision in force on a date (or the latest one). */
  provisionAt(id: string, asOf: string): Provision | undefined;
  versions(id: string): Provision[];
}

const CACHE_SIZE = 64;

/** A stable key for a scenario's content. */
export function scenarioKey(s: Scenario): string {
  return createHash('sha1').update(JSON.stringify(s)).digest('base64url');
}

export function createContext(deps: WebDeps): WebContext {
  const corpus = deps.corpus;
  const cc = compileCorpus(corpus);
  const today = deps.today ?? todayIso;
  const scenarioById = new Map(deps.scenarios.map((s) => [s.id, s]));
  const bundledKeys = new Map(deps.scenarios.map((s) => [s, `bundled:${s.id}`]));
  const cache = new Map<string, EvaluationResult>();
  const byId = new Map<string, Provision[]>();
  for (const p of corpus.provisions) {
    if (!byId.has(p.id)) byId.set(p.id, []);
    byId.get(p.id)!.push(p);
  }
  let decided: { day: string; index: Map<string, DecidedCell[]> } | undefined;

  const matrix: WebContext['matrix'] = (scenario, v) => {
    const key = `${bundledKeys.get(scenario) ?? scenarioKey(scenario)}|${v.asOf}|${v.mode}|${v.jurisdictions.join(',')}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const result = evaluateScenario(corpus, scenario, { asOf: v.asOf, jurisdictions: v.jurisdictions, mode: v.mode, verdictsOnly: true }, cc);
    cache.set(key, result);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return result;
  };

  const asked = new Map<string, Question[]>();
  const questions: WebContext['questions'] = (scenario, v) => {
    const key = `${bundledKeys.get(scenario) ?? scenarioKey(scenario)}|${v.asOf}|${v.mode}|${v.jurisdictions.join(',')}`;
    const hit = asked.get(key);
    if (hit) return hit;
    const list = settlingQuestions(corpus, scenario, { asOf: v.asOf, jurisdictions: v.jurisdictions, mode: v.mode }, cc, 10);
    asked.set(key, list);
    if (asked.size > CACHE_SIZE) asked.delete(asked.keys().next().value!);
    return list;
  };

  const decidedBy = (id: string): DecidedCell[] => {
    const day = today();
    if (!decided || decided.day !== day) {
      const index = new Map<string, DecidedCell[]>();
      const all = [...corpus.jurisdictions.keys()];
      for (const s of deps.scenarios) {
        const result = matrix(s, { asOf: day, jurisdictions: all, mode: 'transplant' });
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

  return { corpus, cc, scenarios: deps.scenarios, scenarioById, today, matrix, questions, decidedBy, provisionAt, versions };
}

/**
 * View models: what the templates show, built from engine results. Templates only
 * lay these out; every word a verdict or a truth value is shown with comes from here.
 */
import { VERDICT_ICON, VERDICT_WORD, shortCitations, cellOf } from '../engine/report.ts';
import { flattenFacts, isOpenSet, type Corpus, type EvaluationResult, type FactDef, type Scenario, type Verdict } from '../engine/index.ts';
import type { ViewOptions } from './params.ts';
import { viewQuery } from './params.ts';

export const VERDICTS: Verdict[] = ['forbidden', 'conditional', 'allowed', 'not-covered'];

export const VERDICT_HELP: Record<Verdict, string> = {
  forbidden: 'a prohibition fires or an obligation is breached',
  conditional: 'unknown facts or open obligations decide',
  allowed: 'no prohibition fires',
  'not-covered': 'no encoded instrument applies; this is not "allowed"',
};

export const verdictWord = (v: Verdict) => VERDICT_WORD[v];
export const verdictIcon = (v: Verdict) => VERDICT_ICON[v];

export const TRUTH_ICON: Record<string, string> = { true: '✔', false: '✖', unknown: '?' };

/** Where a scenario's pages live: bundled ones by id, others by their share code. */
export interface ScenarioRef {
  scenario: Scenario;
  /** Path of the scenario page, e.g. /scenarios/kr-immigration-faces or /custom. */
  base: string;
  /** The share code for a scenario that is not bundled. */
  s?: string;
  bundled: boolean;
}

export function pageUrl(ref: ScenarioRef, v: ViewOptions, suffix = '', pinDate = false): string {
  return `${ref.base}${suffix}${viewQuery(v, { s: ref.s }, pinDate)}`;
}

export function cellUrl(ref: ScenarioRef, v: ViewOptions, flow: string, code: string): string {
  return pageUrl(ref, v, `/cell/${encodeURIComponent(flow)}/${encodeURIComponent(code)}`, true);
}

export interface MatrixCellModel {
  code: string;
  verdict: Verdict;
  word: string;
  icon: string;
  cites: string;
  href: string;
}

export interface MatrixModel {
  caption: string;
  asOf: string;
  mode: string;
  jurisdictions: { code: string; name: string }[];
  rows: { id: string; label: string; cells: MatrixCellModel[] }[];
  counts: Record<Verdict, number>;
}

export function matrixModel(corpus: Corpus, ref: ScenarioRef, result: EvaluationResult, v: ViewOptions): MatrixModel {
  const counts: Record<Verdict, number> = { forbidden: 0, conditional: 0, allowed: 0, 'not-covered': 0 };
  const rows = ref.scenario.flows.map((f) => ({
    id: f.id,
    label: f.label,
    cells: result.jurisdictions.map((code) => {
      const c = cellOf(result, f.id, code)!;
      counts[c.verdict]++;
      return { code, verdict: c.verdict, word: VERDICT_WORD[c.verdict], icon: VERDICT_ICON[c.verdict], cites: shortCitations(c, 2), href: cellUrl(ref, v, f.id, code) };
    }),
  }));
  return {
    caption: `Verdicts for ${ref.scenario.title}, as of ${result.asOf}, territory read as ${result.mode}`,
    asOf: result.asOf,
    mode: result.mode,
    jurisdictions: result.jurisdictions.map((code) => ({ code, name: corpus.jurisdictions.get(code)?.name ?? code })),
    rows,
    counts,
  };
}

/** Per jurisdiction, how many flows get each verdict (the home page's summary). */
export function verdictSummary(result: EvaluationResult): { code: string; counts: { verdict: Verdict; n: number }[] }[] {
  return result.jurisdictions.map((code) => {
    const mine = result.results.filter((r) => r.jurisdiction === code);
    return { code, counts: VERDICTS.map((verdict) => ({ verdict, n: mine.filter((r) => r.verdict === verdict).length })).filter((c) => c.n > 0) };
  });
}

/** A fact's value in words ("unknown" when absent or null). */
export function describeValue(fact: FactDef | undefined, value: unknown): string {
  if (value === undefined || value === null) return 'unknown';
  if (!fact) return JSON.stringify(value);
  const label = (x: unknown) => fact.values?.find((d) => d.value === x)?.label ?? String(x);
  switch (fact.type) {
    case 'boolean':
      return value ? 'yes' : 'no';
    case 'enum':
      return label(value);
    case 'set':
      if (Array.isArray(value)) return value.length ? value.map(label).join('; ') : 'none';
      if (isOpenSet(value)) {
        const parts = [];
        if (value.includes?.length) parts.push(value.includes.map(label).join('; '));
        if (value.excludes?.length) parts.push(`not ${value.excludes.map(label).join('; ')}`);
        parts.push('others unknown');
        return parts.join('; ');
      }
      return String(value);
    default:
      return typeof value === 'number' ? value.toLocaleString('en-GB') : String(value);
  }
}

/** The facts of an example or scenario block as "label: value" lines. */
export function factLines(corpus: Corpus, facts: Record<string, unknown>): { key: string; label: string; value: string }[] {
  const flat = flattenFacts(facts as Scenario['facts']);
  return Object.entries(flat).map(([key, value]) => {
    const fact = corpus.vocabulary.byKey.get(key);
    return { key, label: fact?.label ?? key, value: describeValue(fact, value) };
  });
}

/** The first sentence of a summary, for lists. */
export function firstSentence(text: string, max = 220): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  const s = m ? m[1] : text;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

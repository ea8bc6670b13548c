/**
 * View models shared by the pages: links, the matrix, fact values in words and the
 * ranked questions. Templates only lay these out; each page with more to show has its own model module (cell-model.ts, home-model.ts).
 */
import { RECORD_VERDICT, VERDICT, mark, cellOf } from '../engine/report.ts';
import { flattenFacts, isOpenSet, type CellResult, type Corpus, type EvaluationResult, type FactDef, type Question, type RecordVerdict, type Scenario, type Verdict } from '../engine/index.ts';
import type { ViewOptions } from './params.ts';
import { viewQuery } from './params.ts';

export const TRUTH_ICON: Record<string, string> = { true: '✔', false: '✖', unknown: '?' };

/** A noun for a count: "1 cell", "2 cells" (the count itself is left to the caller). */
export const plural = (n: number, word: string): string => `${word}${n === 1 ? '' : 's'}`;

/** Items of a list shown inline, each with the separator that goes before it. */
export const separated = <T>(list: T[], sep = '; '): (T & { sep: string })[] => list.map((x, k) => ({ ...x, sep: k ? sep : '' }));

/** A provision's kind in words ("scope rule", "remedy or penalty"). */
export const kindLabel = (kind: string): string => ({ scope: 'scope rule', prohibition: 'prohibition', exception: 'exception', obligation: 'obligation', remedy: 'remedy or penalty' })[kind] ?? kind;

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

/** The view controls (date, territory, jurisdictions) as a form shows them; `target` is where a page's form submits. */
export function controlsModel(corpus: Corpus, v: ViewOptions, target: { action?: string; s?: string } = {}) {
  const jurisdictions = [...corpus.jurisdictions.values()].map((j) => ({ code: j.code, name: j.name, checked: v.jurisdictions.includes(j.code) }));
  return {
    action: target.action,
    s: target.s,
    asOf: v.asOf,
    modes: (['transplant', 'actual'] as const).map((value) => ({ value, selected: v.mode === value })),
    jurisdictions,
    summary: `Jurisdictions: ${jurisdictions.filter((j) => j.checked).length} of ${jurisdictions.length} shown`,
  };
}

export function cellUrl(ref: ScenarioRef, v: ViewOptions, flow: string, code: string): string {
  return pageUrl(ref, v, `/cell/${encodeURIComponent(flow)}/${encodeURIComponent(code)}`, true);
}

export interface MatrixCellModel {
  code: string;
  /** The open reading's verdict (data-verdict), and the record's (shown first). */
  verdict: Verdict;
  record: RecordVerdict;
  word: string;
  icon: string;
  cites: string;
  /** The open reading, when its word differs from the record's, with what it hinges on. */
  open?: string;
  href: string;
}

export interface MatrixModel {
  caption: string;
  asOf: string;
  mode: string;
  jurisdictions: { code: string; name: string }[];
  rows: { id: string; label: string; ask?: string; cells: MatrixCellModel[] }[];
  counts: Record<Verdict, number>;
  recordCounts: Record<RecordVerdict, number>;
}

/** The question that settles the most cells of one flow's row, in a line ("ask: ... (settles 5 cells)"). */
function rowQuestion(questions: Question[], flow: string): string | undefined {
  let best: { q: Question; n: number } | undefined;
  for (const q of questions) {
    const n = new Set(q.answers.flatMap((a) => a.moves.filter((m) => m.flow === flow).map((m) => m.jurisdiction))).size;
    if (n && (!best || n > best.n)) best = { q, n };
  }
  if (!best) return undefined;
  return `ask first: ${best.q.question || best.q.label}${best.q.jurisdiction ? ` (${best.q.jurisdiction})` : ''}, could settle ${best.n} ${plural(best.n, 'cell')} here`;
}

export function matrixModel(corpus: Corpus, ref: ScenarioRef, result: EvaluationResult, v: ViewOptions, questions: Question[] = []): MatrixModel {
  const counts: Record<Verdict, number> = { forbidden: 0, conditional: 0, allowed: 0, 'not-covered': 0 };
  const recordCounts: Record<RecordVerdict, number> = { forbidden: 0, undetermined: 0, allowed: 0, 'not-covered': 0 };
  const rows = ref.scenario.flows.map((f) => ({
    id: f.id,
    label: f.label,
    ask: rowQuestion(questions, f.id),
    cells: result.jurisdictions.map((code) => {
      const c = cellOf(result, f.id, code)!;
      counts[c.verdict]++;
      const record = c.record!;
      recordCounts[record.verdict]++;
      const differs = RECORD_VERDICT[record.verdict].word !== VERDICT[c.verdict].word;
      return {
        code,
        verdict: c.verdict,
        record: record.verdict,
        word: RECORD_VERDICT[record.verdict].word,
        icon: RECORD_VERDICT[record.verdict].icon,
        cites: shortRecordCitations(c, 2),
        open: differs ? `open: ${mark(VERDICT[c.verdict])}${hingesOn(c)}` : undefined,
        href: cellUrl(ref, v, f.id, code),
      };
    }),
  }));
  return {
    caption: `Verdicts for ${ref.scenario.title}, as of ${result.asOf}, territory read as ${result.mode}`,
    asOf: result.asOf,
    mode: result.mode,
    jurisdictions: result.jurisdictions.map((code) => ({ code, name: corpus.jurisdictions.get(code)?.name ?? code })),
    rows,
    counts,
    recordCounts,
  };
}

/** The record's decisive citations, short, as a matrix cell shows them. */
function shortRecordCitations(c: CellResult, max: number): string {
  const cites = [...new Set((c.record?.decisive ?? []).map((d) => d.citation))];
  return cites.length > max ? `${cites.slice(0, max).join('; ')} +${cites.length - max}` : cites.join('; ');
}

/** What the open reading hinges on, in a few words ("; hinges on 740 ILCS 14/25(e)"). */
function hingesOn(c: CellResult): string {
  const r = c.record!;
  if (r.verdict === 'undetermined') {
    const missing = [...new Set(r.missing.map((m) => m.facts[0]))].slice(0, 2);
    return missing.length ? `; hinges on ${missing.join(', ')}` : '';
  }
  const shown = r.presumptions.map((p) => p.citation);
  if (!shown.length) return '';
  return `; hinges on ${shown.slice(0, 2).join('; ')}${shown.length > 2 ? ` +${shown.length - 2}` : ''}`;
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

export interface QuestionModel {
  question: Question;
  answers: { text: string; href?: string; summary: string }[];
}

/** The questions that settle the most cells, each answer with the link that states it and where the cells move. */
export function questionModels(questions: Question[], link: (q: Question, value: unknown) => string | undefined): QuestionModel[] {
  return questions.map((q) => ({
    question: q,
    answers: q.answers
      .filter((a) => a.moves.length)
      .map((a) => {
        const by = new Map<string, number>();
        for (const m of a.moves) by.set(m.to, (by.get(m.to) ?? 0) + 1);
        const summary = [...by].map(([v, n]) => `${n} ${VERDICT[v as Verdict].name.toLowerCase()}`).join(', ');
        return { text: a.text, href: link(q, a.value), summary: `settles ${a.moves.length} ${plural(a.moves.length, 'cell')}: ${summary}` };
      }),
  }));
}

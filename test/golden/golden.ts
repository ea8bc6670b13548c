/**
 * Golden matrices as data. Each `test/golden/seed.<GROUP>.json` states, for every cell it covers,
 * the verdict on the open reading and on the record, the provisions that decide each, and the
 * legal reason in words (`justification`). `checks` pin the facts and provisions the reason turns
 * on, so the reason is tested rather than trusted.
 *
 * `LEXFLOW_UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites the verdicts and deciding provisions
 * from the engine and keeps every justification and check: the diff then shows a reviewer which
 * verdicts moved, and a check the engine no longer meets still fails. A new cell needs only its
 * flow, jurisdiction, date and justification; the update fills in the rest.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateScenario, type CellResult, type Mode, type RecordVerdict, type Verdict } from '../../src/engine/index.ts';
import { bundledCorpus, bundledScenario } from '../helpers.ts';

export const UPDATE = process.env.LEXFLOW_UPDATE_GOLDEN === '1';

const DIR = import.meta.dirname;

export interface DecidingProvision {
  id: string;
  citation: string;
}

/** What the engine said about one cell; the part the update flag rewrites. */
export interface Reading<V> {
  verdict: V;
  decisive: DecidingProvision[];
}

/**
 * The claims a check can make about one list the engine reports for a cell. `equals` is the
 * whole list in order; the prefix forms are for families of pinpoints ("AI Act art. 26" and its
 * paragraphs).
 */
export const CLAIMS = ['equals', 'includes', 'excludes', 'includesPrefix', 'excludesPrefix'] as const;
export type ListCheck = Partial<Record<(typeof CLAIMS)[number], string[]>>;

/** The lists of a cell a check can speak of; see `checkedLists` for what each one holds. */
export const CHECKED_LISTS = ['dependsOn', 'citations', 'ids', 'instruments', 'obligations', 'outcomeVerdicts', 'forbiddenWhenFacts'] as const;
export type CheckedList = (typeof CHECKED_LISTS)[number];

export interface GoldenCell {
  flow: string;
  jurisdiction: string;
  asOf: string;
  /** Every completion of the unknown facts. */
  open: Reading<Verdict>;
  /** A defence counts only when its facts are stated. */
  record: Reading<RecordVerdict>;
  justification: string;
  checks?: Partial<Record<CheckedList, ListCheck>>;
}

export interface GoldenFile {
  about: string;
  scenario: string;
  mode: Mode;
  /** Dates and jurisdictions whose every flow the file must cover; cells outside it are single probes. */
  grid: { asOf: string[]; jurisdictions: string[] };
  cells: GoldenCell[];
}

export interface Golden {
  name: string;
  path: string;
  data: GoldenFile;
}

export function goldenFiles(): Golden[] {
  return readdirSync(DIR)
    .filter((f) => /^seed\..+\.json$/.test(f))
    .sort()
    .map((name) => ({ name, path: join(DIR, name), data: JSON.parse(readFileSync(join(DIR, name), 'utf8')) as GoldenFile }));
}

export const cellKey = (c: { flow: string; jurisdiction: string; asOf: string }) => `${c.flow} ${c.jurisdiction} ${c.asOf}`;

/** Every cell the file names, evaluated with one engine call per date. */
export function evaluateGolden(file: GoldenFile): Map<string, CellResult> {
  const scenario = bundledScenario(file.scenario);
  const dates = [...new Set([...file.grid.asOf, ...file.cells.map((c) => c.asOf)])];
  const out = new Map<string, CellResult>();
  for (const asOf of dates) {
    const codes = new Set(file.cells.filter((c) => c.asOf === asOf).map((c) => c.jurisdiction));
    if (file.grid.asOf.includes(asOf)) for (const j of file.grid.jurisdictions) codes.add(j);
    const { results } = evaluateScenario(bundledCorpus(), scenario, { asOf, jurisdictions: [...codes], mode: file.mode });
    for (const r of results) out.set(cellKey({ ...r, asOf }), r);
  }
  return out;
}

const deciding = (refs: { id: string; citation: string }[]): DecidingProvision[] => refs.map(({ id, citation }) => ({ id, citation }));

export function readingsOf(r: CellResult): Pick<GoldenCell, 'open' | 'record'> {
  if (!r.record) throw new Error(`${r.flow} ${r.jurisdiction}: the engine gave no reading on the record`);
  return {
    open: { verdict: r.verdict, decisive: deciding(r.decisive) },
    record: { verdict: r.record.verdict, decisive: deciding(r.record.decisive) },
  };
}

/** The lists a check reads, from the open reading (the reading the engine explains). */
export function checkedLists(r: CellResult): Record<CheckedList, string[]> {
  return {
    dependsOn: r.dependsOn,
    citations: r.decisive.map((d) => d.citation),
    ids: r.decisive.map((d) => d.id),
    instruments: r.decisive.map((d) => d.instrument),
    obligations: r.obligations.map((o) => o.citation),
    outcomeVerdicts: r.outcomes.map((o) => o.verdict),
    // The facts named in any combination of conditions that leads to a forbidden completion.
    forbiddenWhenFacts: [...new Set(r.outcomes.filter((o) => o.verdict === 'forbidden').flatMap((o) => o.when.flat().map((w) => w.fact)))],
  };
}

/** The file with the engine's verdicts and deciding provisions in place of the recorded ones. */
export function updated(file: GoldenFile, results: Map<string, CellResult>): GoldenFile {
  return {
    ...file,
    cells: file.cells.map((c) => {
      const r = results.get(cellKey(c));
      return r ? { flow: c.flow, jurisdiction: c.jurisdiction, asOf: c.asOf, ...readingsOf(r), justification: c.justification, ...(c.checks && { checks: c.checks }) } : c;
    }),
  };
}

export function writeGolden(path: string, file: GoldenFile): void {
  writeFileSync(path, `${format(file, '')}\n`);
}

// One provision, one check or one short list per line, so that a changed verdict is a one-line diff.
function format(value: unknown, indent: string): string {
  const flat = inline(value);
  const leaf = value === null || typeof value !== 'object' || Object.values(value).every((v) => v === null || typeof v !== 'object');
  if (leaf && (flat.length <= 160 || !Array.isArray(value))) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length ? `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]` : '[]';
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  return JSON.stringify(value);
}

/**
 * The view a user asks for: as-of date, jurisdictions, territory mode. Read from
 * query strings (pages) or JSON bodies (API), validated here with messages that
 * name the parameter and, for a mistyped code, the nearest valid one.
 */
import type { Corpus, Mode } from '../engine/index.ts';
import { HttpError, suggest } from './errors.ts';
import { shown } from '../corpus/facts.ts';
import { isIsoDate } from '../dates.ts';

export interface ViewOptions {
  asOf: string;
  /** Selected codes in index order. */
  jurisdictions: string[];
  mode: Mode;
  /** Whether the user chose a subset (so links carry it). */
  subset: boolean;
  /** Whether the date was given (so links carry it). */
  datedExplicitly: boolean;
}

export function parseAsOf(value: unknown, today: string, status = 400, path = 'asOf'): string {
  if (value === undefined || value === '') return today;
  if (!isIsoDate(value)) {
    throw new HttpError(status, 'invalid_date', `${path}: ${shown(value)} is not a valid date; use YYYY-MM-DD`, path);
  }
  return value;
}

export function parseMode(value: unknown, status = 400, path = 'mode'): Mode {
  if (value === undefined || value === '') return 'transplant';
  if (value !== 'transplant' && value !== 'actual') {
    throw new HttpError(status, 'invalid_mode', `${path}: must be "transplant" or "actual", not ${shown(value)}`, path);
  }
  return value;
}

/** Codes from "KR,EU", ["KR","EU"] or repeated query keys; undefined means all. */
export function parseJurisdictions(value: unknown, corpus: Corpus, status = 400, path = 'jurisdictions'): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  const list = Array.isArray(value) ? value : [value];
  const codes: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') throw new HttpError(status, 'invalid_value', `${path}: expected jurisdiction codes, got ${shown(item)}`, path);
    for (const code of item.split(',').map((c) => c.trim()).filter(Boolean)) {
      if (!corpus.jurisdictions.has(code)) {
        throw new HttpError(status, 'unknown_jurisdiction', `${path}: unknown jurisdiction ${code}${suggest(code, corpus.jurisdictions.keys())}`, path);
      }
      if (!codes.includes(code)) codes.push(code);
    }
  }
  if (codes.length === 0) return undefined;
  const order = [...corpus.jurisdictions.keys()];
  return codes.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** The view options of a page from its query string. */
export function viewOptions(query: Record<string, unknown>, corpus: Corpus, today: string): ViewOptions {
  const chosen = parseJurisdictions(query.j, corpus, 400, 'j');
  const all = [...corpus.jurisdictions.keys()];
  return {
    asOf: parseAsOf(query.asOf, today),
    jurisdictions: chosen ?? all,
    mode: parseMode(query.mode),
    subset: chosen !== undefined && chosen.length < all.length,
    datedExplicitly: typeof query.asOf === 'string' && query.asOf !== '',
  };
}

/** The query string that reproduces a view (with `extra` parameters first). */
export function viewQuery(v: ViewOptions, extra: Record<string, string | undefined> = {}, pinDate = true): string {
  const params = new URLSearchParams();
  for (const [k, val] of Object.entries(extra)) if (val !== undefined) params.set(k, val);
  if (pinDate || v.datedExplicitly) params.set('asOf', v.asOf);
  if (v.subset) params.set('j', v.jurisdictions.join(','));
  if (v.mode !== 'transplant') params.set('mode', v.mode);
  const s = params.toString();
  return s ? `?${s}` : '';
}

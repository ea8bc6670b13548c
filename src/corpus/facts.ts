/**
 * Checks a nested facts object against the vocabulary: every key declared, every
 * value of its fact's type and domain, legal-order facts only where a
 * jurisdiction is named. Messages name the fact and the nearest valid name.
 */
import type { FactDef, Vocabulary } from '../engine/types.ts';
import type { Problem } from './errors.ts';
import { didYouMean } from './suggest.ts';

export interface FactCheckOptions {
  file?: string;
  /** Where these facts sit, e.g. "flows[1].facts". */
  at: string;
  /** 'flow': only flow facts; 'jurisdiction': only legal-order facts; 'any': both (provision examples). */
  allow: 'flow' | 'jurisdiction' | 'any';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkValue(fact: FactDef, value: unknown): string | undefined {
  if (value === null) return undefined;
  switch (fact.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false, got ${JSON.stringify(value)}`;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a number, got ${JSON.stringify(value)}`;
      return fact.min !== undefined && value < fact.min ? `must be at least ${fact.min}` : undefined;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : `expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`;
    case 'enum': {
      const domain = (fact.values ?? []).map((v) => v.value);
      if (typeof value !== 'string') return `expected one of ${domain.join(', ')}, got ${JSON.stringify(value)}`;
      return domain.includes(value) ? undefined : `${JSON.stringify(value)} is not a value of ${fact.key}${didYouMean(value, domain)} (values: ${domain.join(', ')})`;
    }
    case 'set': {
      const domain = (fact.values ?? []).map((v) => v.value);
      const members = (list: unknown[]): string | undefined => {
        for (const item of list) {
          if (typeof item !== 'string' || !domain.includes(item)) {
            const hint = typeof item === 'string' ? didYouMean(item, domain) : '';
            return `${JSON.stringify(item)} is not a value of ${fact.key}${hint}`;
          }
        }
        return undefined;
      };
      if (Array.isArray(value)) return members(value);
      if (isObject(value)) return checkOpenSet(value, members);
      return `expected a list of values from ${domain.join(', ')}, or {"includes": [...], "excludes": [...]} with the rest unknown, got ${JSON.stringify(value)}`;
    }
  }
}

/** A set stated in part: known members, known non-members, the rest unknown. */
function checkOpenSet(value: Record<string, unknown>, members: (list: unknown[]) => string | undefined): string | undefined {
  const keys = ['includes', 'excludes', 'others'];
  for (const k of Object.keys(value)) {
    if (!keys.includes(k)) return `unknown field "${k}" of a set stated in part${didYouMean(k, keys)} (fields: includes, excludes, others)`;
  }
  if (value.others !== undefined && value.others !== 'unknown') {
    return `"others" may only be "unknown" (to state the whole set, give a list instead), got ${JSON.stringify(value.others)}`;
  }
  for (const k of ['includes', 'excludes']) {
    const list = value[k];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return `"${k}" must be a list of values, got ${JSON.stringify(list)}`;
    const bad = members(list);
    if (bad) return bad;
  }
  const both = ((value.includes as string[] | undefined) ?? []).filter((m) => ((value.excludes as string[] | undefined) ?? []).includes(m));
  if (both.length) return `${JSON.stringify(both[0])} is both included and excluded`;
  return undefined;
}

export function checkFacts(facts: unknown, vocabulary: Vocabulary, options: FactCheckOptions): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ file: options.file, path, message });
  const keys = [...vocabulary.byKey.keys()];
  const groups = new Set(vocabulary.groups.map((g) => g.id));
  if (!isObject(facts)) {
    report(options.at, 'facts must be an object of groups, e.g. {"data": {"categories": ["face_image"]}}');
    return problems;
  }
  for (const [group, inner] of Object.entries(facts)) {
    if (isObject(inner) && !groups.has(group)) {
      report(`${options.at}.${group}`, `${group}: unknown group of facts${didYouMean(group, groups)}`);
      continue;
    }
    if (!isObject(inner)) {
      const hint = vocabulary.byKey.has(group) ? '' : didYouMean(group, groups);
      report(`${options.at}.${group}`, `expected a group of facts (an object)${hint}`);
      continue;
    }
    for (const [name, value] of Object.entries(inner)) {
      const key = `${group}.${name}`;
      const where = `${options.at}.${key}`;
      const fact = vocabulary.byKey.get(key);
      if (!fact) {
        report(where, `${key}: unknown fact${didYouMean(key, keys)}`);
        continue;
      }
      if (options.allow === 'flow' && fact.scope === 'jurisdiction') {
        report(where, `${key}: a legal-order fact: state it per jurisdiction under "jurisdictionFacts": {"<CODE>": {...}}`);
        continue;
      }
      if (options.allow === 'jurisdiction' && fact.scope === 'flow') {
        report(where, `${key}: describes the flow, not a legal order: state it under "facts"`);
        continue;
      }
      const bad = checkValue(fact, value);
      if (bad) report(where, `${key}: ${bad}`);
    }
  }
  return problems;
}

/**
 * Checks a nested facts object against the vocabulary: every key declared, every
 * value of its fact's type and domain, legal-order facts only where a
 * jurisdiction is named. Messages name the fact and the nearest valid name.
 */
import type { FactDef, Vocabulary } from '../engine/types.ts';
import { misnamed, type Finding, type Problem } from './errors.ts';
import { isIsoDate } from '../dates.ts';

export interface FactCheckOptions {
  file?: string;
  /** Where these facts sit, e.g. "flows[1].facts". */
  at: string;
  /** 'flow': only flow facts; 'jurisdiction': only legal-order facts; 'any': both (provision examples). */
  allow: 'flow' | 'jurisdiction' | 'any';
  /** Shared across the checks of one input: problems beyond `max` are only counted, and get no suggestion. */
  cap?: ProblemCap;
}

/**
 * A bound on the problems one input may cost: each suggestion compares a name with
 * every candidate, so thousands of unknown names would cost seconds and megabytes.
 */
export interface ProblemCap {
  max: number;
  /** Problems found so far, reported or not. */
  total: number;
}

/** Whether another problem would still be reported (and counts it). */
export function admit(cap: ProblemCap | undefined): boolean {
  if (!cap) return true;
  cap.total++;
  return cap.total <= cap.max;
}

/** Values longer than this get no "did you mean" (edit distance is quadratic in the length). */
const SUGGEST_MAX = 100;

/** Longest echo of an input value in a message. */
export const SHOWN_MAX_CHARS = 80;

/** A value as JSON for a message, cut to SHOWN_MAX_CHARS so a huge input is not sent back whole. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > SHOWN_MAX_CHARS ? `${text.slice(0, SHOWN_MAX_CHARS)}… (${text.length} characters)` : text;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a value does not fit its fact (type, domain, minimum), or undefined when it fits. */
export function checkValue(fact: FactDef, value: unknown): string | undefined {
  return valueFinding(fact, value)?.message;
}

/** As checkValue, with the problem's kind and, for a mistyped value, the nearest valid one. */
export function valueFinding(fact: FactDef, value: unknown): Finding | undefined {
  if (value === null) return undefined;
  const invalid = (message: string): Finding => ({ kind: 'invalid_value', message });
  switch (fact.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : invalid(`expected true or false, got ${shown(value)}`);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return invalid(`expected a number, got ${shown(value)}`);
      return fact.min !== undefined && value < fact.min ? invalid(`must be at least ${fact.min}`) : undefined;
    case 'date':
      return isIsoDate(value) ? undefined : invalid(`expected a calendar date YYYY-MM-DD, got ${shown(value)}`);
    case 'enum': {
      const domain = (fact.values ?? []).map((v) => v.value);
      if (typeof value !== 'string') return invalid(`expected one of ${domain.join(', ')}, got ${shown(value)}`);
      if (domain.includes(value)) return undefined;
      const named = notAValue(fact, value, domain);
      return { ...named, message: `${named.message} (values: ${domain.join(', ')})` };
    }
    case 'set': {
      const domain = (fact.values ?? []).map((v) => v.value);
      const members = (list: unknown[]): Finding | undefined => {
        for (const item of list) if (typeof item !== 'string' || !domain.includes(item)) return notAValue(fact, item, domain);
        return undefined;
      };
      if (Array.isArray(value)) return members(value);
      if (isObject(value)) return checkOpenSet(value, members);
      return invalid(`expected a list of values from ${domain.join(', ')}, or {"includes": [...], "excludes": [...]} with the rest unknown, got ${shown(value)}`);
    }
  }
}

/** "X is not a value of <fact>", with the nearest value of its domain for a short string. */
function notAValue(fact: FactDef, value: unknown, domain: string[]): Finding {
  const message = `${shown(value)} is not a value of ${fact.key}`;
  return typeof value === 'string' && value.length <= SUGGEST_MAX ? misnamed('invalid_value', message, value, domain) : { kind: 'invalid_value', message };
}

/** A set stated in part: known members, known non-members, the rest unknown. */
function checkOpenSet(value: Record<string, unknown>, members: (list: unknown[]) => Finding | undefined): Finding | undefined {
  // A set's shape, not one of its values: the API has always coded these invalid_scenario.
  const shape = (message: string): Finding => ({ kind: 'invalid_scenario', message });
  const keys = ['includes', 'excludes', 'others'];
  for (const k of Object.keys(value)) {
    if (!keys.includes(k)) {
      const message = `unknown field ${shown(k)} of a set stated in part`;
      const named = k.length <= SUGGEST_MAX ? misnamed('invalid_scenario', message, k, keys) : shape(message);
      return { ...named, message: `${named.message} (fields: includes, excludes, others)` };
    }
  }
  if (value.others !== undefined && value.others !== 'unknown') {
    return shape(`"others" may only be "unknown" (to state the whole set, give a list instead), got ${shown(value.others)}`);
  }
  for (const k of ['includes', 'excludes']) {
    const list = value[k];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return shape(`"${k}" must be a list of values, got ${shown(list)}`);
    const bad = members(list);
    if (bad) return bad;
  }
  const both = ((value.includes as string[] | undefined) ?? []).filter((m) => ((value.excludes as string[] | undefined) ?? []).includes(m));
  if (both.length) return shape(`${shown(both[0])} is both included and excluded`);
  return undefined;
}

export function checkFacts(facts: unknown, vocabulary: Vocabulary, options: FactCheckOptions): Problem[] {
  const problems: Problem[] = [];
  // Findings are built lazily: past the cap neither the message nor its suggestion is computed.
  const report = (path: string, finding: () => Finding) => {
    if (admit(options.cap)) problems.push({ file: options.file, path, ...finding() });
  };
  const shape = (message: string): Finding => ({ kind: 'invalid_scenario', message });
  const keys = [...vocabulary.byKey.keys()];
  const groups = new Set(vocabulary.groups.map((g) => g.id));
  if (!isObject(facts)) {
    report(options.at, () => shape('facts must be an object of groups, e.g. {"data": {"categories": ["face_image"]}}'));
    return problems;
  }
  for (const [group, inner] of Object.entries(facts)) {
    if (isObject(inner) && !groups.has(group)) {
      report(`${options.at}.${group}`, () => misnamed('invalid_scenario', `${group}: unknown group of facts`, group, groups));
      continue;
    }
    if (!isObject(inner)) {
      const message = 'expected a group of facts (an object)';
      report(`${options.at}.${group}`, () => (vocabulary.byKey.has(group) ? { kind: 'invalid_value', message } : misnamed('invalid_value', message, group, groups)));
      continue;
    }
    for (const [name, value] of Object.entries(inner)) {
      const key = `${group}.${name}`;
      const where = `${options.at}.${key}`;
      const fact = vocabulary.byKey.get(key);
      if (!fact) {
        report(where, () => misnamed('unknown_fact', `${key}: unknown fact`, key, keys));
        continue;
      }
      if (options.allow === 'flow' && fact.scope === 'jurisdiction') {
        report(where, () => shape(`${key}: a legal-order fact: state it per jurisdiction under "jurisdictionFacts": {"<CODE>": {...}}`));
        continue;
      }
      if (options.allow === 'jurisdiction' && fact.scope === 'flow') {
        report(where, () => shape(`${key}: describes the flow, not a legal order: state it under "facts"`));
        continue;
      }
      const bad = valueFinding(fact, value);
      if (bad) report(where, () => ({ ...bad, message: `${key}: ${bad.message}` }));
    }
  }
  return problems;
}

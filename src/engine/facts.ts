/**
 * From a scenario's nested facts to the flat assignment the engine reads.
 * A fact that is absent (or null) is unknown, never false. A set fact is stated
 * whole (an array: every member not listed is out) or in part (an open set: the
 * members it includes are in, those it excludes are out, the rest unknown).
 */
import type { Facts, Flow, OpenSet, Scenario, Vocabulary } from './types.ts';
import { type Assignment, memberAtom, type SlotMap } from './assignment.ts';

const OPEN_SET_KEYS = new Set(['includes', 'excludes', 'others']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value is a set fact stated in part, `{"includes": [...], "excludes": [...]}`. */
export function isOpenSet(value: unknown): value is OpenSet {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => OPEN_SET_KEYS.has(k));
}

/** Flattens `{data: {categories: [...]}}` to `{"data.categories": [...]}` (an open set is one value). */
export function flattenFacts(facts: Facts | undefined, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(facts ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && !isOpenSet(value)) flattenFacts(value, path, out);
    else out[path] = value;
  }
  return out;
}

/**
 * Flat facts into an assignment (written over `base` if given): a known set fact
 * becomes one known membership atom per domain value.
 */
export function toAssignment(flat: Record<string, unknown>, vocabulary: Vocabulary, slots: SlotMap, base?: Assignment): Assignment {
  const a: Assignment = base ? base.slice() : new Array(slots.atoms.length);
  for (const [key, value] of Object.entries(flat)) {
    if (value === null || value === undefined) continue;
    const fact = vocabulary.byKey.get(key);
    if (fact?.type === 'set' && Array.isArray(value)) {
      for (const member of fact.values ?? []) a[slots.slot(memberAtom(key, member.value))] = value.includes(member.value);
    } else if (fact?.type === 'set' && isOpenSet(value)) {
      // Stated in part: only the members named are known; written over `base`, the
      // others are cleared, since the open set replaces whatever was stated before.
      for (const member of fact.values ?? []) {
        const slot = slots.slot(memberAtom(key, member.value));
        a[slot] = value.includes?.includes(member.value) ? true : value.excludes?.includes(member.value) ? false : undefined;
      }
    } else {
      a[slots.slot(key)] = value;
    }
  }
  return a;
}

/**
 * The facts of one flow as seen from one jurisdiction: shared facts, the flow's own,
 * then the legal-order facts stated for that jurisdiction and those it inherits.
 */
export function flowFacts(scenario: Scenario, flow: Flow, chain: string[]): Record<string, unknown> {
  return { ...flattenFacts(scenario.facts), ...flattenFacts(flow.facts), ...legalFacts(scenario, flow, chain) };
}

/** Only the legal-order facts stated for the jurisdictions of a chain (ancestors first). */
export function legalFacts(scenario: Scenario, flow: Flow, chain: string[]): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const code of chain) {
    Object.assign(flat, flattenFacts(scenario.jurisdictionFacts?.[code]), flattenFacts(flow.jurisdictionFacts?.[code]));
  }
  return flat;
}

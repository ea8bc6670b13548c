/**
 * The values worth trying for an unknown fact. Completions need not range over a
 * whole domain, only over the distinctions the corpus's conditions draw: for an
 * enum the values some condition mentions plus one "other"; for a set member,
 * in or out; for a number or date, a point in every interval between thresholds.
 */
import type { FactDef, Vocabulary } from './types.ts';
import { memberAtom } from './assignment.ts';
import { argsOf, operatorOf, varName } from './logic.ts';

export interface Distinction {
  /** The representative value put into the assignment. */
  value: unknown;
  /** A plain-language condition that every value it stands for meets. */
  text: string;
  /** The same, machine-readable. */
  test: { fact: string; op: '=' | 'in' | 'not-in' | 'includes' | 'excludes' | '<' | '=' | '>' | 'between'; value: unknown; upper?: unknown };
}

export interface AtomInfo {
  atom: string;
  fact: FactDef;
  distinctions: Distinction[];
}

/** Literals each fact is compared with anywhere in the given conditions. */
export function mentionedLiterals(conditions: Iterable<unknown>): Map<string, Set<unknown>> {
  const mentioned = new Map<string, Set<unknown>>();
  const note = (key: string, value: unknown): void => {
    if (!mentioned.has(key)) mentioned.set(key, new Set());
    if (Array.isArray(value)) value.forEach((v) => mentioned.get(key)!.add(v));
    else mentioned.get(key)!.add(value);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    const op = operatorOf(node);
    if (op === undefined) return;
    const args = argsOf(node);
    const names = args.map(varName);
    if (op !== 'var' && names.some((n) => n !== undefined)) {
      args.forEach((arg, i) => {
        if (names[i] !== undefined) return;
        if (operatorOf(arg) !== undefined) return;
        for (const n of names) if (n !== undefined) note(n, arg);
      });
      if (names.every((n) => n !== undefined)) names.forEach((n) => note(n!, []));
    }
    args.forEach(visit);
  };
  for (const c of conditions) visit(c);
  return mentioned;
}

export function labelOf(fact: FactDef, value: unknown): string {
  return fact.values?.find((v) => v.value === value)?.label ?? String(value);
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function ordered(fact: FactDef, thresholds: unknown[]): Distinction[] {
  const isDate = fact.type === 'date';
  const ts = [...new Set(thresholds.filter((t) => (isDate ? typeof t === 'string' : typeof t === 'number')))].sort((x, y) =>
    (x as any) < (y as any) ? -1 : 1,
  ) as (number | string)[];
  const below = (t: number | string) => (isDate ? addDays(t as string, -1) : (t as number) - 1);
  const between = (lo: number | string, hi: number | string) => (isDate ? addDays(lo as string, 1) : ((lo as number) + (hi as number)) / 2);
  const out: Distinction[] = [];
  if (ts.length === 0) {
    out.push({ value: isDate ? '2000-01-01' : 1, text: `${fact.label} has some value`, test: { fact: fact.key, op: '>', value: isDate ? '' : -Infinity } });
    return out;
  }
  out.push({ value: below(ts[0]), text: `${fact.label} is below ${ts[0]}`, test: { fact: fact.key, op: '<', value: ts[0] } });
  ts.forEach((t, i) => {
    out.push({ value: t, text: `${fact.label} is exactly ${t}`, test: { fact: fact.key, op: '=', value: t } });
    const next = ts[i + 1];
    if (next !== undefined) {
      const mid = between(t, next);
      if (mid !== next) out.push({ value: mid, text: `${fact.label} is between ${t} and ${next}`, test: { fact: fact.key, op: 'between', value: t, upper: next } });
    } else {
      out.push({ value: isDate ? addDays(t as string, 1) : (t as number) + 1, text: `${fact.label} is above ${t}`, test: { fact: fact.key, op: '>', value: t } });
    }
  });
  return out;
}

/** Distinctions of every atom the vocabulary allows, given what the conditions mention. */
export function buildAtomInfo(vocabulary: Vocabulary, conditions: Iterable<unknown>): Map<string, AtomInfo> {
  const mentioned = mentionedLiterals(conditions);
  const atoms = new Map<string, AtomInfo>();
  for (const fact of vocabulary.facts) {
    const lits = mentioned.get(fact.key) ?? new Set<unknown>();
    if (fact.type === 'boolean') {
      atoms.set(fact.key, {
        atom: fact.key,
        fact,
        distinctions: [
          { value: true, text: `${fact.label}: yes`, test: { fact: fact.key, op: '=', value: true } },
          { value: false, text: `${fact.label}: no`, test: { fact: fact.key, op: '=', value: false } },
        ],
      });
    } else if (fact.type === 'enum') {
      const domain = (fact.values ?? []).map((v) => v.value);
      const named = domain.filter((v) => lits.has(v));
      const other = domain.find((v) => !lits.has(v));
      const distinctions: Distinction[] = named.map((v) => ({
        value: v,
        text: `${fact.label} is ${labelOf(fact, v)}`,
        test: { fact: fact.key, op: '=', value: v },
      }));
      if (other !== undefined) {
        distinctions.push({
          value: other,
          text: named.length ? `${fact.label} is none of: ${named.map((v) => labelOf(fact, v)).join('; ')}` : `${fact.label} has any value`,
          test: { fact: fact.key, op: 'not-in', value: named },
        });
      }
      atoms.set(fact.key, { atom: fact.key, fact, distinctions });
    } else if (fact.type === 'set') {
      for (const member of fact.values ?? []) {
        const atom = memberAtom(fact.key, member.value);
        const verb = fact.labelVerb ?? 'include';
        atoms.set(atom, {
          atom,
          fact,
          distinctions: [
            { value: true, text: `${fact.label} ${verb} ${member.label}`, test: { fact: fact.key, op: 'includes', value: member.value } },
            { value: false, text: `${fact.label} do not ${verb} ${member.label}`, test: { fact: fact.key, op: 'excludes', value: member.value } },
          ],
        });
      }
    } else {
      atoms.set(fact.key, { atom: fact.key, fact, distinctions: ordered(fact, [...lits]) });
    }
  }
  return atoms;
}

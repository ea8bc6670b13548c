/**
 * Between the diff's atoms-and-distinctions world and the facts a scenario states:
 * which distinction a stated value falls in, and the scenario value and plain text
 * of a witness's stated facts.
 */
import type { AtomInfo, Distinction } from '../distinctions.ts';
import { labelOf } from '../distinctions.ts';
import type { CompiledCorpus } from '../compiled.ts';
import type { StatedUnit } from './witness.ts';

/** Whether a known value of an atom falls within a distinction. */
export function withinDistinction(d: Distinction, value: unknown): boolean {
  const t = d.test;
  switch (t.op) {
    case '=':
      return value === t.value;
    case 'includes':
      return value === true;
    case 'excludes':
      return value === false;
    case 'not-in':
      return !(t.value as unknown[]).includes(value);
    case 'in':
      return (t.value as unknown[]).includes(value);
    case '<':
      return (value as number) < (t.value as number);
    case '>':
      return t.value === '' || (value as number) > (t.value as number);
    case 'between':
      return (value as number) > (t.value as number) && (value as number) < (t.upper as number);
  }
}

/** The index of the distinction a known value of an atom falls in. */
export function distinctionIndex(info: AtomInfo, value: unknown): number {
  const i = info.distinctions.findIndex((d) => withinDistinction(d, value));
  if (i < 0) throw new Error(`internal: value ${JSON.stringify(value)} of ${info.atom} falls in no distinction`);
  return i;
}

/** The value a scenario states for a witness's unit: a representative, or a set's members. */
export function unitValue(cc: CompiledCorpus, su: StatedUnit): unknown {
  const fact = su.unit.fact;
  if (fact.type !== 'set') return cc.atomInfo[su.unit.slots[0]].distinctions[su.values[0]].value;
  const members: string[] = [];
  su.unit.slots.forEach((slot, i) => {
    if (cc.atomInfo[slot].distinctions[su.values[i]].value === true) members.push(cc.atomInfo[slot].atom.split('∋')[1]);
  });
  // Keep the vocabulary's order of members.
  return (fact.values ?? []).map((v) => v.value).filter((v) => members.includes(v));
}

/** A stated unit in plain words ("the operations include: collection, use"). */
export function unitText(cc: CompiledCorpus, su: StatedUnit): string {
  const fact = su.unit.fact;
  if (fact.type !== 'set') return cc.atomInfo[su.unit.slots[0]].distinctions[su.values[0]].text;
  const value = unitValue(cc, su) as string[];
  const verb = fact.labelVerb ?? 'include';
  return value.length ? `${fact.label} ${verb} only: ${value.map((v) => labelOf(fact, v)).join('; ')}` : `${fact.label}: none`;
}

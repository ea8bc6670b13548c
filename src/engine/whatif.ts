/**
 * What would change a cell's verdict. A conditional cell carries its own outcome map
 * (which values lead to which verdict). A settled cell has none, so for each known
 * fact it reads, that fact alone is made unknown and the cell is worked out again on
 * the same plan: the combinations that then lead to another verdict and involve the
 * fact are what a change of it would do.
 */
import type { Assignment } from './assignment.ts';
import type { CompiledCorpus } from './compiled.ts';
import type { Plan } from './plan.ts';
import { type Cell, evaluateCell } from './cell.ts';
import type { Outcome } from './outcomes.ts';

/** How many known facts a settled cell is probed on (in the order of its dependsOn). */
export const MAX_PROBES = 12;

export interface FactAlternatives {
  fact: string;
  /** Other verdicts, each with only the combinations that involve the fact. */
  outcomes: Outcome[];
}

export interface WhatWouldChange {
  /** Conditional cells: the values that lead to each verdict (the cell's own outcome map). */
  outcomes: Outcome[];
  /** Settled cells: per known fact, the values that would lead elsewhere. */
  changes: FactAlternatives[];
  /** Known facts probed that no change of theirs alone moves. */
  steady: string[];
}

/** The slots of a fact (one, or one per member of a set). */
function slotsOf(cc: CompiledCorpus, fact: string): number[] {
  const out: number[] = [];
  cc.atomInfo.forEach((info, slot) => info.fact.key === fact && out.push(slot));
  return out;
}

export function whatWouldChange(cc: CompiledCorpus, plan: Plan, a: Assignment, cell: Pick<Cell, 'verdict' | 'outcomes' | 'dependsOn'>): WhatWouldChange {
  if (cell.verdict === 'conditional') return { outcomes: cell.outcomes, changes: [], steady: [] };
  const changes: FactAlternatives[] = [];
  const steady: string[] = [];
  const known = cell.dependsOn
    .filter((fact) => cc.corpus.vocabulary.byKey.has(fact))
    .map((fact) => ({ fact, slots: slotsOf(cc, fact) }))
    .filter(({ slots }) => slots.some((slot) => a[slot] !== undefined))
    .slice(0, MAX_PROBES);
  for (const { fact, slots } of known) {
    const probe = a.slice();
    for (const slot of slots) probe[slot] = undefined;
    const outcomes = evaluateCell(cc, plan, probe)
      .outcomes.filter((o) => o.verdict !== cell.verdict)
      .map((o) => ({ ...o, when: o.when.filter((conj) => conj.some((c) => c.fact === fact)) }))
      .filter((o) => o.when.length > 0);
    if (outcomes.length) changes.push({ fact, outcomes });
    else steady.push(fact);
  }
  return { outcomes: [], changes, steady };
}

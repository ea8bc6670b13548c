/**
 * The cell page's "what would change this", laid out: the engine's answer
 * (engine/whatif.ts) in words, with each fact's label and current value and at most
 * SHOW_COMBINATIONS combinations per verdict.
 */
import type { Corpus, Outcome, Verdict } from '../engine/index.ts';
import type { WhatWouldChange } from '../engine/whatif.ts';
import { VERDICT } from '../engine/report.ts';
import { describeValue } from './model.ts';

/** How many combinations are listed per verdict before "and N more". */
export const SHOW_COMBINATIONS = 4;

export interface Alternative {
  verdict: Verdict;
  word: string;
  icon: string;
  when: string[][];
  more: number;
}

export interface FactChange {
  key: string;
  label: string;
  question: string;
  current: string;
  alternatives: Alternative[];
}

export interface WhatIf {
  /** Conditional cells: the values that lead to each verdict. */
  outcomes: Alternative[];
  /** Settled cells: per known fact, the values that would lead elsewhere. */
  changes: FactChange[];
  /** Facts probed that no single change moves. */
  steady: { key: string; label: string; current: string }[];
}

function alternative(o: Outcome): Alternative {
  return {
    verdict: o.verdict,
    word: VERDICT[o.verdict].word,
    icon: VERDICT[o.verdict].icon,
    when: o.when.slice(0, SHOW_COMBINATIONS).map((conj) => conj.map((c) => c.text)),
    more: Math.max(0, o.when.length - SHOW_COMBINATIONS),
  };
}

export function cellChanges(corpus: Corpus, w: WhatWouldChange, facts: Record<string, unknown>): WhatIf {
  const fact = (key: string) => corpus.vocabulary.byKey.get(key)!;
  return {
    outcomes: w.outcomes.filter((o) => o.when.length > 0).map(alternative),
    changes: w.changes.map((c) => ({ key: c.fact, label: fact(c.fact).label, question: fact(c.fact).question, current: describeValue(fact(c.fact), facts[c.fact]), alternatives: c.outcomes.map(alternative) })),
    steady: w.steady.map((key) => ({ key, label: fact(key).label, current: describeValue(fact(key), facts[key]) })),
  };
}

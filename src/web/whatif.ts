/**
 * "What would change this": for a conditional cell, the engine's own outcome map
 * (which values lead to which verdict). For a settled cell the engine has no map,
 * so this module builds one per fact: it makes one known fact unknown, evaluates
 * the cell again, and keeps the combinations that lead to another verdict and
 * involve that fact. Built here, in the web layer, from public engine functions.
 */
import { evaluateScenario, type CellResult, type Corpus, type CompiledCorpus, type Mode, type Outcome, type Scenario, type Verdict } from '../engine/index.ts';
import { VERDICT } from '../engine/report.ts';
import { describeValue } from './model.ts';

/** How many combinations are listed per verdict before "and N more". */
export const SHOW_COMBINATIONS = 4;
/** How many facts a settled cell is probed on. */
const MAX_PROBES = 12;

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

function alternative(o: Outcome, keep: (conj: Outcome['when'][number]) => boolean = () => true): Alternative | undefined {
  const when = o.when.filter(keep);
  if (when.length === 0) return undefined;
  return {
    verdict: o.verdict,
    word: VERDICT[o.verdict].word,
    icon: VERDICT[o.verdict].icon,
    when: when.slice(0, SHOW_COMBINATIONS).map((conj) => conj.map((c) => c.text)),
    more: Math.max(0, when.length - SHOW_COMBINATIONS),
  };
}

function withUnknown(scenario: Scenario, flowId: string, code: string, key: string, jurisdictionScoped: boolean): Scenario {
  const copy = structuredClone(scenario);
  const flow = copy.flows.find((f) => f.id === flowId)!;
  const [group, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  let target: Record<string, unknown>;
  if (jurisdictionScoped) {
    flow.jurisdictionFacts ??= {};
    target = (flow.jurisdictionFacts[code] ??= {});
  } else {
    target = flow.facts;
  }
  const inner = (target[group] ??= {}) as Record<string, unknown>;
  inner[name] = null;
  return { ...copy, flows: [flow] };
}

export function whatIf(
  corpus: Corpus,
  cc: CompiledCorpus,
  scenario: Scenario,
  cell: CellResult,
  facts: Record<string, unknown>,
  options: { asOf: string; mode: Mode },
): WhatIf {
  if (cell.verdict === 'conditional') {
    return { outcomes: cell.outcomes.map((o) => alternative(o)).filter((a): a is Alternative => !!a), changes: [], steady: [] };
  }
  const changes: FactChange[] = [];
  const steady: WhatIf['steady'] = [];
  const known = cell.dependsOn.filter((k) => facts[k] !== undefined && facts[k] !== null).slice(0, MAX_PROBES);
  for (const key of known) {
    const fact = corpus.vocabulary.byKey.get(key);
    if (!fact) continue;
    const probe = withUnknown(scenario, cell.flow, cell.jurisdiction, key, fact.scope === 'jurisdiction');
    const r = evaluateScenario(corpus, probe, { asOf: options.asOf, mode: options.mode, jurisdictions: [cell.jurisdiction] }, cc).results[0];
    const alternatives = r.outcomes
      .filter((o) => o.verdict !== cell.verdict)
      .map((o) => alternative(o, (conj) => conj.some((c) => c.fact === key)))
      .filter((a): a is Alternative => !!a);
    const current = describeValue(fact, facts[key]);
    if (alternatives.length) changes.push({ key, label: fact.label, question: fact.question, current, alternatives });
    else steady.push({ key, label: fact.label, current });
  }
  return { outcomes: [], changes, steady };
}

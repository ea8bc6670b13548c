/**
 * The explanation of one cell: which instruments apply and why, each prohibition
 * with its exceptions, each obligation, every condition broken into its parts with
 * their exact values (true, false, unknown) in plain language, and what would
 * change the outcome.
 */
import type { Provision, Verdict, Vocabulary } from './types.ts';
import { type CNode } from './kleene.ts';
import { type Assignment } from './assignment.ts';
import { varsOf } from './logic.ts';
import type { CompiledCorpus } from './compiled.ts';
import type { Plan } from './plan.ts';
import { exact3 } from './search.ts';
import type { Cell } from './cell.ts';
import { stateOf } from './status.ts';
import { renderLeaf } from './render.ts';
import { VERDICT } from './report.ts';

export type Truth = 'true' | 'false' | 'unknown';

export interface ConditionPart {
  text: string;
  value: Truth;
  facts: string[];
  children: ConditionPart[];
}

export interface ProvisionInfo {
  id: string;
  citation: string;
  citationLocal?: string;
  title: string;
  summary: string;
  source: string;
  instrument: string;
  interpretation?: string;
  unsure?: string;
}

export interface ScopeExplanation {
  provision: ProvisionInfo;
  effect: 'requires' | 'excludes';
  /** Whether this rule lets the instrument apply. */
  letsApply: Truth;
  condition: ConditionPart;
  setAside?: string;
}

export interface InstrumentExplanation {
  id: string;
  title: string;
  jurisdiction: string;
  applies: Truth;
  regulates: boolean;
  scope: ScopeExplanation[];
}

export interface ProhibitionExplanation {
  provision: ProvisionInfo;
  status: 'forbids' | 'lifted' | 'not-engaged' | 'unknown';
  condition: ConditionPart;
  exceptions: { provision: ProvisionInfo; holds: Truth; condition: ConditionPart }[];
}

export interface ObligationExplanation {
  provision: ProvisionInfo;
  status: 'met' | 'breached' | 'open' | 'not-engaged' | 'lifted';
  engaged: ConditionPart;
  met: ConditionPart;
  /** Exemptions that could take the duty away. */
  exceptions: { provision: ProvisionInfo; holds: Truth; condition: ConditionPart }[];
}

export interface Explanation {
  verdict: Verdict;
  headline: string;
  instruments: InstrumentExplanation[];
  prohibitions: ProhibitionExplanation[];
  obligations: ObligationExplanation[];
  dependsOn: { key: string; label: string; question: string }[];
  /** Instruments with nothing in force on the date, with the dates they are in force. */
  notInForce: { id: string; title: string; from: string; to?: string }[];
}

const TRUTH: Truth[] = ['false', 'true', 'unknown'];

export function provisionInfo(p: Provision): ProvisionInfo {
  return {
    id: p.id,
    citation: p.citation,
    citationLocal: p.citationLocal,
    title: p.title,
    summary: p.summary,
    source: p.source,
    instrument: p.instrument,
    interpretation: p.interpretation,
    unsure: p.unsure,
  };
}

const leafWords = new WeakMap<CNode, { text: string; facts: string[] }>();

/** A leaf's text and facts, which do not depend on the facts of a cell (memoised: conditions are immutable). */
function wordsOf(node: CNode & { op: 'leaf' }, vocabulary: Vocabulary): { text: string; facts: string[] } {
  let words = leafWords.get(node);
  if (!words) leafWords.set(node, (words = { text: node.logic === true ? 'always' : renderLeaf(node.logic, vocabulary), facts: [...varsOf(node.logic)].sort() }));
  return words;
}

/** A condition as parts, each with its exact value under the assignment. */
export function explainCondition(node: CNode, a: Assignment, cc: CompiledCorpus): ConditionPart {
  const vocabulary: Vocabulary = cc.corpus.vocabulary;
  const value = TRUTH[exact3(node, a, cc.atomInfo)];
  const facts: string[] = [];
  switch (node.op) {
    case 'leaf': {
      // A copy of the facts: a caller may keep and change the part it is given.
      const words = wordsOf(node, vocabulary);
      return { text: words.text, value, facts: words.facts.slice(), children: [] };
    }
    case 'and':
      return { text: 'all of:', value, facts, children: node.kids.map((k) => explainCondition(k, a, cc)) };
    case 'or':
      return { text: 'any of:', value, facts, children: node.kids.map((k) => explainCondition(k, a, cc)) };
    case 'not':
      return { text: 'not:', value, facts, children: [explainCondition(node.kid, a, cc)] };
    case 'bool':
      return explainCondition(node.kid, a, cc);
    case 'if':
      return { text: 'if / then / otherwise:', value, facts, children: node.kids.map((k) => explainCondition(k, a, cc)) };
  }
}

export function explainCell(cc: CompiledCorpus, plan: Plan, a: Assignment, cell: Cell): Explanation {
  const s = cell.state ?? stateOf(plan, a);
  const instruments: InstrumentExplanation[] = plan.instruments.map((pi, ii) => ({
    id: pi.inst.id,
    title: pi.inst.title,
    jurisdiction: pi.jurisdiction,
    applies: TRUTH[s.applies[ii]],
    regulates: pi.regulates,
    scope: [
      ...pi.scopes.map((cp, k) => ({
        provision: provisionInfo(cp.p),
        effect: cp.p.scope ?? 'requires',
        letsApply: TRUTH[s.scopes[ii][k]],
        condition: explainCondition(cp.when, a, cc),
      })),
      ...pi.setAside.map((cp) => ({
        provision: provisionInfo(cp.p),
        effect: cp.p.scope ?? 'requires',
        letsApply: 'true' as Truth,
        condition: explainCondition(cp.when, a, cc),
        setAside: 'territorial scope set aside: the flow is read as if it happened inside this jurisdiction (transplant mode)',
      })),
    ],
  }));
  const prohibitions: ProhibitionExplanation[] = plan.prohibitions.map((pr, k) => {
    const st = s.prohibitions[k];
    const status = st.fires === 1 ? 'forbids' : st.cond === 0 ? 'not-engaged' : st.cond === 1 && st.lifted === 1 ? 'lifted' : 'unknown';
    return {
      provision: provisionInfo(pr.cp.p),
      status,
      condition: explainCondition(pr.cp.when, a, cc),
      exceptions: pr.exceptions.map((e, i) => ({
        provision: provisionInfo(e.cp.p),
        holds: TRUTH[st.exceptions[i]],
        condition: explainCondition(e.cp.when, a, cc),
      })),
    };
  });
  const obligations: ObligationExplanation[] = plan.obligations.map((ob, k) => {
    const st = s.obligations[k];
    const status =
      st.cond === 1 && st.lifted === 1 ? 'lifted'
      : st.engaged === 0 ? 'not-engaged'
      : st.breached === 1 ? 'breached'
      : st.met === 1 && st.engaged === 1 ? 'met'
      : 'open';
    return {
      provision: provisionInfo(ob.cp.p),
      status,
      engaged: explainCondition(ob.cp.when, a, cc),
      met: ob.cp.met ? explainCondition(ob.cp.met, a, cc) : { text: 'no condition', value: 'unknown', facts: [], children: [] },
      exceptions: ob.exceptions.map((e, i) => ({
        provision: provisionInfo(e.cp.p),
        holds: TRUTH[st.exceptions[i]],
        condition: explainCondition(e.cp.when, a, cc),
      })),
    };
  });
  const vocabulary = cc.corpus.vocabulary;
  return {
    verdict: cell.verdict,
    headline: VERDICT[cell.verdict].headline,
    instruments,
    prohibitions,
    obligations,
    notInForce: plan.dormant.map(({ id, title, from, to }) => ({ id, title, from, to })),
    dependsOn: cell.dependsOn.map((key) => {
      const f = vocabulary.byKey.get(key);
      return { key, label: f?.label ?? key, question: f?.question ?? '' };
    }),
  };
}

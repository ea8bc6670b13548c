/**
 * What would change a cell, in the law's own structure: for every prohibition the
 * flow engages (or may engage), the exceptions any one of which would lift it; for
 * every duty it engages, whether it was performed and the exemptions from it. Each
 * element and each defence says whether the record establishes it, rules it out, or
 * leaves it unknown, with the questions that would settle it. This is the first
 * answer a briefing needs; the outcome map (cell.ts) keeps the minimal fact
 * combinations as data.
 */
import type { Provision, Vocabulary } from './types.ts';
import type { CNode, Tri } from './kleene.ts';
import type { Assignment } from './assignment.ts';
import type { CompiledCorpus } from './compiled.ts';
import type { Plan } from './plan.ts';
import type { PlanState } from './status.ts';
import { type Settled, settledFor } from './settled.ts';

const F = 0, T = 1;

/** How the record stands on a condition: shown, ruled out by stated facts, or unknown. */
export type Standing = 'established' | 'not-established' | 'unknown';

export interface ChecklistFact {
  key: string;
  label: string;
  question: string;
}

export interface ChecklistDefence {
  id: string;
  citation: string;
  title: string;
  standing: Standing;
  /** The unknown facts that would settle it. */
  facts: ChecklistFact[];
}

export interface ChecklistItem {
  id: string;
  citation: string;
  title: string;
  instrument: string;
  kind: 'prohibition' | 'obligation';
  /** Whether its elements are established: a prohibition's condition, or what engages a duty. */
  elements: Standing;
  elementFacts: ChecklistFact[];
  /** For a duty: whether it was performed. */
  performed?: Standing;
  performanceFacts?: ChecklistFact[];
  /** Exceptions (for a duty, exemptions): any one of them, once shown, lifts it. */
  unless: ChecklistDefence[];
  /** What it does on the record: forbids, is breached, is lifted, is met, or stays open. */
  outcome: 'forbids' | 'breached' | 'lifted' | 'met' | 'open';
}

const STANDING: Standing[] = ['not-established', 'established', 'unknown'];

const ORDER: Record<ChecklistItem['outcome'], number> = { forbids: 0, breached: 0, open: 1, lifted: 2, met: 2 };

function factsOf(node: CNode | undefined, settled: Settled, vocabulary: Vocabulary): ChecklistFact[] {
  return settled.unknownFacts(node).map((key) => {
    const f = vocabulary.byKey.get(key);
    return { key, label: f?.label ?? key, question: f?.question ?? '' };
  });
}

/**
 * The checklist of one cell: every rule the flow engages or may engage, in the
 * order a reader needs them (what forbids first, then what is open, then what is
 * answered). `s` is the open reading's Kleene state under the same facts.
 */
export function checklistOf(cc: CompiledCorpus, plan: Plan, a: Assignment, s: PlanState, settled: Settled = settledFor(cc, a)): ChecklistItem[] {
  const vocabulary = cc.corpus.vocabulary;
  const standing = (applies: Tri, node: CNode): Standing => {
    if (applies === F) return 'not-established';
    const v = settled.exact(node);
    return v === F ? 'not-established' : v === T && applies === T ? 'established' : 'unknown';
  };
  const info = (p: Provision) => ({ id: p.id, citation: p.citation, title: p.title });
  const items: ChecklistItem[] = [];
  for (const [list, kind] of [[plan.prohibitions, 'prohibition'], [plan.obligations, 'obligation']] as const) {
    for (const rule of list) {
      const applies = s.applies[rule.ii];
      const elements = standing(applies, rule.cp.when);
      if (elements === 'not-established' && (applies === F || settled.exact(rule.cp.when) === F)) continue;
      const unless = rule.exceptions
        .filter((e) => s.applies[e.ii] !== F)
        .map((e) => {
          const st = standing(s.applies[e.ii], e.cp.when);
          return { ...info(e.cp.p), standing: st, facts: st === 'unknown' ? factsOf(e.cp.when, settled, vocabulary) : [] };
        });
      const lifted = unless.some((d) => d.standing === 'established');
      const item: ChecklistItem = {
        ...info(rule.cp.p),
        instrument: rule.cp.p.instrument,
        kind,
        elements,
        elementFacts: elements === 'unknown' ? factsOf(rule.cp.when, settled, vocabulary) : [],
        unless,
        outcome: 'open',
      };
      if (kind === 'obligation') {
        const performed = rule.cp.met ? STANDING[settled.exact(rule.cp.met)] : 'unknown';
        item.performed = performed;
        item.performanceFacts = performed === 'unknown' ? factsOf(rule.cp.met, settled, vocabulary) : [];
        item.outcome = lifted ? 'lifted' : performed === 'established' ? 'met' : elements === 'established' && performed === 'not-established' ? 'breached' : 'open';
      } else {
        item.outcome = lifted ? 'lifted' : elements === 'established' ? 'forbids' : 'open';
      }
      items.push(item);
    }
  }
  return items.sort((x, y) => ORDER[x.outcome] - ORDER[y.outcome]);
}

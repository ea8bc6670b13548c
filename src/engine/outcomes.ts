/**
 * Outcome maps: for an undetermined cell, which values of its unknown facts lead to which
 * verdict, as the shortest sufficient combinations the search's leaves reduce to.
 */
import type { Verdict } from './types.ts';
import type { Assignment } from './assignment.ts';
import type { CompiledCorpus } from './compiled.ts';
import type { Distinction } from './distinctions.ts';
import type { Plan } from './plan.ts';
import type { Leaf } from './search.ts';
import { type PlanState, quickVerdict } from './status.ts';
import { decisiveOf, type ProvisionRef } from './attribution.ts';

export interface OutcomeCondition {
  fact: string;
  text: string;
  test: Distinction['test'];
}

/** Most alternative combinations listed per verdict (the shortest first). */
const MAX_CONJUNCTIONS = 12;

export interface Outcome {
  verdict: Exclude<Verdict, 'conditional'>;
  /** How many further combinations were found but not listed. */
  more: number;
  /** Alternative sets of conditions (any one suffices), each a conjunction. */
  when: OutcomeCondition[][];
  /** A representative provision set that decides this outcome. */
  decisive: ProvisionRef[];
}

function factOfAtom(cc: CompiledCorpus, atom: string): string {
  return cc.atoms.get(atom)?.fact.key ?? atom;
}

/**
 * Each leaf's path, shortened to the conditions that matter: a condition is
 * dropped when Kleene evaluation still settles the same verdict without it
 * (sound, so what remains is still sufficient). Duplicates and supersets go.
 */
/**
 * The verdicts of partial paths, shared by every leaf of one cell: leaves of one search share
 * prefixes, so dropping a step from two leaves often yields the same trial.
 */
class TrialVerdicts {
  // A trie over the steps of a trial (each distinction belongs to one atom, so it names the step).
  private readonly root: TrialNode = { next: new Map() };
  constructor(private readonly plan: Plan, private readonly start: Assignment) {}

  of(trial: Leaf<Verdict>['path']): Verdict | undefined {
    let node = this.root;
    for (const step of trial) {
      let next = node.next.get(step.distinction);
      if (!next) node.next.set(step.distinction, (next = { next: new Map() }));
      node = next;
    }
    if (node.known) return node.verdict;
    const a: Assignment = this.start.slice();
    for (const step of trial) a[step.slot] = step.distinction.value;
    node.known = true;
    node.verdict = quickVerdict(this.plan, a);
    return node.verdict;
  }
}

interface TrialNode {
  next: Map<Distinction, TrialNode>;
  known?: boolean;
  verdict?: Verdict;
}

function minimalConditions(trials: TrialVerdicts, leaf: Leaf<Exclude<Verdict, 'conditional'>>): Leaf<Exclude<Verdict, 'conditional'>>['path'] {
  let path = leaf.path;
  for (let i = path.length - 1; i >= 0; i--) {
    const trial = path.filter((_, k) => k !== i);
    if (trials.of(trial) === leaf.outcome) path = trial;
  }
  return path;
}

export function groupOutcomes(
  cc: CompiledCorpus,
  plan: Plan,
  search: Plan,
  start: Assignment,
  leaves: Leaf<Exclude<Verdict, 'conditional'>>[],
  stateAt: (a: Assignment) => PlanState,
): Outcome[] {
  const order: Exclude<Verdict, 'conditional'>[] = ['allowed', 'forbidden', 'not-covered'];
  const out: Outcome[] = [];
  const trials = new TrialVerdicts(search, start);
  for (const verdict of order) {
    const mine = leaves.filter((l) => l.outcome === verdict);
    if (mine.length === 0) continue;
    const sets = new Map<string, Leaf<Exclude<Verdict, 'conditional'>>['path']>();
    for (const leaf of mine) {
      const path = minimalConditions(trials, leaf);
      sets.set(path.map((s) => `${s.atom}=${String(s.distinction.value)}`).sort().join('&'), path);
    }
    const keys = [...sets.keys()].map((k) => new Set(k ? k.split('&') : []));
    const kept = [...sets.values()].filter((_, i) => !keys.some((other, j) => j !== i && other.size < keys[i].size && [...other].every((x) => keys[i].has(x))));
    kept.sort((x, y) => x.length - y.length);
    out.push({
      verdict,
      more: Math.max(0, kept.length - MAX_CONJUNCTIONS),
      when: kept.slice(0, MAX_CONJUNCTIONS).map((path) => path.map((step) => ({ fact: factOfAtom(cc, step.atom), text: step.distinction.text, test: step.distinction.test }))),
      decisive: decisiveOf(plan, stateAt(mine[0].assignment), verdict),
    });
  }
  return out;
}

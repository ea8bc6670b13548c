/**
 * Outcome maps: for an undetermined cell, which values of its unknown facts lead to which
 * verdict, as the shortest sufficient combinations the search's leaves reduce to.
 */
import type { Verdict } from './types.ts';
import type { CompiledCorpus } from './compiled.ts';
import type { Distinction } from './distinctions.ts';
import type { Plan } from './plan.ts';
import type { Leaf } from './search.ts';
import type { ValueTrie } from './incremental.ts';
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
function minimalConditions(trials: ValueTrie, leaf: Leaf<Exclude<Verdict, 'conditional'>>): Leaf<Exclude<Verdict, 'conditional'>>['path'] {
  let path = leaf.path;
  for (let i = path.length - 1; i >= 0; i--) {
    const trial = path.filter((_, k) => k !== i);
    if (trials.verdict(trials.at(trial)) === leaf.outcome) path = trial;
  }
  return path;
}

export function groupOutcomes(
  cc: CompiledCorpus,
  plan: Plan,
  trials: ValueTrie,
  leaves: Leaf<Exclude<Verdict, 'conditional'>>[],
): Outcome[] {
  const order: Exclude<Verdict, 'conditional'>[] = ['allowed', 'forbidden', 'not-covered'];
  const out: Outcome[] = [];
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
      decisive: decisiveOf(plan, trials.state(trials.at(mine[0].path)), verdict),
    });
  }
  return out;
}

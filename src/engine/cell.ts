/**
 * One cell of the matrix: one flow under one jurisdiction on one date. Settles the
 * verdict exactly (see search.ts) and gathers, to the detail asked for, the provisions
 * that decide it (attribution.ts), the facts it depends on (sensitivity.ts) and, when
 * it is conditional, which values of those facts lead to which verdict (outcomes.ts).
 */
import type { Verdict } from './types.ts';
import { type Assignment } from './assignment.ts';
import { varsOf } from './logic.ts';
import type { CompiledCorpus } from './compiled.ts';
import type { Plan } from './plan.ts';
import { explore, type Step } from './search.ts';
import { type TrieNode, ValueTrie } from './incremental.ts';
import { foldPlan } from './fold.ts';
import { type PlanState, pickAtom, quickVerdict, stateOf, verdictOfState } from './status.ts';
import { decisiveOf, dedupe, obligationsOf, type ObligationRef, type ProvisionRef, remediesOf, type RemedyRef } from './attribution.ts';
import { groupOutcomes, type Outcome } from './outcomes.ts';
import { sensitiveFacts, undeterminedFacts } from './sensitivity.ts';

const T = 1;

export interface Cell {
  verdict: Verdict;
  decisive: ProvisionRef[];
  obligations: ObligationRef[];
  /** For a forbidden or conditional cell: the remedies and penalties its instruments provide. */
  remedies: RemedyRef[];
  dependsOn: string[];
  outcomes: Outcome[];
  /** False when the search budget ran out before the verdict was settled (it is then reported as conditional). */
  complete: boolean;
  /** False when `outcomes` lists only some of the fact combinations that lead to each verdict. */
  outcomesComplete: boolean;
  /** The Kleene state of every rule under the facts as given (absent on the bare path). */
  state?: PlanState;
}

/**
 * How much of a cell to work out, each level including the one before:
 * 'verdict' only the verdict; 'decisive' the provisions that decide it and the rules' state;
 * 'findings' also the obligations, remedies and the facts it depends on (no outcome map);
 * 'outcomes' also which values of the unknown facts lead to which verdict.
 */
export type CellDetail = 'verdict' | 'decisive' | 'findings' | 'outcomes';

export interface CellOptions {
  /** Default 'outcomes'. */
  detail?: CellDetail;
  /** Most branches the verdict search may open before giving up. */
  budget?: number;
  /** Most leaves gathered to describe which facts lead to which verdict. */
  outcomeLeaves?: number;
}

/** A cell worked out to its decisive provisions only (detail 'decisive'). */
function decided(verdict: Verdict, decisive: ProvisionRef[], state: PlanState, complete = true): Cell {
  return { verdict, decisive, obligations: [], remedies: [], dependsOn: [], outcomes: [], complete, outcomesComplete: false, state };
}

/** Only the verdict, exactly: Kleene first, then complete witnesses, then the split search. */
function bareVerdict(cc: CompiledCorpus, plan: Plan, a: Assignment, budget = 20000): Cell {
  const bare = (verdict: Verdict, complete = true): Cell => ({
    verdict, decisive: [], obligations: [], remedies: [], dependsOn: [], outcomes: [], complete, outcomesComplete: false,
  });
  const settled = quickVerdict(plan, a);
  if (settled) return bare(settled);
  const found = probe(cc, plan, a);
  if (found.size >= 2) return bare('conditional');
  // Every completion gives the probed verdict, or some branch reaches another: split
  // on unknown atoms, probing inside each open branch to find another verdict early.
  // INVARIANT: 'determined' is only reported after every branch has settled
  // (test/property/completions.test.ts: "fast paths agree").
  const first = [...found][0];
  let seen: Verdict | undefined = first;
  const classify = (x: Assignment): Verdict | undefined => {
    const v = quickVerdict(plan, x);
    if (v) {
      seen ??= v;
      return v;
    }
    // A probe that reaches another verdict is a real completion: the cell is conditional.
    if (seen !== undefined) return [...probe(cc, plan, x, 2)].find((w) => w !== seen);
    return undefined;
  };
  const { leaves, complete } = explore<Verdict>(a, classify, (x) => pickAtom(plan, stateOf(plan, x), x), cc.atomInfo, {
    stopAfterDistinct: 2,
    budget,
    known: first === undefined ? [] : [first],
  });
  const verdicts = new Set<Verdict>([...(first === undefined ? [] : [first]), ...leaves.map((l) => l.outcome)]);
  if (verdicts.size >= 2) return bare('conditional');
  if (!complete) return bare('conditional', false);
  return bare(seen!);
}

export function evaluateCell(cc: CompiledCorpus, plan: Plan, a: Assignment, options: CellOptions = {}): Cell {
  const detail = options.detail ?? 'outcomes';
  if (detail === 'verdict') return bareVerdict(cc, plan, a, options.budget);
  const verdictOnly = detail !== 'outcomes';
  const root = stateOf(plan, a);
  const settled = verdictOfState(root);
  if (settled) {
    const decisive = decisiveOf(plan, root, settled);
    if (detail === 'decisive') return decided(settled, decisive, root);
    // The facts the deciding provisions read, with the exceptions that could lift a
    // firing prohibition and the prohibitions a lifting exception answers; plus, off
    // the fast path, every fact that alone could change the verdict.
    const facts = new Set<string>();
    const read = (cp: { p: { when: unknown; met?: unknown } }) => {
      varsOf(cp.p.when, facts);
      if (cp.p.met !== undefined) varsOf(cp.p.met, facts);
    };
    for (const r of decisive) (cc.byId.get(r.id) ?? []).forEach(read);
    plan.prohibitions.forEach((pr, k) => {
      const st = root.prohibitions[k];
      if (st.fires === T) pr.exceptions.forEach((e) => read(e.cp));
      if (st.cond === T && st.lifted === T) read(pr.cp);
    });
    plan.obligations.forEach((ob, k) => {
      const st = root.obligations[k];
      if (st.breached === T) ob.exceptions.forEach((e) => read(e.cp));
      if (st.cond === T && st.lifted === T) read(ob.cp);
    });
    if (!verdictOnly) sensitiveFacts(cc, plan, a, settled).forEach((f) => facts.add(f));
    const dependsOn = [...facts].sort();
    return {
      verdict: settled,
      decisive,
      obligations: obligationsOf(plan, root),
      remedies: remediesOf(plan, root, a, settled),
      dependsOn,
      outcomes: [{ verdict: settled, more: 0, when: [[]], decisive }],
      complete: true,
      outcomesComplete: true,
      state: root,
    };
  }
  if (verdictOnly) {
    // Fast path: complete witnesses of two different verdicts prove the cell conditional.
    const found = probe(cc, plan, a);
    if (found.size >= 2) {
      if (detail === 'decisive') return decided('conditional', decisiveOf(plan, root, 'conditional'), root);
      return {
        verdict: 'conditional',
        decisive: decisiveOf(plan, root, 'conditional'),
        obligations: obligationsOf(plan, root),
        remedies: remediesOf(plan, root, a, 'conditional'),
        dependsOn: undeterminedFacts(cc, plan, root, a),
        outcomes: [],
        complete: true,
        outcomesComplete: false,
        state: root,
      };
    }
  }
  // INVARIANT: the folded plan has the same states and splits as `plan` under every extension
  // of `a` (fold.ts); test/property/completions.test.ts checks the outcome maps against completions.
  const search = detail === 'outcomes' ? foldPlan(plan, a) : plan;
  // Each node's conditions are valued from its parent's (incremental.ts), shared by both
  // searches below and by the outcome map's trials, which revisit subsets of the same steps.
  const trie = new ValueTrie(search, a);
  const stateAt = (path: readonly Step[]) => trie.state(trie.at(path));
  // The search is depth first, so the node last met at each depth is on the current path:
  // a node is its parent's child by the path's last step, found without a walk from the top.
  const onPath: TrieNode[] = [trie.root];
  const classify = (x: Assignment, path: readonly Step[]) => {
    const depth = path.length;
    const node = depth === 0 ? trie.root : trie.child(onPath[depth - 1], path[depth - 1], x);
    onPath[depth] = node;
    return trie.verdict(node);
  };
  const pick = (x: Assignment, path: readonly Step[]) => pickAtom(search, trie.state(onPath[path.length]), x);
  // INVARIANT: the verdict is exact: two reachable verdicts make it conditional;
  // a single one is only reported once every branch has settled (test/property/completions.test.ts).
  const first = explore(a, classify, pick, cc.atomInfo, { stopAfterDistinct: 2, budget: options.budget });
  const verdicts = new Set(first.leaves.map((l) => l.outcome));
  const verdict: Verdict = verdicts.size === 1 && first.complete ? first.leaves[0].outcome : 'conditional';
  const decisive =
    verdict === 'conditional'
      ? decisiveOf(plan, root, 'conditional')
      : dedupe(first.leaves.flatMap((l) => decisiveOf(plan, stateAt(l.path), verdict)));
  let leaves = first.leaves;
  let outcomesComplete = first.complete && verdicts.size === 1;
  if (!verdictOnly && verdict === 'conditional') {
    const more = explore(a, classify, pick, cc.atomInfo, { leafLimit: options.outcomeLeaves ?? 150, budget: options.budget });
    // The second search walks the same tree in the same order, so the first one's leaves are its prefix.
    leaves = more.leaves.length >= first.leaves.length ? more.leaves : [...first.leaves, ...more.leaves];
    outcomesComplete = more.complete;
  }
  if (detail === 'decisive') return decided(verdict, decisive, root, first.complete || verdicts.size > 1);
  const outcomes = verdictOnly ? [] : groupOutcomes(cc, plan, trie, leaves);
  // The unknown facts of every undecided rule: a stable, complete list, whatever part of
  // the outcome map was gathered.
  const dependsOn = new Set<string>(undeterminedFacts(cc, plan, root, a));
  for (const o of outcomes) for (const conj of o.when) for (const c of conj) dependsOn.add(c.fact);
  return {
    verdict,
    decisive,
    obligations: obligationsOf(plan, root),
    remedies: remediesOf(plan, root, a, verdict),
    dependsOn: [...dependsOn].sort(),
    outcomes,
    complete: first.complete || verdicts.size > 1,
    outcomesComplete,
    state: root,
  };
}

/** Ways of filling unknown atoms for the probes: extremes, alternations, then fixed pseudo-random mixes. */
const PATTERNS: ((i: number, n: number) => number)[] = [
  () => 0,
  (_, n) => n - 1,
  (i, n) => i % n,
  (i, n) => (i + 1) % n,
  ...[0x9e3779b1, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0xd3a2646c, 0xfd7046c5, 0xb55a4f09].map(
    (seed) => (i: number, n: number) => (Math.imul(i + 1, seed) >>> 16) % n,
  ),
];

/**
 * Verdicts reached by a few complete assignments of the unknown atoms. Each is a
 * real completion, so two different verdicts settle "conditional" exactly.
 */
function probe(cc: CompiledCorpus, plan: Plan, a: Assignment, patterns = PATTERNS.length): Set<Verdict> {
  const found = new Set<Verdict>();
  const unknown = plan.atoms.filter((slot) => a[slot] === undefined);
  const distinctions = unknown.map((slot) => cc.atomInfo[slot].distinctions);
  // Fill the unknowns in place and reset them to undefined after: cheaper than copying the assignment.
  try {
    // First the hopeful fill (exceptions hold, duties met, prohibitions idle), then the patterns.
    for (const slot of unknown) a[slot] = plan.leaning.has(slot) ? plan.leaning.get(slot) : cc.atomInfo[slot].distinctions[0].value;
    const hopeful = quickVerdict(plan, a);
    if (hopeful) found.add(hopeful);
    for (const pattern of PATTERNS.slice(0, patterns)) {
      for (let i = 0; i < unknown.length; i++) {
        const d = distinctions[i];
        a[unknown[i]] = d[pattern(i, d.length)].value;
      }
      const v = quickVerdict(plan, a);
      if (v) found.add(v);
      if (found.size >= 2) break;
    }
  } finally {
    for (const atom of unknown) a[atom] = undefined;
  }
  return found;
}


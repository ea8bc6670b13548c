/**
 * One cell of the matrix: one flow under one jurisdiction on one date. Settles the
 * verdict exactly (see search.ts), names the provisions that decide it, the
 * obligations that come with it, the facts it depends on and, when it is
 * conditional, which values of those facts lead to which verdict.
 */
import type { Provision, Verdict } from './types.ts';
import type { Assignment, CNode } from './logic.ts';
import { eval3, varsOf } from './logic.ts';
import type { CompiledCorpus } from './compiled.ts';
import { atomsOf, type Plan } from './plan.ts';
import { explore, type Leaf } from './search.ts';
import { foldPlan } from './fold.ts';
import { type PlanState, pickAtom, quickVerdict, stateOf, verdictOfState } from './status.ts';

const T = 1, U = 2;
import type { Distinction } from './distinctions.ts';

export interface ProvisionRef {
  id: string;
  citation: string;
  title: string;
  instrument: string;
  /** The part it plays in this verdict. */
  role: 'prohibition' | 'obligation' | 'exception' | 'scope';
  /** What it does here, in a word. */
  status: string;
}

export interface RemedyRef {
  id: string;
  citation: string;
  title: string;
  /** 'available' where its conditions hold; 'possible' where unknown facts decide. */
  status: 'available' | 'possible';
}

export interface ObligationRef {
  id: string;
  citation: string;
  title: string;
  status: 'met' | 'breached' | 'open';
}

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

const ref = (p: Provision, role: ProvisionRef['role'], status: string): ProvisionRef => ({
  id: p.id,
  citation: p.citation,
  title: p.title,
  instrument: p.instrument,
  role,
  status,
});

/** The provisions that settle a determined state. */
export function decisiveOf(plan: Plan, s: PlanState, verdict: Verdict): ProvisionRef[] {
  const out: ProvisionRef[] = [];
  if (verdict === 'forbidden') {
    plan.prohibitions.forEach((pr, k) => s.prohibitions[k].fires === T && out.push(ref(pr.cp.p, 'prohibition', 'forbids')));
    plan.obligations.forEach((ob, k) => s.obligations[k].breached === T && out.push(ref(ob.cp.p, 'obligation', 'breached')));
  } else if (verdict === 'allowed') {
    for (const [rules, states] of [[plan.prohibitions, s.prohibitions], [plan.obligations, s.obligations]] as const) {
      rules.forEach((rule, k) => {
        if (states[k].cond !== T) return;
        rule.exceptions.forEach((e, i) => states[k].exceptions[i] === T && out.push(ref(e.cp.p, 'exception', `lifts ${rule.cp.p.citation}`)));
      });
    }
  } else if (verdict === 'not-covered') {
    plan.instruments.forEach((pi, ii) =>
      pi.scopes.forEach((cp, k) => s.scopes[ii][k] === 0 && out.push(ref(cp.p, 'scope', 'excludes the flow'))),
    );
  } else {
    plan.prohibitions.forEach((pr, k) => s.prohibitions[k].fires === U && out.push(ref(pr.cp.p, 'prohibition', 'may forbid')));
    plan.obligations.forEach((ob, k) => s.obligations[k].breached === U && out.push(ref(ob.cp.p, 'obligation', 'open')));
    plan.instruments.forEach((pi, ii) =>
      pi.regulates && s.applies[ii] === U && pi.scopes.forEach((cp, k) => s.scopes[ii][k] === U && out.push(ref(cp.p, 'scope', 'may exclude'))),
    );
  }
  return dedupe(out);
}

function dedupe<T extends { id: string; role?: string }>(refs: T[]): T[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.id}|${r.role ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function obligationsOf(plan: Plan, s: PlanState): ObligationRef[] {
  const out: ObligationRef[] = [];
  plan.obligations.forEach((ob, k) => {
    const st = s.obligations[k];
    if (st.engaged === 0) return;
    const status = st.breached === T ? 'breached' : st.met === T && st.engaged === T ? 'met' : 'open';
    out.push({ id: ob.cp.p.id, citation: ob.cp.p.citation, title: ob.cp.p.title, status });
  });
  return out;
}

/**
 * What follows a breach: the remedies that sanction a rule that forbids, or may forbid,
 * the flow (a remedy without a list sanctions any rule of its own instrument).
 */
function remediesOf(plan: Plan, s: PlanState, a: Assignment, verdict: Verdict): RemedyRef[] {
  if (verdict !== 'forbidden' && verdict !== 'conditional') return [];
  const breaching = new Set<number>();
  const breached = new Set<string>();
  plan.prohibitions.forEach((pr, k) => {
    if (s.prohibitions[k].fires === 0) return;
    breaching.add(pr.ii);
    breached.add(pr.cp.p.id);
  });
  plan.obligations.forEach((ob, k) => {
    if (s.obligations[k].breached === 0) return;
    breaching.add(ob.ii);
    breached.add(ob.cp.p.id);
  });
  const out: RemedyRef[] = [];
  for (const r of plan.remedies) {
    const sanctioned = r.cp.p.sanctions ? r.cp.p.sanctions.some((id) => breached.has(id)) : breaching.has(r.ii);
    if (!sanctioned || s.applies[r.ii] === 0) continue;
    const v = eval3(r.cp.when, a);
    if (v === 0) continue;
    out.push({ id: r.cp.p.id, citation: r.cp.p.citation, title: r.cp.p.title, status: v === 1 && s.applies[r.ii] === 1 ? 'available' : 'possible' });
  }
  return out;
}

function factOfAtom(cc: CompiledCorpus, atom: string): string {
  return cc.atoms.get(atom)?.fact.key ?? atom;
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
  let opened = 0;
  let seen: Verdict | undefined = first;
  const other = (x: Assignment): boolean | undefined => {
    const v = quickVerdict(plan, x);
    if (v) {
      if (seen === undefined) seen = v;
      return v !== seen;
    }
    if (seen !== undefined && [...probe(cc, plan, x, 2)].some((w) => w !== seen)) return true;
    const slot = pickAtom(plan, stateOf(plan, x), x);
    if (slot === undefined) throw new Error('internal: undetermined verdict with no unknown atom to split on');
    for (const d of cc.atomInfo[slot].distinctions) {
      if (++opened > budget) return undefined;
      const next = x.slice();
      next[slot] = d.value;
      const r = other(next);
      if (r !== false) return r;
    }
    return false;
  };
  const r = other(a);
  if (r === undefined) return bare('conditional', false);
  return r ? bare('conditional') : bare(seen!);
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
  const states = new WeakMap<Assignment, PlanState>();
  const classify = (x: Assignment) => {
    const s = stateOf(search, x);
    states.set(x, s);
    return verdictOfState(s);
  };
  const pick = (x: Assignment) => pickAtom(search, states.get(x) ?? stateOf(search, x), x);
  // INVARIANT: the verdict is exact: two reachable verdicts make it conditional;
  // a single one is only reported once every branch has settled (test/property/completions.test.ts).
  const first = explore(a, classify, pick, cc.atomInfo, { stopAfterDistinct: 2, budget: options.budget });
  const verdicts = new Set(first.leaves.map((l) => l.outcome));
  const verdict: Verdict = verdicts.size === 1 && first.complete ? first.leaves[0].outcome : 'conditional';
  const decisive =
    verdict === 'conditional'
      ? decisiveOf(plan, root, 'conditional')
      : dedupe(first.leaves.flatMap((l) => decisiveOf(plan, states.get(l.assignment)!, verdict)));
  let leaves = first.leaves;
  let outcomesComplete = first.complete && verdicts.size === 1;
  if (!verdictOnly && verdict === 'conditional') {
    const more = explore(a, classify, pick, cc.atomInfo, { leafLimit: options.outcomeLeaves ?? 150, budget: options.budget });
    leaves = [...first.leaves, ...more.leaves];
    outcomesComplete = more.complete;
  }
  if (detail === 'decisive') return decided(verdict, decisive, root, first.complete || verdicts.size > 1);
  const outcomes = verdictOnly ? [] : groupOutcomes(cc, plan, search, a, leaves, states);
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

/**
 * The known facts on which a settled verdict depends: those for which some other
 * value would give another verdict, all else unchanged (checked exactly).
 */
function sensitiveFacts(cc: CompiledCorpus, plan: Plan, a: Assignment, verdict: Verdict): string[] {
  const slotsByFact = new Map<string, number[]>();
  for (const slot of plan.atoms) {
    if (a[slot] === undefined) continue;
    const key = cc.atomInfo[slot].fact.key;
    if (!slotsByFact.has(key)) slotsByFact.set(key, []);
    slotsByFact.get(key)!.push(slot);
  }
  const out: string[] = [];
  for (const [key, slots] of slotsByFact) {
    const x = a.slice();
    for (const slot of slots) x[slot] = undefined;
    const s = stateOf(plan, x);
    if (verdictOfState(s) === verdict) continue;
    const states = new WeakMap<Assignment, PlanState>();
    const { leaves } = explore(
      x,
      (y) => {
        const st = stateOf(plan, y);
        states.set(y, st);
        return verdictOfState(st);
      },
      (y) => pickAtom(plan, states.get(y) ?? stateOf(plan, y), y),
      cc.atomInfo,
      { stopAfterDistinct: 2 },
    );
    if (leaves.some((l) => l.outcome !== verdict)) out.push(key);
  }
  return out.sort();
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

/** Facts read by the parts of the plan that unknown facts leave undetermined. */
function undeterminedFacts(cc: CompiledCorpus, plan: Plan, s: PlanState, a: Assignment): string[] {
  const facts = new Set<string>();
  const note = (node: CNode) => {
    for (const slot of atomsOf(node)) if (a[slot] === undefined) facts.add(cc.atomInfo[slot].fact.key);
  };
  plan.instruments.forEach((pi, ii) => pi.scopes.forEach((cp, k) => s.scopes[ii][k] === U && note(cp.when)));
  plan.prohibitions.forEach((pr, k) => {
    if (s.prohibitions[k].fires !== U) return;
    note(pr.cp.when);
    pr.exceptions.forEach((e) => note(e.cp.when));
  });
  plan.obligations.forEach((ob, k) => {
    if (s.obligations[k].breached !== U) return;
    note(ob.cp.when);
    if (ob.cp.met) note(ob.cp.met);
    ob.exceptions.forEach((e) => note(e.cp.when));
  });
  return [...facts].sort();
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

function groupOutcomes(
  cc: CompiledCorpus,
  plan: Plan,
  search: Plan,
  start: Assignment,
  leaves: Leaf<Exclude<Verdict, 'conditional'>>[],
  states: WeakMap<Assignment, PlanState>,
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
      decisive: decisiveOf(plan, states.get(mine[0].assignment)!, verdict),
    });
  }
  return out;
}

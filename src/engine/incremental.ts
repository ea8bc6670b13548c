/**
 * Kleene values of every condition of a plan, carried from a search node to its children.
 * A child differs from its parent by one atom, and a condition's value depends only on the
 * atoms it reads and only moves from unknown to true or false as atoms are set (Kleene
 * evaluation is monotone), so a child re-evaluates only the undetermined conditions that
 * read the new atom. The verdict and the rules' state then follow from the values alone,
 * with no walk of a condition tree: the outcome map's search and its trials read them.
 *
 * A leaf that reads no atom but is not a constant (the record's recorded defences read the
 * atoms of the condition they stand for) is re-evaluated at every node.
 */
import type { Verdict } from './types.ts';
import { type CNode, eval3, type Tri } from './kleene.ts';
import type { Assignment } from './assignment.ts';
import type { Distinction } from './distinctions.ts';
import { isConstant } from './fold.ts';
import type { Plan } from './plan.ts';
import { type ObligationState, type PlanState, type ProhibitionState, unlessForbidden } from './status.ts';

const F = 0, T = 1, U = 2;

/** Where each rule's conditions sit in a plan's list of conditions. */
export interface PlanIndex {
  conditions: CNode[];
  /** Per instrument, its scope rules' conditions; `excludes` marks the exclusions. */
  scopes: { at: number; excludes: boolean }[][];
  prohibitions: { when: number; exceptions: number[] }[];
  obligations: { when: number; met: number; exceptions: number[] }[];
  /** Conditions reading each atom slot (absent: none). */
  readers: (number[] | undefined)[];
  /** Conditions with a leaf that reads no atom but is not constant: re-evaluated at every node. */
  volatile: number[];
  /** Room for the instruments' applicability while a verdict is read (one per index: the engine runs on one thread). */
  applies: Tri[];
}

const indexes = new WeakMap<Plan, PlanIndex>();

/** Whether some leaf reads no atom and is not a constant; collects the atoms the others read. */
function scan(node: CNode, atoms: Set<number>): boolean {
  switch (node.op) {
    case 'leaf':
      node.atoms.forEach((x) => atoms.add(x));
      return node.atoms.length === 0 && !isConstant(node);
    case 'not':
    case 'bool':
      return scan(node.kid, atoms);
    default: {
      let loose = false;
      for (const k of node.kids) if (scan(k, atoms)) loose = true;
      return loose;
    }
  }
}

export function planIndex(plan: Plan): PlanIndex {
  let ix = indexes.get(plan);
  if (ix) return ix;
  const conditions: CNode[] = [];
  const at = new Map<CNode, number>();
  const readers: (number[] | undefined)[] = [];
  const volatile: number[] = [];
  const place = (node: CNode): number => {
    let k = at.get(node);
    if (k !== undefined) return k;
    k = conditions.length;
    conditions.push(node);
    at.set(node, k);
    const atoms = new Set<number>();
    if (scan(node, atoms)) volatile.push(k);
    for (const slot of atoms) (readers[slot] ??= []).push(k);
    return k;
  };
  ix = {
    conditions,
    scopes: plan.instruments.map((pi) => pi.scopes.map((cp) => ({ at: place(cp.when), excludes: cp.p.scope === 'excludes' }))),
    prohibitions: plan.prohibitions.map((pr) => ({ when: place(pr.cp.when), exceptions: pr.exceptions.map((e) => place(e.cp.when)) })),
    obligations: plan.obligations.map((ob) => ({ when: place(ob.cp.when), met: ob.cp.met ? place(ob.cp.met) : -1, exceptions: ob.exceptions.map((e) => place(e.cp.when)) })),
    readers,
    volatile,
    applies: new Array<Tri>(plan.instruments.length).fill(F),
  };
  indexes.set(plan, ix);
  return ix;
}

/** Every condition's value under `a`. */
export function valuesAt(ix: PlanIndex, a: Assignment): Uint8Array {
  const v = new Uint8Array(ix.conditions.length);
  for (let k = 0; k < v.length; k++) v[k] = eval3(ix.conditions[k], a);
  return v;
}

/** The values under `a`, which is the assignment of `parent`'s values with `slot` set. */
export function valuesAfter(ix: PlanIndex, parent: Uint8Array, a: Assignment, slot: number): Uint8Array {
  const v = parent.slice();
  const readers = ix.readers[slot];
  if (readers) for (const k of readers) if (v[k] === U) v[k] = eval3(ix.conditions[k], a);
  for (const k of ix.volatile) v[k] = eval3(ix.conditions[k], a);
  return v;
}

const and2 = (x: Tri, y: Tri): Tri => (x === F || y === F ? F : x === U || y === U ? U : T);
const andNot = (x: Tri, y: Tri): Tri => (x === F || y === T ? F : x === U || y === U ? U : T);

/** Each instrument's applicability, written into `out`. */
function appliesOf(ix: PlanIndex, v: Uint8Array, out: Tri[]): void {
  for (let ii = 0; ii < ix.scopes.length; ii++) {
    let ap: Tri = T;
    for (const s of ix.scopes[ii]) {
      const raw = v[s.at] as Tri;
      const x: Tri = s.excludes ? (raw === U ? U : raw === T ? F : T) : raw;
      if (x === F) { ap = F; break; }
      if (x === U) ap = U;
    }
    out[ii] = ap;
  }
}

/** Whether any exception holds (its instrument applies and its condition holds). */
function lifted(exceptions: number[], owners: { ii: number }[], applies: Tri[], v: Uint8Array): Tri {
  let out: Tri = F;
  for (let k = 0; k < exceptions.length; k++) {
    const h = and2(applies[owners[k].ii], v[exceptions[k]] as Tri);
    if (h === T) return T;
    if (h === U) out = U;
  }
  return out;
}

/**
 * The verdict the values settle, if any, without building the state.
 * INVARIANT: the same answer as quickVerdict(plan, a) (test/engine/incremental.test.ts).
 */
export function verdictOfValues(plan: Plan, ix: PlanIndex, v: Uint8Array): Exclude<Verdict, 'conditional'> | undefined {
  const applies = ix.applies;
  appliesOf(ix, v, applies);
  let forbidden: Tri = F;
  for (let k = 0; k < ix.prohibitions.length; k++) {
    const pr = ix.prohibitions[k];
    const ap = applies[plan.prohibitions[k].ii];
    if (ap === F) continue;
    const c = and2(ap, v[pr.when] as Tri);
    if (c === F) continue;
    const l = lifted(pr.exceptions, plan.prohibitions[k].exceptions, applies, v);
    const fires = andNot(c, l);
    if (fires === T) return 'forbidden';
    if (fires === U) forbidden = U;
  }
  for (let k = 0; k < ix.obligations.length; k++) {
    const ob = ix.obligations[k];
    const ap = applies[plan.obligations[k].ii];
    if (ap === F) continue;
    const c = and2(ap, v[ob.when] as Tri);
    if (c === F) continue;
    const m: Tri = ob.met < 0 ? U : (v[ob.met] as Tri);
    if (m === T) continue;
    const breached = andNot(andNot(c, lifted(ob.exceptions, plan.obligations[k].exceptions, applies, v)), m);
    if (breached === T) return 'forbidden';
    if (breached === U) forbidden = U;
  }
  return unlessForbidden(plan, applies, forbidden);
}

/**
 * Every rule's state from the values.
 * INVARIANT: equal to stateOf(plan, a) (test/engine/incremental.test.ts).
 */
export function stateOfValues(plan: Plan, ix: PlanIndex, v: Uint8Array): PlanState {
  const applies: Tri[] = new Array(ix.scopes.length);
  appliesOf(ix, v, applies);
  const scopes: Tri[][] = new Array(ix.scopes.length);
  let covered: Tri = F;
  for (let ii = 0; ii < applies.length; ii++) {
    const row = ix.scopes[ii];
    const out: Tri[] = new Array(row.length);
    for (let k = 0; k < row.length; k++) {
      const raw = v[row[k].at] as Tri;
      out[k] = row[k].excludes ? (raw === U ? U : raw === T ? F : T) : raw;
    }
    scopes[ii] = out;
    if (!plan.instruments[ii].regulates) continue;
    if (applies[ii] === T) covered = T;
    else if (applies[ii] === U && covered === F) covered = U;
  }
  let forbidden: Tri = F;
  const prohibitions: ProhibitionState[] = new Array(ix.prohibitions.length);
  for (let k = 0; k < ix.prohibitions.length; k++) {
    const rule = plan.prohibitions[k];
    const cond = and2(applies[rule.ii], v[ix.prohibitions[k].when] as Tri);
    const exceptions = exceptionStates(ix.prohibitions[k].exceptions, rule.exceptions, applies, v);
    const l = anyHolds(exceptions);
    const fires = andNot(cond, l);
    if (fires === T) forbidden = T;
    else if (fires === U && forbidden === F) forbidden = U;
    prohibitions[k] = { cond, exceptions, lifted: l, fires };
  }
  const obligations: ObligationState[] = new Array(ix.obligations.length);
  for (let k = 0; k < ix.obligations.length; k++) {
    const rule = plan.obligations[k];
    const ob = ix.obligations[k];
    const cond = and2(applies[rule.ii], v[ob.when] as Tri);
    const exceptions = exceptionStates(ob.exceptions, rule.exceptions, applies, v);
    const l = anyHolds(exceptions);
    const engaged = andNot(cond, l);
    const met: Tri = ob.met < 0 ? U : (v[ob.met] as Tri);
    const breached = andNot(engaged, met);
    if (breached === T) forbidden = T;
    else if (breached === U && forbidden === F) forbidden = U;
    obligations[k] = { cond, exceptions, lifted: l, engaged, met, breached };
  }
  return { scopes, applies, prohibitions, obligations, forbidden, covered };
}

function exceptionStates(at: number[], owners: { ii: number }[], applies: Tri[], v: Uint8Array): Tri[] {
  const states: Tri[] = new Array(at.length);
  for (let k = 0; k < at.length; k++) states[k] = and2(applies[owners[k].ii], v[at[k]] as Tri);
  return states;
}

function anyHolds(states: Tri[]): Tri {
  let l: Tri = F;
  for (const s of states) {
    if (s === T) return T;
    if (s === U) l = U;
  }
  return l;
}

/**
 * Values of a plan's conditions under the start of a search plus steps, shared by every path
 * that begins with the same steps (a trie over the steps; each distinction names its atom and value).
 */
export class ValueTrie {
  readonly ix: PlanIndex;
  /** The node of the start itself. */
  readonly root: TrieNode;
  /** The start with one path's steps set, reset after each walk. */
  private readonly scratch: Assignment;

  constructor(readonly plan: Plan, private readonly start: Assignment) {
    this.ix = planIndex(plan);
    this.root = { values: valuesAt(this.ix, start), next: new Map() };
    this.scratch = start.slice();
  }

  /** The node of `steps` from the start. */
  at(steps: readonly { slot: number; distinction: Distinction }[]): TrieNode {
    let node = this.root;
    let k = 0;
    for (; k < steps.length; k++) {
      const next = node.next.get(steps[k].distinction);
      if (!next) break;
      node = next;
    }
    if (k === steps.length) return node;
    // Each new node's values are computed with exactly its own steps set in the scratch.
    const a = this.scratch;
    for (let j = 0; j < k; j++) a[steps[j].slot] = steps[j].distinction.value;
    try {
      for (; k < steps.length; k++) {
        const s = steps[k];
        a[s.slot] = s.distinction.value;
        const next: TrieNode = { values: valuesAfter(this.ix, node.values, a, s.slot), next: new Map() };
        node.next.set(s.distinction, next);
        node = next;
      }
    } finally {
      for (const s of steps) a[s.slot] = this.start[s.slot];
    }
    return node;
  }

  /** The child of `node` by `step`, where `a` is the child's assignment (the start, the node's steps and `step`). */
  child(node: TrieNode, step: { slot: number; distinction: Distinction }, a: Assignment): TrieNode {
    let next = node.next.get(step.distinction);
    if (!next) node.next.set(step.distinction, (next = { values: valuesAfter(this.ix, node.values, a, step.slot), next: new Map() }));
    return next;
  }

  verdict(node: TrieNode): Exclude<Verdict, 'conditional'> | undefined {
    if (!node.known) {
      node.known = true;
      node.verdict = verdictOfValues(this.plan, this.ix, node.values);
    }
    return node.verdict;
  }

  state(node: TrieNode): PlanState {
    return (node.state ??= stateOfValues(this.plan, this.ix, node.values));
  }
}

export interface TrieNode {
  values: Uint8Array;
  next: Map<Distinction, TrieNode>;
  known?: boolean;
  verdict?: Exclude<Verdict, 'conditional'>;
  state?: PlanState;
}

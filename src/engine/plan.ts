/**
 * What one jurisdiction has to say on one date: its instruments with their scope
 * rules, its prohibitions with the exceptions that lift them, and its obligations,
 * inherited instruments included. A plan depends only on (jurisdiction, date, mode),
 * so every flow of a scenario shares it.
 */
import type { Instrument, Mode } from './types.ts';
import { type CompiledCorpus, type CompiledProvision, inForceOn } from './compiled.ts';
import type { CNode } from './kleene.ts';

export interface PlanInstrument {
  inst: Instrument;
  jurisdiction: string;
  scopes: CompiledProvision[];
  /** Territorial scope rules set aside when reading territory as transplanted. */
  setAside: CompiledProvision[];
  /** Whether it holds any prohibition or obligation (an exception-only act does not by itself cover a flow). */
  regulates: boolean;
}

export interface PlanProhibition {
  cp: CompiledProvision;
  ii: number;
  exceptions: { cp: CompiledProvision; ii: number }[];
}

export interface PlanObligation {
  cp: CompiledProvision;
  ii: number;
  /** Exemptions: exceptions that take the duty away. */
  exceptions: { cp: CompiledProvision; ii: number }[];
}

export interface Plan {
  code: string;
  mode: Mode;
  instruments: PlanInstrument[];
  prohibitions: PlanProhibition[];
  obligations: PlanObligation[];
  /** Remedies of the instruments in play: what follows a breach (they decide no verdict). */
  remedies: { cp: CompiledProvision; ii: number }[];
  /** The slot of every atom any condition of the plan reads. */
  atoms: number[];
  /**
   * A hopeful guess, per slot, at the value that helps a flow through: exceptions
   * holding, duties met, prohibitions not engaged. Only steers the probes.
   */
  leaning: Map<number, unknown>;
  /** Instruments of the jurisdiction (and those it inherits) with nothing in force on the date. */
  dormant: { id: string; title: string; jurisdiction: string; from: string; to?: string }[];
}

const atomLists = new WeakMap<CNode, number[]>();

/** Every atom slot a condition reads, once each (memoised: conditions are immutable). */
export function atomsOf(node: CNode): number[] {
  let list = atomLists.get(node);
  if (!list) {
    const out = new Set<number>();
    collectAtoms(node, out);
    atomLists.set(node, (list = [...out]));
  }
  return list;
}

/** Every atom slot a condition reads. */
export function collectAtoms(node: CNode, out: Set<number>): void {
  if (node.op === 'leaf') node.atoms.forEach((x) => out.add(x));
  else if (node.op === 'not' || node.op === 'bool') collectAtoms(node.kid, out);
  else if (node.op === 'and' || node.op === 'or' || node.op === 'if') node.kids.forEach((k) => collectAtoms(k, out));
}

/** Records, for atoms not yet leaned, the value that makes `node` come out as `want`, where a leaf says so plainly. */
function leanToward(cc: CompiledCorpus, node: CNode, want: boolean, leaning: Map<number, unknown>): void {
  switch (node.op) {
    case 'and':
    case 'or':
      node.kids.forEach((k) => leanToward(cc, k, want, leaning));
      return;
    case 'not':
      leanToward(cc, node.kid, !want, leaning);
      return;
    case 'bool':
      leanToward(cc, node.kid, want, leaning);
      return;
    case 'if':
      return;
    case 'leaf': {
      if (node.atoms.length !== 1 || leaning.has(node.atoms[0])) return;
      const slot = node.atoms[0];
      // Try each distinction of the atom and keep the first that gives the wanted value.
      for (const d of cc.atomInfo[slot].distinctions) {
        const a: unknown[] = [];
        a[slot] = d.value;
        if (node.test(a) === want) {
          leaning.set(slot, d.value);
          return;
        }
      }
    }
  }
}

const plans = new WeakMap<CompiledCorpus, Map<string, Plan>>();
const limitsOf = new WeakMap<CompiledCorpus, Map<string, { from: string[]; to: string[] }>>();

/** Number of entries of a sorted list that are at most `x` (or, with `strict`, below it). */
function countUpTo(sorted: string[], x: string, strict: boolean): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? sorted[mid] < x : sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Which of a jurisdiction's provisions are in force on a date, as two counts: of the dates they
 * begin on that are not after it, and of the dates they end on that are before it. In force means
 * begun and not ended, so the two counts fix the set, and every date between the same neighbouring
 * limits has the same plan: plans are remembered per set, so a flood of distinct dates cannot make
 * them grow without bound (there are as many sets as limits in the corpus).
 */
function inForceKey(cc: CompiledCorpus, code: string, asOf: string): string {
  let byCode = limitsOf.get(cc);
  if (!byCode) limitsOf.set(cc, (byCode = new Map()));
  let limits = byCode.get(code);
  if (!limits) {
    const chain = cc.chains.get(code) ?? [];
    const mine = cc.provisions.filter((cp) => chain.includes(cp.p.jurisdiction));
    limits = {
      from: mine.map((cp) => cp.p.inForce.from).sort(),
      to: mine.flatMap((cp) => (cp.p.inForce.to === undefined ? [] : [cp.p.inForce.to])).sort(),
    };
    byCode.set(code, limits);
  }
  return `${countUpTo(limits.from, asOf, false)}/${countUpTo(limits.to, asOf, true)}`;
}

export function planFor(cc: CompiledCorpus, code: string, asOf: string, mode: Mode): Plan {
  let memo = plans.get(cc);
  if (!memo) plans.set(cc, (memo = new Map()));
  // INVARIANT: a plan depends on the date only through the provisions in force on it (inForceKey).
  const key = `${code}|${inForceKey(cc, code, asOf)}|${mode}`;
  const hit = memo.get(key);
  if (hit) return hit;

  const chain = cc.chains.get(code) ?? [];
  const instruments: PlanInstrument[] = [];
  const index = new Map<string, number>();
  const live = cc.provisions.filter((cp) => chain.includes(cp.p.jurisdiction) && inForceOn(cp.p, asOf));
  for (const cp of live) {
    if (!index.has(cp.p.instrument)) {
      index.set(cp.p.instrument, instruments.length);
      instruments.push({ inst: cc.corpus.instruments.get(cp.p.instrument)!, jurisdiction: cp.p.jurisdiction, scopes: [], setAside: [], regulates: false });
    }
  }
  const prohibitions: PlanProhibition[] = [];
  const obligations: PlanObligation[] = [];
  const remedies: Plan['remedies'] = [];
  for (const cp of live) {
    const ii = index.get(cp.p.instrument)!;
    const pi = instruments[ii];
    switch (cp.p.kind) {
      case 'scope': {
        // A rule that limits another instrument narrows that one's scope, when it is in play.
        const target = cp.p.limits === undefined ? pi : instruments[index.get(cp.p.limits) ?? -1];
        if (!target) break;
        if (mode === 'transplant' && cp.p.aspect === 'territorial') target.setAside.push(cp);
        else target.scopes.push(cp);
        break;
      }
      case 'prohibition':
        pi.regulates = true;
        prohibitions.push({ cp, ii, exceptions: [] });
        break;
      case 'obligation':
        pi.regulates = true;
        obligations.push({ cp, ii, exceptions: [] });
        break;
      case 'remedy':
        remedies.push({ cp, ii });
        break;
      case 'exception':
        break;
    }
  }
  for (const cp of live) {
    if (cp.p.kind !== 'exception') continue;
    for (const target of cp.p.lifts ?? []) {
      for (const rule of [...prohibitions, ...obligations]) if (rule.cp.p.id === target) rule.exceptions.push({ cp, ii: index.get(cp.p.instrument)! });
    }
  }
  const atoms = new Set<number>();
  for (const cp of live) {
    collectAtoms(cp.when, atoms);
    if (cp.met) collectAtoms(cp.met, atoms);
  }
  const dormant: Plan['dormant'] = [];
  for (const inst of cc.corpus.instruments.values()) {
    if (!chain.includes(inst.jurisdiction) || index.has(inst.id)) continue;
    const all = cc.provisions.filter((cp) => cp.p.instrument === inst.id).map((cp) => cp.p.inForce);
    if (!all.length) continue;
    const from = all.map((f) => f.from).sort()[0];
    const ends = all.map((f) => f.to ?? '9999-12-31').sort();
    const last = ends[ends.length - 1];
    dormant.push({ id: inst.id, title: inst.title, jurisdiction: inst.jurisdiction, from, to: last === '9999-12-31' ? undefined : last });
  }
  const leaning = new Map<number, unknown>();
  const lean = (node: CNode, want: boolean) => leanToward(cc, node, want, leaning);
  for (const rule of [...prohibitions, ...obligations]) for (const e of rule.exceptions) lean(e.cp.when, true);
  for (const ob of obligations) if (ob.cp.met) lean(ob.cp.met, true);
  for (const rule of [...prohibitions, ...obligations]) lean(rule.cp.when, false);
  for (const pi of instruments) for (const cp of pi.scopes) lean(cp.when, cp.p.scope !== 'excludes');
  const plan: Plan = { code, mode, instruments, prohibitions, obligations, remedies, atoms: [...atoms], leaning, dormant };
  memo.set(key, plan);
  return plan;
}

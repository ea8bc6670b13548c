/**
 * Minimal repair: the smallest sets of changes to a flow's facts (a stated value changed,
 * or an unknown one stated) that make it allowed in a jurisdiction, or in several at
 * once, fewest first. Fewest as witnesses are: no repair on which the rules settle the
 * verdict rule by rule (Kleene evaluation) has fewer changes than the first, and one
 * change is found whenever one suffices on the exact reading; every repair is
 * irredundant (no change can be left out) and confirmed by the engine. Facts the
 * vocabulary marks `fixed` (the data's kind, the subjects, the operation itself) are
 * never changed, so a repair proposes only what a controller,
 * or a legislature, can do: consent, notice, pseudonymisation, an entrustment
 * contract, an impact assessment, a statute. Where such a fact is unknown, a repair
 * may assume a value for it, and says so (`assumption`), and an assumption counts as a change.
 */
import type { ProvisionRef } from '../attribution.ts';
import type { CompiledCorpus } from '../compiled.ts';
import type { Scenario, Verdict } from '../types.ts';
import { readOnRecord, type RecordVerdict } from '../record.ts';
import { unitText, unitValue } from './facts.ts';
import { eval3p, pand, type Prop } from './prop.ts';
import { givenFrom, Query, type QueryOptions } from './query.ts';
import { BudgetExceeded, type StatedUnit, type Unit } from './witness.ts';

export interface FactChange {
  fact: string;
  /** '' for a fact of the flow, else the jurisdiction whose legal order it belongs to. */
  side: string;
  /** The value the flow states now; undefined when it is unknown. */
  from?: unknown;
  to: unknown;
  text: string;
  /** A fact the controller cannot change, unknown in the flow: the repair assumes this value rather than makes it so. */
  assumption?: boolean;
}

export interface Repair {
  changes: FactChange[];
  /** The engine's verdict after the changes, per jurisdiction. */
  verdicts: Record<string, Verdict>;
  /** Provisions that forbade (or might) before and no longer do. */
  stopFiring: ProvisionRef[];
  /** Provisions that now decide the allowed verdict (exceptions that lift). */
  lifting: ProvisionRef[];
}

export interface RepairTarget {
  /** The jurisdictions the flow is to be allowed in. */
  codes: string[];
  /** The verdict now, in the open reading (a repair makes it allowed whatever the unknown facts are). */
  before: Record<string, Verdict>;
  /** The verdict now, on the record. */
  beforeRecord: Record<string, RecordVerdict>;
  /** Fewest changes first. Empty with `note` when none is needed or none can be done. */
  repairs: Repair[];
  note?: string;
}

export interface FlowRepair {
  flow: string;
  asOf: string;
  perJurisdiction: RepairTarget[];
  /** Allowed in all of them at once (those where a repair exists). */
  everywhere: RepairTarget;
  queries: number;
  complete: boolean;
}

export interface RepairOptions extends Omit<QueryOptions, 'given' | 'changeable' | 'checkPath'> {
  /** Alternative repairs per target (default 3). */
  alternatives?: number;
}

/**
 * The smallest changes that make one flow of a scenario allowed in each of `codes`
 * and in all of them at once.
 */
export function repairFlow(cc: CompiledCorpus, scenario: Scenario, flowId: string, codes: string[], options: RepairOptions): FlowRepair {
  const given = givenFrom(cc, scenario, flowId, codes);
  // Repairs are confirmed on the engine's everyday (compiled) path, as every matrix cell is.
  const q = new Query(cc, codes, { ...options, given, changeable: true, checkPath: 'compiled' });
  const before: Record<string, Verdict> = {};
  const beforeRecord: Record<string, RecordVerdict> = {};
  const beforeDecisive: Record<string, ProvisionRef[]> = {};
  for (const code of codes) {
    const r = q.check(code, q.flatFor(code, []));
    before[code] = r.verdict;
    beforeRecord[code] = readOnRecord(cc, r.plan, r.assignment).verdict;
    beforeDecisive[code] = r.decisive;
  }
  const perJurisdiction: RepairTarget[] = [];
  const completions = new Completions(q);
  let complete = true;
  const alternatives = options.alternatives ?? 3;
  const target = (cs: string[]): RepairTarget => {
    const t: RepairTarget = { codes: cs, before: Object.fromEntries(cs.map((c) => [c, before[c]])), beforeRecord: Object.fromEntries(cs.map((c) => [c, beforeRecord[c]])), repairs: [] };
    if (cs.every((c) => before[c] === 'allowed')) return { ...t, note: 'already allowed' };
    try {
      t.repairs = repairsFor(q, completions, cs, alternatives, beforeDecisive);
    } catch (e) {
      if (!(e instanceof BudgetExceeded)) throw e;
      complete = false;
      t.note = 'the work budget ran out';
      return t;
    }
    if (!t.repairs.length) {
      t.note = cs.some((c) => before[c] === 'not-covered')
        ? 'not covered: no change a controller can make brings the flow under an encoded instrument'
        : 'no change of the facts a controller can change makes it allowed';
    }
    return t;
  };
  for (const code of codes) perJurisdiction.push(target([code]));
  const reachable = perJurisdiction.filter((t) => t.note === 'already allowed' || t.repairs.length).map((t) => t.codes[0]);
  const everywhere = reachable.length ? target(reachable) : { codes: [], before: {}, beforeRecord: {}, repairs: [], note: 'in no jurisdiction can a controller make it allowed' };
  if (reachable.length && reachable.length < codes.length) everywhere.note = `${everywhere.note ? `${everywhere.note}; ` : ''}left out: ${codes.filter((c) => !reachable.includes(c)).join(', ')} (no repair there)`;
  return { flow: flowId, asOf: options.asOf, perJurisdiction, everywhere, queries: q.budget.used, complete };
}

/** A change as a key, so that the same combination of changes is proposed once. */
function changeKey(su: StatedUnit): string {
  return `${su.unit.fact.key}@${su.unit.side}=${su.values.join(',')}`;
}

function sameValues(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function repairsFor(q: Query, completions: Completions, codes: string[], alternatives: number, beforeDecisive: Record<string, ProvisionRef[]>): Repair[] {
  const goal = pand(codes.map((c) => q.plan(c).allowed));
  const atoms = codes.map((c) => new Set(q.plan(c).atoms));
  const relevant = (u: Unit) => (u.side === '' ? u.slots.some((s) => atoms.some((set) => set.has(s))) : codes.includes(u.side));
  const units = q.finder.free.filter(relevant);
  const blocks: number[] = [];
  const plainBlocks: number[] = [];
  const out: Repair[] = [];
  const seen = new Set<string>();
  // The fewest changes on which the rules settle the goal plainly (Kleene evaluation), as witnesses are
  // found; once there is none left, any model of the goal, cut down to an irredundant repair.
  let plainly = true;
  // The flow is not allowed as it stands (or there would be no target): it takes a change at least.
  let floor = 1;
  for (let k = 0; k < alternatives; k++) {
    let model: boolean[];
    let stated: StatedUnit[];
    const fewest = plainly ? q.finder.fewestPlainly(goal, plainBlocks, floor) : null;
    if (fewest) {
      model = fewest.model;
      stated = fewest.stated.filter((su) => relevant(su.unit));
      floor = fewest.count;
    } else {
      plainly = false;
      const any = q.finder.model(goal, blocks);
      if (!any) break;
      model = any;
      stated = units.map((unit) => ({ unit, values: unit.slots.map((s) => q.enc.valueIn(any, s, unit.side)!) }));
    }
    // `base` stays a complete model that agrees with the stated units: where changing one unit
    // in it already breaks the goal, the goal does not follow and the solver is not asked.
    // `partial` holds what is stated, for Kleene evaluation before any query.
    const base = model.slice();
    const partial: (boolean | undefined)[] = new Array(q.enc.nvars);
    const put = (su: StatedUnit, on = true) =>
      su.unit.slots.forEach((slot, i) => {
        q.enc.setValue(base, slot, su.unit.side, su.values[i]);
        q.enc.setValue(partial, slot, su.unit.side, on ? su.values[i] : undefined);
      });
    for (const su of q.finder.fixed) put(su);
    for (const su of stated) put(su);
    // Undo every change the solver made that the goal does not need...
    for (const su of stated) {
      const known = q.known.get(su.unit);
      if (!known || sameValues(known, su.values)) continue;
      const proposed = su.values;
      su.values = known;
      put(su);
      if (eval3p(goal, base) === 0 || (eval3p(goal, partial) !== 1 && !q.finder.implied(goal, stated))) {
        su.values = proposed;
        put(su);
      }
    }
    // ...then leave unknown every fact the flow did not state that the goal does not need.
    let kept = stated;
    for (const su of [...stated].reverse()) {
      if (q.known.has(su.unit)) continue;
      put(su, false);
      const without = () => kept.filter((x) => x !== su);
      if (q.finder.canLeaveOut(goal, partial, base, su, without)) kept = without();
      else put(su);
    }
    const changes = kept.filter((su) => !q.known.has(su.unit) || !sameValues(q.known.get(su.unit)!, su.values));
    // Block this combination of changes so the next search finds another.
    blocks.push(q.finder.block(changes));
    if (plainly) plainBlocks.push(q.finder.blockPlainly(changes));
    const key = changes.map(changeKey).sort().join('&');
    if (seen.has(key)) continue;
    seen.add(key);
    const repair = confirm(q, codes, kept, changes, beforeDecisive);
    if (repair) out.push(repair);
    if (!changes.length) break;
  }
  // Those are the fewest on which the rules settle the verdict rule by rule; where the exact reading
  // alone (rules that answer each other) lets one change do, each such change is found by trying them all.
  if (out.length && !out.some((r) => r.changes.length <= 1)) {
    for (const su of singleChanges(q, completions, codes, goal, units)) {
      const key = changeKey(su);
      if (seen.has(key)) continue;
      seen.add(key);
      const repair = confirm(q, codes, [su], [su], beforeDecisive);
      if (repair) out.push(repair);
      if (out.filter((r) => r.changes.length === 1).length >= alternatives) break;
    }
  }
  // Fewest changes first; among as many, those that assume less about facts the controller cannot change.
  const assumed = (r: Repair) => r.changes.filter((c) => c.assumption).length;
  // An alternative that makes every change another makes, and more, is not one.
  const keys = new Map(out.map((r) => [r, new Set(r.changes.map((c) => `${c.fact}@${c.side}=${JSON.stringify(c.to)}`))]));
  const within = (x: Repair, y: Repair) => x !== y && x.changes.length < y.changes.length && [...keys.get(x)!].every((k) => keys.get(y)!.has(k));
  return out
    .filter((r) => !out.some((x) => within(x, r)))
    .sort((x, y) => x.changes.length - y.changes.length || assumed(x) - assumed(y))
    .slice(0, alternatives);
}

/** Value combinations of one fact tried for a single change (a set fact's members together); beyond this, none. */
const MAX_SINGLE_VALUES = 64;

/**
 * Complete models of the flow as it stands (every fact it states, any value for the rest), each
 * with the jurisdictions where it is not allowed: a single change under which one of them is still
 * not allowed in a target jurisdiction cannot be a repair, and no query or engine run is needed to
 * say so. Shared by every target of one flow; grown by each counterexample the solver returns.
 */
class Completions {
  private readonly models: { model: boolean[]; fails: Set<string> }[] = [];
  private readonly reads = new Map<string, Set<number>>();

  constructor(private readonly q: Query) {}

  add(model: boolean[]): void {
    this.models.push({ model, fails: new Set(this.q.codes.filter((c) => eval3p(this.q.plan(c).allowed, model) === 0)) });
  }

  private readsUnit(code: string, unit: Unit): boolean {
    if (unit.side !== '' && unit.side !== code) return false;
    let atoms = this.reads.get(code);
    if (!atoms) this.reads.set(code, (atoms = new Set(this.q.plan(code).atoms)));
    return unit.slots.some((s) => atoms.has(s));
  }

  /** Whether some model, with this one change, is still not allowed in one of `codes`. */
  refute(codes: string[], su: StatedUnit): boolean {
    const { enc } = this.q;
    const reading = codes.filter((c) => this.readsUnit(c, su.unit));
    return this.models.some(({ model, fails }) => {
      if (codes.some((c) => fails.has(c) && !reading.includes(c))) return true;
      if (!reading.length) return false;
      const was = su.unit.slots.map((slot) => enc.valueIn(model, slot, su.unit.side)!);
      su.unit.slots.forEach((slot, i) => enc.setValue(model, slot, su.unit.side, su.values[i]));
      const refuted = reading.some((c) => eval3p(this.q.plan(c).allowed, model) === 0);
      su.unit.slots.forEach((slot, i) => enc.setValue(model, slot, su.unit.side, was[i]));
      return refuted;
    });
  }
}

/**
 * Every change of one fact alone under which the goal follows in the encoding (the engine confirms
 * each after): tried against known completions first, then asked of the solver, whose
 * counterexample, with the fact put back as the flow states it, joins the completions.
 */
function singleChanges(q: Query, completions: Completions, codes: string[], goal: Prop, units: Unit[]): StatedUnit[] {
  const flow: StatedUnit[] = [...q.known].map(([unit, values]) => ({ unit, values }));
  const out: StatedUnit[] = [];
  for (const unit of units) {
    const sizes = unit.slots.map((slot) => q.enc.distinctions(slot));
    const total = sizes.reduce((a, b) => a * b, 1);
    if (total > MAX_SINGLE_VALUES) continue;
    const known = q.known.get(unit);
    const rest = flow.filter((su) => su.unit !== unit);
    for (let c = 0; c < total; c++) {
      let left = c;
      const values = sizes.map((n) => {
        const v = left % n;
        left = Math.floor(left / n);
        return v;
      });
      if (known && sameValues(known, values)) continue;
      const su = { unit, values };
      if (completions.refute(codes, su)) continue;
      const model = q.finder.counterexample(goal, [...rest, su]);
      if (!model) {
        out.push(su);
        continue;
      }
      // Put back as the flow states it (or any value, where the flow does not say), so the model is one of the flow as it stands.
      if (known) unit.slots.forEach((slot, i) => q.enc.setValue(model, slot, unit.side, known[i]));
      completions.add(model);
    }
  }
  return out;
}

/** The engine's verdicts on the repaired flow; a repair it does not confirm is dropped. */
function confirm(q: Query, codes: string[], kept: StatedUnit[], changes: StatedUnit[], beforeDecisive: Record<string, ProvisionRef[]>): Repair | undefined {
  const verdicts: Record<string, Verdict> = {};
  const stopFiring: ProvisionRef[] = [];
  const lifting: ProvisionRef[] = [];
  for (const code of codes) {
    const flat = { ...q.flatFor(code, []) };
    for (const su of kept) if (su.unit.side === '' || su.unit.side === code) flat[su.unit.fact.key] = unitValue(q.cc, su);
    const r = q.check(code, flat);
    verdicts[code] = r.verdict;
    // INVARIANT: a repair is only shown when the engine finds the flow allowed after it.
    if (r.verdict !== 'allowed') return undefined;
    for (const p of beforeDecisive[code]) if ((p.role === 'prohibition' || p.role === 'obligation') && !stopFiring.some((x) => x.id === p.id)) stopFiring.push(p);
    for (const p of r.decisive) if (p.role === 'exception' && !lifting.some((x) => x.id === p.id)) lifting.push(p);
  }
  const order = new Map(q.cc.corpus.vocabulary.facts.map((f, i) => [f.key, i]));
  const sorted = [...changes].sort((x, y) => order.get(x.unit.fact.key)! - order.get(y.unit.fact.key)! || x.unit.side.localeCompare(y.unit.side));
  return {
    changes: sorted.map((su) => {
      const from = su.unit.side === '' ? q.given.shared[su.unit.fact.key] : q.given.legal[su.unit.side]?.[su.unit.fact.key];
      return { fact: su.unit.fact.key, side: su.unit.side, ...(from === undefined || from === null ? {} : { from }), to: unitValue(q.cc, su), text: unitText(q.cc, su), ...(su.unit.fact.fixed ? { assumption: true } : {}) };
    }),
    verdicts,
    stopFiring,
    lifting,
  };
}


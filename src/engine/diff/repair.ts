/**
 * Minimal repair: small sets of changes to a flow's facts (a stated value changed, or
 * an unknown one stated) that make it allowed in a jurisdiction, or in several at
 * once, fewest first (one change whenever one suffices; larger sets irredundant). Facts the vocabulary marks `fixed` (the data's kind, the subjects, the
 * operation itself) are never changed, so a repair proposes only what a controller,
 * or a legislature, can do: consent, notice, pseudonymisation, an entrustment
 * contract, an impact assessment, a statute. Where such a fact is unknown, a repair
 * may assume a value for it, and says so (`assumption`). Found by the solver,
 * made irredundant (no change can be left out), and re-checked by the engine.
 */
import type { ProvisionRef } from '../attribution.ts';
import type { CompiledCorpus } from '../compiled.ts';
import type { Scenario, Verdict } from '../types.ts';
import type { Assignment } from '../assignment.ts';
import { evaluateCell } from '../cell.ts';
import { toAssignment } from '../facts.ts';
import { planFor } from '../plan.ts';
import { readOnRecord, type RecordVerdict } from '../record.ts';
import { unitText, unitValue } from './facts.ts';
import { eval3p, pand } from './prop.ts';
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
  let complete = true;
  const alternatives = options.alternatives ?? 3;
  const target = (cs: string[]): RepairTarget => {
    const t: RepairTarget = { codes: cs, before: Object.fromEntries(cs.map((c) => [c, before[c]])), beforeRecord: Object.fromEntries(cs.map((c) => [c, beforeRecord[c]])), repairs: [] };
    if (cs.every((c) => before[c] === 'allowed')) return { ...t, note: 'already allowed' };
    try {
      t.repairs = repairsFor(q, cs, alternatives, beforeDecisive);
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

function repairsFor(q: Query, codes: string[], alternatives: number, beforeDecisive: Record<string, ProvisionRef[]>): Repair[] {
  const goal = pand(codes.map((c) => q.plan(c).allowed));
  const atoms = codes.map((c) => new Set(q.plan(c).atoms));
  const relevant = (u: Unit) => (u.side === '' ? u.slots.some((s) => atoms.some((set) => set.has(s))) : codes.includes(u.side));
  const units = q.finder.free.filter(relevant);
  const blocks: number[] = [];
  const out: Repair[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < alternatives; k++) {
    const model = q.finder.model(goal, blocks);
    if (!model) break;
    const stated: StatedUnit[] = units.map((unit) => ({ unit, values: unit.slots.map((s) => q.enc.valueIn(model, s, unit.side)!) }));
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
    const key = changes.map(changeKey).sort().join('&');
    if (seen.has(key)) continue;
    seen.add(key);
    const repair = confirm(q, codes, kept, changes, beforeDecisive);
    if (repair) out.push(repair);
    if (!changes.length) break;
  }
  // The solver's repairs are irredundant, not always the fewest: a repair of one change, where one
  // exists, is found by trying every single change on the engine (so one of two is then the fewest too).
  if (out.length && !out.some((r) => r.changes.length <= 1)) {
    for (const su of singleChanges(q, codes, units)) {
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
  return out.sort((x, y) => x.changes.length - y.changes.length || assumed(x) - assumed(y)).slice(0, alternatives);
}

/** Value combinations of one fact tried for a single change (a set fact's members together); beyond this, none. */
const MAX_SINGLE_VALUES = 64;

/** Every change of one fact alone that the engine finds makes the flow allowed in all of `codes`. */
function singleChanges(q: Query, codes: string[], units: Unit[]): StatedUnit[] {
  const cells = codes.map((code) => {
    const plan = planFor(q.cc, code, q.options.asOf, q.mode);
    return { code, plan, start: toAssignment(q.flatFor(code, []), q.cc.corpus.vocabulary, q.cc.slots) };
  });
  const out: StatedUnit[] = [];
  for (const unit of units) {
    const sizes = unit.slots.map((slot) => q.enc.distinctions(slot));
    const total = sizes.reduce((a, b) => a * b, 1);
    if (total > MAX_SINGLE_VALUES) continue;
    const known = q.known.get(unit);
    for (let c = 0; c < total; c++) {
      let rest = c;
      const values = sizes.map((n) => {
        const v = rest % n;
        rest = Math.floor(rest / n);
        return v;
      });
      if (known && sameValues(known, values)) continue;
      const allowed = cells.every(({ code, plan, start }) => {
        let a: Assignment = start;
        if (unit.side === '' || unit.side === code) {
          a = start.slice();
          unit.slots.forEach((slot, i) => (a[slot] = q.cc.atomInfo[slot].distinctions[values[i]].value));
        }
        return evaluateCell(q.cc, plan, a, { detail: 'verdict' }).verdict === 'allowed';
      });
      if (allowed) out.push({ unit, values });
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


/**
 * Minimal witnesses. A witness of a goal (a formula over the facts two plans read)
 * is a set of stated facts such that every completion of the unstated ones makes
 * the goal true, which is what the engine needs to settle the verdicts it stands for.
 *
 * The fewest first: the goal's Kleene value is itself propositional (two rails per
 * formula, "surely true" and "surely false", over a "stated" variable per fact), so a
 * second solver finds a partial flow on which Kleene evaluation settles the goal, and a
 * cardinality bound on the stated variables is halved down to the fewest. Then each
 * fact is left out in turn and stays out when the goal still follows on the exact
 * reading (Kleene evaluation first, else the solver asked for a completion that breaks
 * the goal). What remains is irredundant, and no witness the rules settle plainly is
 * smaller. Where no witness is settled plainly, the leave-out starts from a complete model.
 */
import type { FactDef } from '../types.ts';
import type { Encoding } from './encode.ts';
import { eval3p, FALSE, pand, pnot, por, pvar, type Prop, TRUE } from './prop.ts';
import type { SatBackend } from './solver.ts';

/** One fact as a witness may state it: for every jurisdiction ('' side) or for one. */
export interface Unit {
  fact: FactDef;
  side: string;
  /** The atoms of the fact that some plan in the query reads. */
  slots: number[];
}

/** A unit with the distinction each of its atoms takes. */
export interface StatedUnit {
  unit: Unit;
  values: number[];
}

export class BudgetExceeded extends Error {
  constructor(readonly limit: number) {
    super(`the diff needs more than ${limit} solver queries; narrow it (a scenario's facts, fewer jurisdictions)`);
  }
}

/** Counts solver queries against a fixed limit: the cost bound of one request, independent of the clock. */
export class Budget {
  used = 0;
  constructor(readonly limit: number = Infinity) {}
  spend(): void {
    if (++this.used > this.limit) throw new BudgetExceeded(this.limit);
  }
}

export class WitnessFinder {
  private readonly guards = new Map<Prop, { pos: number; neg: number }>();
  private plainSat: SatBackend | null = null;
  /**
   * Per free unit, the variable the search for the fewest counts (allocated on its first use):
   * "it is stated" for a unit whose value is unknown, "it is changed" for one whose value a
   * repair knows (see `known`).
   */
  private counted: number[] | null = null;
  /** Per variable of the encoding, "its value is known": TRUE for fixed facts and facts a repair knows, a stated variable for the others. */
  private knownVar: Prop[] = [];
  /** Per formula, its two Kleene rails: [surely true, surely false]. */
  private readonly rails = new Map<Prop, [Prop, Prop]>();
  /** Per goal, a guard "Kleene evaluation settles it true" (-1 where it never can). */
  private readonly sureGuards = new Map<Prop, number>();
  /** Per bound k, a guard "fewer than k facts are stated". */
  private readonly fewerGuards = new Map<number, number>();

  /**
   * @param fixed units stated by a given scenario, with their values: always stated, never counted
   * @param free units a witness may state, in the order they are tried for leaving out
   * @param known in a repair: the free units the flow states, with their values (a repair keeps or changes them)
   */
  constructor(
    private readonly enc: Encoding,
    private readonly sat: SatBackend,
    /** Makes a second solver for the plain (Kleene) queries, whose rails and counter would slow every other query. */
    private readonly plainSolver: () => SatBackend,
    readonly fixed: StatedUnit[],
    readonly free: Unit[],
    private readonly budget: Budget,
    private readonly known: ReadonlyMap<Unit, number[]> = new Map(),
  ) {
    // The fixed facts hold in every query: required once, not assumed anew by each one
    // (an assumption is a conjunction the solver encodes again every time it is asked).
    for (const [n, b] of this.literals(fixed)) sat.require(b ? pvar(n) : pnot(pvar(n)));
  }

  private guardsOf(goal: Prop): { pos: number; neg: number } {
    let g = this.guards.get(goal);
    if (!g) {
      g = { pos: this.sat.guard(goal), neg: this.sat.guard(pnot(goal)) };
      this.guards.set(goal, g);
    }
    return g;
  }

  /** One literal per stated atom: the domain constraints make the rest of its variables follow. */
  private literals(units: StatedUnit[]): [number, boolean][] {
    const out: [number, boolean][] = [];
    for (const { unit, values: vs } of units) unit.slots.forEach((slot, i) => out.push(this.enc.literal(slot, unit.side, vs[i])));
    return out;
  }

  /** Some complete model of the goal with the fixed facts, or null when none exists. */
  model(goal: Prop, guards: number[] = []): boolean[] | null {
    this.budget.spend();
    const m = this.sat.solve([this.guardsOf(goal).pos, ...guards], []);
    return m && this.complete(m);
  }

  /** A solver's model with every variable of the encoding valued (those it never saw are false). */
  private complete(m: boolean[]): boolean[] {
    return Array.from({ length: this.enc.nvars }, (_, i) => m[i] === true);
  }

  /** Whether the goal holds for every completion of the stated units. */
  implied(goal: Prop, stated: StatedUnit[]): boolean {
    this.budget.spend();
    return this.sat.solve([this.guardsOf(goal).neg], this.literals(stated)) === null;
  }

  /** A complete model agreeing with the stated units in which the goal fails, or null when the goal follows. */
  counterexample(goal: Prop, stated: StatedUnit[]): boolean[] | null {
    this.budget.spend();
    const m = this.sat.solve([this.guardsOf(goal).neg], this.literals(stated));
    return m && this.complete(m);
  }

  /**
   * Whether another value of one stated unit alone, everything else as in `base`, breaks the
   * goal. `base` is a complete model of the required constraints that agrees with the stated
   * units; changing one unit's value keeps each atom on exactly one distinction, so the
   * changed model is still one. If it breaks the goal, the stated units without `su` do not
   * imply the goal: the answer the solver would give, without asking it.
   */
  refutedWithout(goal: Prop, base: boolean[], su: StatedUnit): boolean {
    // `base` itself is changed and put back: a copy per call was a tenth of a repair's time in GC.
    const current = su.unit.slots.map((slot) => this.enc.valueIn(base, slot, su.unit.side));
    let refuted = false;
    for (let k = 0; k < su.unit.slots.length && !refuted; k++) {
      const slot = su.unit.slots[k];
      const n = this.enc.distinctions(slot);
      for (let v = 0; v < n && !refuted; v++) {
        if (v === current[k]) continue;
        this.enc.setValue(base, slot, su.unit.side, v);
        refuted = eval3p(goal, base) === 0;
      }
      this.enc.setValue(base, slot, su.unit.side, current[k]);
    }
    return refuted;
  }

  /**
   * Whether the goal still follows once `su` is left out: `partial` holds what is stated without it,
   * `base` a complete model agreeing with all that is stated, `rest` what stays stated (asked for
   * only when Kleene evaluation and `base` leave the question to the solver).
   */
  canLeaveOut(goal: Prop, partial: ArrayLike<boolean | undefined>, base: boolean[], su: StatedUnit, rest: () => StatedUnit[]): boolean {
    if (eval3p(goal, partial) === 1) return true;
    // Where another value of this unit alone breaks the goal, it is needed: no query.
    return !this.refutedWithout(goal, base, su) && this.implied(goal, rest());
  }

  /** A guard under which no model agrees with all the stated units (to ask for another witness or repair). */
  block(stated: StatedUnit[], sat = this.sat): number {
    return sat.guard(pnot(pand(stated.flatMap((su) => su.unit.slots.map((slot, i) => this.enc.eq(slot, su.unit.side, su.values[i]))))));
  }

  /** A guard under which `p` must hold (for constraints that only some queries assume). */
  guard(p: Prop): number {
    return this.sat.guard(p);
  }

  /** Whether Kleene evaluation already settles the goal true on the stated units (sound, no solver). */
  settles(goal: Prop, stated: StatedUnit[]): boolean {
    const partial: (boolean | undefined)[] = new Array(this.enc.nvars);
    for (const su of [...this.fixed, ...stated]) su.unit.slots.forEach((slot, i) => this.enc.setValue(partial, slot, su.unit.side, su.values[i]));
    return eval3p(goal, partial) === 1;
  }

  /**
   * An irredundant witness of the goal (stated units beyond the fixed ones), from a model that agrees
   * with none of the witnesses in `avoid` on all they state, or null if there is no such model. No
   * witness on which Kleene evaluation settles the goal (each side's verdict follows rule by rule)
   * states fewer facts.
   */
  witness(goal: Prop, avoid: StatedUnit[][] = []): StatedUnit[] | null {
    const blocks = avoid.map((w) => this.block(w, this.plain));
    let model = this.plainlyWithFewer(goal, blocks, Infinity);
    if (!model) {
      // No witness settles the goal rule by rule: only the solver sees it follow.
      const any = this.model(goal, avoid.map((w) => this.block(w)));
      return any && this.irredundant(goal, any, this.free);
    }
    // Down to the fewest facts under which Kleene evaluation settles the goal, by halving the range
    // between what is known impossible and what a model has shown; each model is first cut to what
    // Kleene evaluation needs (no query).
    let units = this.plainlyNeeded(goal, model);
    let lo = 0;
    while (lo < units.length) {
      const mid = (lo + units.length) >> 1;
      const fewer = this.plainlyWithFewer(goal, blocks, mid + 1);
      if (!fewer) {
        lo = mid + 1;
        continue;
      }
      model = fewer;
      units = this.plainlyNeeded(goal, model);
    }
    return this.irredundant(goal, model, units);
  }

  /** The units a plain model states, less each that Kleene evaluation settles the goal without. */
  private plainlyNeeded(goal: Prop, model: boolean[]): Unit[] {
    const partial: (boolean | undefined)[] = new Array(this.enc.nvars);
    for (let i = 0; i < this.enc.nvars; i++) if (this.knownVar[i] === TRUE) partial[i] = model[i];
    const units = this.free.filter((_, i) => model[this.counted![i]]);
    const put = (unit: Unit, on: boolean) => {
      for (const slot of unit.slots) for (const v of this.enc.vars(slot, unit.side)) partial[v] = on ? model[v] : undefined;
    };
    units.forEach((u) => put(u, true));
    const kept: Unit[] = [];
    for (let i = units.length - 1; i >= 0; i--) {
      put(units[i], false);
      if (eval3p(goal, partial) === 1) continue;
      put(units[i], true);
      kept.unshift(units[i]);
    }
    return kept;
  }

  private get plain(): SatBackend {
    if (!this.plainSat) {
      this.plainSat = this.plainSolver();
      for (const [n, b] of this.literals(this.fixed)) this.plainSat.require(b ? pvar(n) : pnot(pvar(n)));
    }
    return this.plainSat;
  }

  /** A model whose counted variables (fewer than `bound` true) make the goal plainly true, or null. */
  private plainlyWithFewer(goal: Prop, blocks: number[], bound: number): boolean[] | null {
    if (bound <= 0) return null;
    this.countedVars();
    let g = this.sureGuards.get(goal);
    if (g === undefined) {
      const sure = this.rail(goal)[0];
      this.sureGuards.set(goal, (g = sure === FALSE ? -1 : this.plain.guard(sure)));
    }
    if (g < 0) return null;
    const guards = [g, ...blocks];
    if (bound !== Infinity) {
      let c = this.fewerGuards.get(bound);
      if (c === undefined) this.fewerGuards.set(bound, (c = this.plain.atMost(this.countedVars(), bound - 1)));
      guards.push(c);
    }
    this.budget.spend();
    const m = this.plain.solve(guards, []);
    return m && this.complete(m);
  }

  private countedVars(): number[] {
    if (this.counted) return this.counted;
    const vars = (su: { unit: Unit }) => su.unit.slots.flatMap((slot) => this.enc.vars(slot, su.unit.side));
    for (const su of this.fixed) for (const v of vars(su)) this.knownVar[v] = TRUE;
    this.counted = this.free.map((unit) => {
      const c = this.enc.nvars++;
      const values = this.known.get(unit);
      if (!values) {
        for (const v of vars({ unit })) this.knownVar[v] = pvar(c);
        return c;
      }
      // A fact the repair knows stays known; counted when its value is not the one the flow states.
      for (const v of vars({ unit })) this.knownVar[v] = TRUE;
      this.plain.require(por([pvar(c), pand(unit.slots.map((slot, i) => this.enc.eq(slot, unit.side, values[i])))]));
      return c;
    });
    return this.counted;
  }

  /**
   * A repair's search for the fewest: the units a model states (every unit the flow states,
   * with the model's value, and each unknown one the model counts), on which Kleene evaluation
   * settles the goal with as few changes and assumptions as any such model that agrees with
   * no block in `blocks` (plain-solver guards from `blockPlainly`). `atLeast` is a count known
   * to be needed. Null when no such model exists.
   */
  fewestPlainly(goal: Prop, blocks: number[], atLeast: number): { model: boolean[]; stated: StatedUnit[]; count: number } | null {
    // The low end first: a first repair is often one change, an alternative as small as the one before it.
    if (atLeast > 0) {
      const low = this.plainlyWithFewer(goal, blocks, atLeast + 1);
      if (low) return this.cutPlainly(goal, low);
    }
    const any = this.plainlyWithFewer(goal, blocks, Infinity);
    if (!any) return null;
    let best = this.cutPlainly(goal, any);
    let lo = Math.max(atLeast + 1, 0);
    while (lo < best.count) {
      const mid = (lo + best.count) >> 1;
      const fewer = this.plainlyWithFewer(goal, blocks, mid + 1);
      if (fewer) best = this.cutPlainly(goal, fewer);
      else lo = mid + 1;
    }
    return best;
  }

  /**
   * A plain model cut, without a query, to what Kleene evaluation needs: each unknown fact it
   * states left unknown, and each change put back, where the goal stays settled without. Gives
   * the units then stated, a complete model agreeing with them, and how many it counts.
   */
  private cutPlainly(goal: Prop, model: boolean[]): { model: boolean[]; stated: StatedUnit[]; count: number } {
    const counted = this.countedVars();
    const base = model.slice();
    const partial: (boolean | undefined)[] = new Array(this.enc.nvars);
    const put = (unit: Unit, values: number[] | undefined) =>
      unit.slots.forEach((slot, i) => {
        if (values) this.enc.setValue(base, slot, unit.side, values[i]);
        this.enc.setValue(partial, slot, unit.side, values?.[i]);
      });
    for (const su of this.fixed) put(su.unit, su.values);
    const stated: StatedUnit[] = [];
    this.free.forEach((unit, i) => {
      if (!this.known.has(unit) && !model[counted[i]]) return;
      const su = { unit, values: unit.slots.map((s) => this.enc.valueIn(model, s, unit.side)!) };
      put(unit, su.values);
      stated.push(su);
    });
    const kept: StatedUnit[] = [];
    let count = 0;
    for (let i = stated.length - 1; i >= 0; i--) {
      const su = stated[i];
      const known = this.known.get(su.unit);
      const changed = !known || su.values.some((v, k) => v !== known[k]);
      if (changed) {
        put(su.unit, known);
        if (eval3p(goal, partial) === 1) {
          if (known) kept.unshift({ unit: su.unit, values: known });
          continue;
        }
        put(su.unit, su.values);
        count++;
      }
      kept.unshift(su);
    }
    return { model: base, stated: kept, count };
  }

  /** `block` on the plain solver, for `fewestPlainly`. */
  blockPlainly(stated: StatedUnit[]): number {
    this.countedVars();
    return this.block(stated, this.plain);
  }

  /** A formula's Kleene value as two formulas: [it is surely true, it is surely false] given what is stated. */
  private rail(p: Prop): [Prop, Prop] {
    const hit = this.rails.get(p);
    if (hit) return hit;
    let r: [Prop, Prop];
    switch (p.k) {
      case 'const':
        r = p.v ? [TRUE, FALSE] : [FALSE, TRUE];
        break;
      case 'var': {
        const k = this.knownVar[p.n] ?? FALSE;
        r = [pand([k, p]), pand([k, pnot(p)])];
        break;
      }
      case 'not': {
        const [t, f] = this.rail(p.x);
        r = [f, t];
        break;
      }
      case 'and':
      case 'or': {
        const kids = p.xs.map((x) => this.rail(x));
        const ts = kids.map((x) => x[0]);
        const fs = kids.map((x) => x[1]);
        r = p.k === 'and' ? [pand(ts), por(fs)] : [por(ts), pand(fs)];
        break;
      }
    }
    this.rails.set(p, r);
    return r;
  }

  /** What is left of `units`, valued as in `model`, once every fact that can be left out is. */
  private irredundant(goal: Prop, model: boolean[], units: Unit[]): StatedUnit[] {
    // Tried for leaving out from the end of the vocabulary: fewer queries for the same sizes (bench/diff.ts).
    const stated: StatedUnit[] = [...units].reverse().map((unit) => ({ unit, values: unit.slots.map((s) => this.enc.valueIn(model, s, unit.side)!) }));
    const partial: (boolean | undefined)[] = new Array(this.enc.nvars);
    // `base` stays a complete model that agrees with every stated unit (refutedWithout).
    const base = model.slice();
    const put = (su: StatedUnit, on: boolean) => su.unit.slots.forEach((slot, i) => this.enc.setValue(partial, slot, su.unit.side, on ? su.values[i] : undefined));
    this.fixed.forEach((su) => put(su, true));
    stated.forEach((su) => put(su, true));
    // A set is stated whole, so a member the model happened to include stays out where it can.
    for (const su of stated) {
      if (su.unit.fact.type !== 'set') continue;
      su.unit.slots.forEach((slot, i) => {
        if (su.values[i] !== 0) return;
        su.values[i] = 1;
        put(su, true);
        if (eval3p(goal, partial) === 1 || this.implied(goal, stated)) {
          this.enc.setValue(base, slot, su.unit.side, 1);
          return;
        }
        su.values[i] = 0;
        put(su, true);
      });
    }
    const kept: StatedUnit[] = [];
    for (let i = 0; i < stated.length; i++) {
      const su = stated[i];
      put(su, false);
      if (this.canLeaveOut(goal, partial, base, su, () => [...kept, ...stated.slice(i + 1)])) continue;
      put(su, true);
      kept.push(su);
    }
    return kept;
  }
}

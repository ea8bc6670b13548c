/**
 * One comparison's setting: the plans of a few jurisdictions on one date, encoded
 * into one solver, with the facts a scenario fixes and the facts a witness may
 * state. Witnesses come back as scenario facts and are re-checked by the ordinary
 * engine (json-logic-js leaves) before anyone sees them.
 */
import type { CompiledCorpus } from '../compiled.ts';
import { compileCorpus } from '../compiled.ts';
import { evaluateCell } from '../cell.ts';
import type { ProvisionRef } from '../attribution.ts';
import { flowFacts, legalFacts, toAssignment } from '../facts.ts';
import type { Assignment } from '../assignment.ts';
import { setPath } from '../logic.ts';
import { planFor, type Plan } from '../plan.ts';
import type { FactDef, Facts, Mode, Scenario, Verdict } from '../types.ts';
import { Encoding, type PlanEncoding } from './encode.ts';
import { distinctionIndex, unitText, unitValue } from './facts.ts';
import type { Prop } from './prop.ts';
import { type BackendFactory, miniSat } from './solver.ts';
import { Budget, type StatedUnit, type Unit, WitnessFinder } from './witness.ts';

/** Facts a scenario's flow fixes: those shared by every jurisdiction, and each jurisdiction's legal-order facts. */
export interface GivenFacts {
  shared: Record<string, unknown>;
  legal: Record<string, Record<string, unknown>>;
}

export interface QueryOptions {
  asOf: string;
  mode?: Mode;
  given?: GivenFacts;
  backend?: BackendFactory;
  /** Most solver queries (a cost bound independent of the clock). */
  budget?: Budget;
  /**
   * Read the given facts as changeable (a repair): they stay free for the solver, with their
   * values in `known`; facts the vocabulary marks `fixed` keep their value where stated.
   * Legal-order facts are then read per jurisdiction.
   */
  changeable?: boolean;
  /**
   * Which leaves the engine re-checks with: 'reference' (json-logic-js itself, the default for
   * witnesses) or 'compiled' (the engine's everyday path, held to json-logic-js by its own tests).
   */
  checkPath?: 'reference' | 'compiled';
}

export interface WitnessFact {
  fact: string;
  /** '' when stated alike for every jurisdiction compared, else the jurisdiction it is stated for. */
  side: string;
  value: unknown;
  text: string;
}

export interface Witness {
  /** The facts the witness states beyond any given scenario's (none can be left out), in the vocabulary's order. */
  facts: WitnessFact[];
  /** Per jurisdiction: the flat facts it reads (given facts included). */
  flat: Record<string, Record<string, unknown>>;
  /** The engine's verdict and deciding provisions on the witness, per jurisdiction. */
  verdicts: Record<string, Verdict>;
  decisive: Record<string, ProvisionRef[]>;
}

/** The engine's reading of a witness in one jurisdiction, kept for the alignment of provisions. */
export interface Checked {
  verdict: Verdict;
  decisive: ProvisionRef[];
  plan: Plan;
  assignment: Assignment;
}

export class Query {
  readonly enc: Encoding;
  readonly plans = new Map<string, PlanEncoding>();
  readonly finder: WitnessFinder;
  readonly budget: Budget;
  readonly mode: Mode;
  private readonly ref: CompiledCorpus;
  readonly given: GivenFacts;
  /** In a repair: the values the flow states for the facts it may change. */
  readonly known = new Map<Unit, number[]>();

  constructor(readonly cc: CompiledCorpus, readonly codes: string[], readonly options: QueryOptions) {
    this.mode = options.mode ?? 'transplant';
    this.given = options.given ?? { shared: {}, legal: {} };
    this.budget = options.budget ?? new Budget();
    const given = this.given;
    // A legal-order fact a scenario states for some jurisdiction is read per jurisdiction;
    // otherwise a witness states it alike for all, so a divergence is one of the laws, not of the facts.
    const perSide = (fact: FactDef) => fact.scope === 'jurisdiction' && (options.changeable || codes.some((c) => given.legal[c]?.[fact.key] !== undefined));
    this.enc = new Encoding(cc, (fact, code) => (perSide(fact) ? code : ''));
    for (const code of codes) this.plans.set(code, this.enc.plan(planFor(cc, code, options.asOf, this.mode)));

    const fixed: StatedUnit[] = [];
    const free: Unit[] = [];
    const bySlotsOf = new Map<string, Unit>();
    for (const code of codes) {
      const plan = this.plans.get(code)!;
      for (const slot of plan.atoms) {
        const fact = cc.atomInfo[slot].fact;
        const side = this.enc.side(slot, code);
        const key = `${fact.key}@${side}`;
        let unit = bySlotsOf.get(key);
        if (!unit) bySlotsOf.set(key, (unit = { fact, side, slots: [] }));
        if (!unit.slots.includes(slot)) unit.slots.push(slot);
      }
    }
    for (const unit of bySlotsOf.values()) {
      const value = unit.side === '' ? given.shared[unit.fact.key] : given.legal[unit.side]?.[unit.fact.key] ?? given.shared[unit.fact.key];
      const unknown = value === undefined || value === null;
      if (unknown) {
        // In a repair, stating an unknown fixed fact is an assumption about the flow, not a change to it.
        free.push(unit);
        continue;
      }
      const a = toAssignment({ [unit.fact.key]: value }, cc.corpus.vocabulary, cc.slots);
      const values = unit.slots.map((slot) => distinctionIndex(cc.atomInfo[slot], a[slot]));
      if (options.changeable && !unit.fact.fixed) {
        free.push(unit);
        this.known.set(unit, values);
      } else fixed.push({ unit, values });
    }
    const order = new Map(cc.corpus.vocabulary.facts.map((f, i) => [f.key, i]));
    free.sort((x, y) => order.get(x.fact.key)! - order.get(y.fact.key)! || x.side.localeCompare(y.side));
    // Every atom a unit holds gets its variables (and domain constraint) now, even one no condition distinguishes.
    for (const unit of bySlotsOf.values()) for (const slot of unit.slots) this.enc.vars(slot, unit.side);
    const backend = options.backend ?? miniSat;
    const withDomain = () => {
      const sat = backend();
      for (const p of this.enc.domain) sat.require(p);
      return sat;
    };
    this.finder = new WitnessFinder(this.enc, withDomain(), withDomain, fixed, free, this.budget, this.known);
    this.ref = options.checkPath === 'compiled' ? cc : compileCorpus(cc.corpus, 'reference');
  }

  plan(code: string): PlanEncoding {
    return this.plans.get(code)!;
  }

  /** A minimal witness of the goal, re-checked by the engine (none agreeing with all of one in `avoid`), or null when there is none. */
  witness(goal: Prop, avoid: StatedUnit[][] = []): { stated: StatedUnit[]; witness: Witness; checked: Record<string, Checked> } | null {
    const stated = this.finder.witness(goal, avoid);
    if (!stated) return null;
    return { stated, ...this.materialise(stated) };
  }

  /** Whether the goal can hold at all. */
  satisfiable(goal: Prop): boolean {
    return this.finder.model(goal) !== null;
  }

  /** The flat facts a jurisdiction reads on a witness. */
  flatFor(code: string, stated: StatedUnit[]): Record<string, unknown> {
    const flat: Record<string, unknown> = { ...this.given.shared, ...(this.given.legal[code] ?? {}) };
    for (const su of stated) if (su.unit.side === '' || su.unit.side === code) flat[su.unit.fact.key] = unitValue(this.cc, su);
    return flat;
  }

  /** The engine's reading of a flat fact set in one jurisdiction, on the json-logic-js path. */
  check(code: string, flat: Record<string, unknown>): Checked {
    const plan = planFor(this.ref, code, this.options.asOf, this.mode);
    const assignment = toAssignment(flat, this.cc.corpus.vocabulary, this.ref.slots);
    const cell = evaluateCell(this.ref, plan, assignment, { detail: 'decisive' });
    return { verdict: cell.verdict, decisive: cell.decisive, plan, assignment };
  }

  private materialise(stated: StatedUnit[]): { witness: Witness; checked: Record<string, Checked> } {
    const flat: Witness['flat'] = {};
    const verdicts: Witness['verdicts'] = {};
    const decisive: Witness['decisive'] = {};
    const checked: Record<string, Checked> = {};
    for (const code of this.codes) {
      flat[code] = this.flatFor(code, stated);
      const r = (checked[code] = this.check(code, flat[code]));
      verdicts[code] = r.verdict;
      decisive[code] = r.decisive;
    }
    const order = new Map(this.cc.corpus.vocabulary.facts.map((f, i) => [f.key, i]));
    stated = [...stated].sort((x, y) => order.get(x.unit.fact.key)! - order.get(y.unit.fact.key)! || x.unit.side.localeCompare(y.unit.side));
    const facts = stated.map((su) => ({ fact: su.unit.fact.key, side: su.unit.side, value: unitValue(this.cc, su), text: unitText(this.cc, su) }));
    return { witness: { facts, flat, verdicts, decisive }, checked };
  }
}

/**
 * A witness as a scenario with one flow, which the explorer can open: facts read
 * alike go in the flow, legal-order facts under each jurisdiction.
 */
export function witnessScenario(cc: CompiledCorpus, w: Witness, codes: string[], id: string, title: string, summary: string): Scenario {
  const facts: Facts = {};
  const jurisdictionFacts: Record<string, Facts> = {};
  const vocab = cc.corpus.vocabulary;
  for (const code of codes) {
    for (const [key, value] of Object.entries(w.flat[code])) {
      if (vocab.byKey.get(key)?.scope === 'jurisdiction') {
        jurisdictionFacts[code] ??= {};
        setPath(jurisdictionFacts[code], key, value);
      } else {
        setPath(facts, key, value);
      }
    }
  }
  return {
    id,
    title,
    summary,
    sources: [],
    parties: [],
    facts: {},
    flows: [{ id: 'witness', label: title.slice(0, 100), facts, ...(Object.keys(jurisdictionFacts).length ? { jurisdictionFacts } : {}) }],
  };
}

/** The facts one flow of a scenario fixes, as the given of a comparison between `codes`. */
export function givenFrom(cc: CompiledCorpus, scenario: Scenario, flowId: string, codes: string[]): GivenFacts {
  const flow = scenario.flows.find((f) => f.id === flowId);
  if (!flow) throw new Error(`internal: no flow ${flowId}`);
  const legal: GivenFacts['legal'] = {};
  for (const code of codes) legal[code] = legalFacts(scenario, flow, cc.chains.get(code) ?? [code]);
  return { shared: flowFacts(scenario, flow, []), legal };
}

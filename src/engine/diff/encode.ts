/**
 * Cell verdicts as propositional formulas. Every atom (a scalar fact, or one member
 * of a set fact) ranges over its distinctions (distinctions.ts): an atom with two
 * gets one variable, an atom with more gets one variable per distinction and an
 * exactly-one constraint. A leaf of a condition becomes the disjunction of the
 * distinctions under which the engine's own leaf test holds (its truth table is
 * computed by running that test, so json-logic-js semantics carry over), and the
 * verdict logic of status.ts becomes and/or/not over those leaves. For a complete
 * assignment the formulas give exactly the engine's verdict; the differential test
 * (test/engine/diff-encoding.test.ts) holds the two together.
 */
import type { CompiledCorpus } from '../compiled.ts';
import type { CNode } from '../kleene.ts';
import type { Plan } from '../plan.ts';
import type { FactDef } from '../types.ts';
import { FALSE, pand, pnot, por, type Prop, pvar, TRUE } from './prop.ts';

/** Which copy of an atom a jurisdiction reads: '' for the shared copy, or a jurisdiction's own. */
export type SideOf = (fact: FactDef, code: string) => string;

export interface PlanEncoding {
  plan: Plan;
  applies: Prop[];
  /** Per prohibition of the plan: it fires (applies, holds, no exception lifts it). */
  fires: Prop[];
  /** Per obligation: it is breached (engaged, not met, not exempted). */
  breached: Prop[];
  forbidden: Prop;
  covered: Prop;
  allowed: Prop;
  notCovered: Prop;
  /** The slots the plan's conditions read. */
  atoms: number[];
}

/** Most combinations of distinctions a leaf over several atoms may have before it is refused. */
const MAX_LEAF_COMBINATIONS = 4096;

export class Encoding {
  /** Number of variables allocated so far. */
  nvars = 0;
  /** Exactly-one constraints of the atoms with more than two distinctions. */
  readonly domain: Prop[] = [];
  /** Per side, per slot: the atom's variables. */
  private readonly atomVars = new Map<string, number[][]>();
  private readonly leaves = new Map<CNode, Map<string, Prop>>();

  constructor(readonly cc: CompiledCorpus, readonly sideOf: SideOf = () => '') {}

  /** The side key under which jurisdiction `code` reads `slot`. */
  side(slot: number, code: string): string {
    return this.sideOf(this.cc.atomInfo[slot].fact, code);
  }

  /** The variables of one copy of an atom (one for two distinctions, else one per distinction). */
  vars(slot: number, side: string): number[] {
    let bySlot = this.atomVars.get(side);
    if (!bySlot) this.atomVars.set(side, (bySlot = []));
    let vs = bySlot[slot];
    if (!vs) {
      const n = this.cc.atomInfo[slot].distinctions.length;
      vs = n === 2 ? [this.nvars++] : Array.from({ length: n }, () => this.nvars++);
      bySlot[slot] = vs;
      if (n !== 2) {
        const ps = vs.map(pvar);
        this.domain.push(por(ps));
        for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) this.domain.push(por([pnot(ps[i]), pnot(ps[j])]));
      }
    }
    return vs;
  }

  /** How many distinctions the atom ranges over. */
  distinctions(slot: number): number {
    return this.cc.atomInfo[slot].distinctions.length;
  }

  /** The atom takes its i-th distinction. */
  eq(slot: number, side: string, i: number): Prop {
    const vs = this.vars(slot, side);
    if (vs.length === 1) return i === 0 ? pvar(vs[0]) : pnot(pvar(vs[0]));
    return pvar(vs[i]);
  }

  /** The one literal that puts the atom on its i-th distinction, given the domain constraints (exactly one of its variables). */
  literal(slot: number, side: string, i: number): [number, boolean] {
    const vs = this.vars(slot, side);
    return vs.length === 1 ? [vs[0], i === 0] : [vs[i], true];
  }

  /** Variable values that put the atom on its i-th distinction. */
  setValue(values: (boolean | undefined)[], slot: number, side: string, i: number | undefined): void {
    const vs = this.vars(slot, side);
    if (vs.length === 1) values[vs[0]] = i === undefined ? undefined : i === 0;
    else vs.forEach((v, k) => (values[v] = i === undefined ? undefined : k === i));
  }

  /** Which distinction a model puts the atom on. */
  valueIn(model: ArrayLike<boolean | undefined>, slot: number, side: string): number | undefined {
    const vs = this.vars(slot, side);
    if (vs.length === 1) return model[vs[0]] === undefined ? undefined : model[vs[0]] ? 0 : 1;
    const i = vs.findIndex((v) => model[v] === true);
    return i < 0 ? undefined : i;
  }

  private leaf(node: Extract<CNode, { op: 'leaf' }>, code: string): Prop {
    const sides = node.atoms.map((s) => this.side(s, code));
    const key = sides.join('|');
    let byKey = this.leaves.get(node);
    if (!byKey) this.leaves.set(node, (byKey = new Map()));
    const hit = byKey.get(key);
    if (hit) return hit;
    const infos = node.atoms.map((s) => this.cc.atomInfo[s]);
    const combos = infos.reduce((n, info) => n * info.distinctions.length, 1);
    if (combos > MAX_LEAF_COMBINATIONS) throw new Error(`a condition compares ${node.atoms.length} facts at once (${combos} combinations): too many to encode`);
    const a: unknown[] = [];
    const terms: Prop[] = [];
    const idx = new Array<number>(node.atoms.length).fill(0);
    for (let c = 0; c < combos; c++) {
      let r = c;
      for (let j = node.atoms.length - 1; j >= 0; j--) {
        const n = infos[j].distinctions.length;
        idx[j] = r % n;
        r = Math.floor(r / n);
        a[node.atoms[j]] = infos[j].distinctions[idx[j]].value;
      }
      if (node.test(a)) terms.push(pand(node.atoms.map((s, j) => this.eq(s, sides[j], idx[j]))));
    }
    const p = node.atoms.length === 0 ? (node.test(a) ? TRUE : FALSE) : terms.length === combos ? TRUE : por(terms);
    byKey.set(key, p);
    return p;
  }

  /** A condition as a formula, read by jurisdiction `code`. */
  cond(node: CNode, code: string): Prop {
    switch (node.op) {
      case 'leaf':
        return this.leaf(node, code);
      case 'and':
        // json-logic-js: {"and": []} is falsy.
        return node.kids.length === 0 ? FALSE : pand(node.kids.map((k) => this.cond(k, code)));
      case 'or':
        return por(node.kids.map((k) => this.cond(k, code)));
      case 'not':
        return pnot(this.cond(node.kid, code));
      case 'bool':
        return this.cond(node.kid, code);
      case 'if':
        return this.ifChain(node.kids, 0, code);
    }
  }

  private ifChain(kids: CNode[], i: number, code: string): Prop {
    if (i >= kids.length) return FALSE;
    if (i === kids.length - 1) return this.cond(kids[i], code);
    const c = this.cond(kids[i], code);
    return por([pand([c, this.cond(kids[i + 1], code)]), pand([pnot(c), this.ifChain(kids, i + 2, code)])]);
  }

  /** The verdict logic of one plan (status.ts), over complete assignments. */
  plan(plan: Plan): PlanEncoding {
    const code = plan.code;
    const applies = plan.instruments.map((pi) =>
      pand(pi.scopes.map((cp) => (cp.p.scope === 'excludes' ? pnot(this.cond(cp.when, code)) : this.cond(cp.when, code)))),
    );
    const holds = (e: { cp: Plan['prohibitions'][number]['cp']; ii: number }) => pand([applies[e.ii], this.cond(e.cp.when, code)]);
    const fires = plan.prohibitions.map((pr) => pand([applies[pr.ii], this.cond(pr.cp.when, code), pnot(por(pr.exceptions.map(holds)))]));
    const breached = plan.obligations.map((ob) =>
      pand([applies[ob.ii], this.cond(ob.cp.when, code), pnot(ob.cp.met ? this.cond(ob.cp.met, code) : FALSE), pnot(por(ob.exceptions.map(holds)))]),
    );
    const forbidden = por([...fires, ...breached]);
    const covered = por(plan.instruments.map((pi, ii) => (pi.regulates ? applies[ii] : FALSE)));
    return { plan, applies, fires, breached, forbidden, covered, allowed: pand([covered, pnot(forbidden)]), notCovered: pnot(covered), atoms: plan.atoms };
  }
}

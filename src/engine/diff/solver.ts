/**
 * The satisfiability backend of the diff: the MiniSat that logic-solver ships
 * (compiled to JavaScript: synchronous, no native code, runs wherever the engine
 * runs), fed clauses directly. Formulas become clauses here by a polarity-aware
 * Tseitin translation, so each shared sub-formula costs one variable and only the
 * clauses its uses need; logic-solver's own formula layer did the same work several
 * times slower (bench/diff.ts measures both, and z3-solver, on the same queries; the
 * README says why this one). Everything the diff asks goes through `SatBackend`, so
 * the bench can time the solver's share and another backend can be put in.
 */
import MiniSat, { type MiniSatModule } from 'logic-solver/minisat_wrapper.js';
import type { Prop } from './prop.ts';

export interface SatBackend {
  /** Adds a constraint that every later query must satisfy. */
  require(p: Prop): void;
  /** A new guard literal g with g -> p required; assume g to ask for p. */
  guard(p: Prop): number;
  /** A new guard literal g with g -> "at most k of these variables are true" required. */
  atMost(vars: number[], k: number): number;
  /**
   * A model (value per variable) satisfying the constraints, the guards assumed and
   * the literals given (variable, value), or null when there is none.
   */
  solve(guards: number[], literals: [number, boolean][]): boolean[] | null;
}

/** How a backend is made, so callers (the bench) can wrap it. */
export type BackendFactory = () => SatBackend;

/** Per connective: its variable, and which directions of its definition are clauses already. */
interface Node {
  v: number;
  pos: boolean;
  neg: boolean;
}

/** A unary counter over some variables: `atLeast[j][i]` is implied by "more than j of the first i+1 are true". */
interface Counter {
  xs: number[];
  atLeast: number[][];
}

export class MiniSatBackend implements SatBackend {
  // The module's C entry points are called directly: the wrapper copies each clause through
  // stack allocations and keeps every clause it is given in a log, for the life of the solver.
  private readonly sat: MiniSatModule = new MiniSat()._C;
  /** A buffer in MiniSat's heap that clauses are written to (grown as needed). */
  private buffer = 0;
  private capacity = 0;
  private vars = 0;
  /** MiniSat's variable for each of the encoding's (0 where not yet mentioned). */
  private ext: number[] = [];
  /** Every encoding variable mentioned, to read back from a solution. */
  private readonly mentioned: number[] = [];
  private readonly nodes = new Map<Prop, Node>();
  private readonly counters = new Map<string, Counter>();
  private readonly top: number;
  private unsat = false;

  constructor() {
    this.top = this.fresh();
    this.clause([this.top]);
  }

  private fresh(): number {
    return ++this.vars;
  }

  private clause(terms: number[]): void {
    if (this.unsat) return;
    if (terms.length + 1 > this.capacity) {
      if (this.buffer) this.sat._free(this.buffer);
      this.capacity = Math.max(64, 2 * (terms.length + 1));
      this.buffer = this.sat._malloc(4 * this.capacity);
    }
    const heap = this.sat.HEAP32;
    const at = this.buffer >> 2;
    for (let i = 0; i < terms.length; i++) heap[at + i] = terms[i];
    heap[at + terms.length] = 0;
    if (!this.sat._addClause(this.buffer)) this.unsat = true;
  }

  private variable(n: number): number {
    let v = this.ext[n];
    if (!v) {
      v = this.ext[n] = this.fresh();
      this.mentioned.push(n);
    }
    return v;
  }

  /**
   * A literal for `p`, with the clauses that make it imply p (`positive`) or be implied by it
   * (otherwise): the only direction a use in that polarity needs (Plaisted and Greenbaum).
   */
  private lit(p: Prop, positive: boolean): number {
    switch (p.k) {
      case 'const':
        return p.v ? this.top : -this.top;
      case 'var':
        return this.variable(p.n);
      case 'not':
        return -this.lit(p.x, !positive);
      default: {
        let node = this.nodes.get(p);
        if (!node) this.nodes.set(p, (node = { v: this.fresh(), pos: false, neg: false }));
        const and = p.k === 'and';
        if (positive && !node.pos) {
          node.pos = true;
          if (and) for (const x of p.xs) this.clause([-node.v, this.lit(x, true)]);
          else this.clause([-node.v, ...p.xs.map((x) => this.lit(x, true))]);
        } else if (!positive && !node.neg) {
          node.neg = true;
          if (and) this.clause([node.v, ...p.xs.map((x) => -this.lit(x, false))]);
          else for (const x of p.xs) this.clause([node.v, -this.lit(x, false)]);
        }
        return node.v;
      }
    }
  }

  require(p: Prop): void {
    if (p.k === 'and') for (const x of p.xs) this.require(x);
    else if (p.k === 'or') this.clause(p.xs.map((x) => this.lit(x, true)));
    else this.clause([this.lit(p, true)]);
  }

  guard(p: Prop): number {
    const g = this.fresh();
    this.clause([-g, this.lit(p, true)]);
    return g;
  }

  atMost(vars: number[], k: number): number {
    const g = this.fresh();
    if (k >= vars.length) return g;
    if (k < 0) {
      this.clause([-g]);
      return g;
    }
    const key = vars.join(',');
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = { xs: vars.map((n) => this.variable(n)), atLeast: [] }));
    // Columns up to k are built on the first bound that needs them: a bound of k costs about 2n(k+1) clauses.
    const { xs, atLeast } = c;
    const n = xs.length;
    for (let j = atLeast.length; j <= k; j++) {
      const col: number[] = [];
      for (let i = j; i < n; i++) {
        const s = (col[i] = this.fresh());
        // More than j of the first i+1: the (i+1)th is true and more than j-1 of the first i, or more than j of the first i.
        if (j === 0) this.clause([-xs[i], s]);
        else this.clause([-xs[i], -atLeast[j - 1][i - 1], s]);
        if (i > j) this.clause([-col[i - 1], s]);
      }
      atLeast.push(col);
    }
    this.clause([-g, -atLeast[k][n - 1]]);
    return g;
  }

  solve(guards: number[], literals: [number, boolean][]): boolean[] | null {
    if (this.unsat) return null;
    // MiniSat is asked under one assumed variable, which implies every guard and literal and is then retired.
    const a = this.fresh();
    for (const g of guards) this.clause([-a, g]);
    for (const [n, b] of literals) this.clause([-a, b ? this.variable(n) : -this.variable(n)]);
    if (this.unsat) return null;
    this.sat._ensureVar(this.vars);
    const ok = this.sat._solveAssuming(a);
    let model: boolean[] | null = null;
    if (ok) {
      const heap = this.sat.HEAP8;
      const at = this.sat._getSolution() - 1;
      model = [];
      // MiniSat's 0 is "true" (l_True).
      for (const n of this.mentioned) if (heap[at + this.ext[n]] === 0) model[n] = true;
    }
    this.sat._retireVar(a);
    return model;
  }
}

export const miniSat: BackendFactory = () => new MiniSatBackend();

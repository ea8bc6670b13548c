/**
 * The satisfiability backend of the diff: logic-solver (MiniSat compiled to
 * JavaScript, synchronous, no native code, runs wherever the engine runs).
 * bench/diff.ts measures it against z3-solver on the same queries; the README says
 * why this one. Everything the diff asks goes through `SatBackend`, so the bench can
 * time the solver's share and another backend can be put in.
 */
import Logic from 'logic-solver';
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

export class LogicSolverBackend implements SatBackend {
  private readonly solver = new Logic.Solver();
  private readonly memo = new Map<Prop, Logic.Formula>();
  private guards = 0;
  private readonly sums = new Map<string, Logic.Bits>();

  private tr(p: Prop): Logic.Formula {
    const hit = this.memo.get(p);
    if (hit !== undefined) return hit;
    let f: Logic.Formula;
    switch (p.k) {
      case 'const':
        f = p.v ? Logic.TRUE : Logic.FALSE;
        break;
      case 'var':
        f = `x${p.n}`;
        break;
      case 'not':
        f = Logic.not(this.tr(p.x));
        break;
      case 'and':
        f = Logic.and(p.xs.map((x) => this.tr(x)));
        break;
      case 'or':
        f = Logic.or(p.xs.map((x) => this.tr(x)));
        break;
    }
    this.memo.set(p, f);
    return f;
  }

  require(p: Prop): void {
    Logic.disablingAssertions(() => this.solver.require(this.tr(p)));
  }

  guard(p: Prop): number {
    const g = this.guards++;
    Logic.disablingAssertions(() => this.solver.require(Logic.implies(`g${g}`, this.tr(p))));
    return g;
  }

  atMost(vars: number[], k: number): number {
    // A binary adder over the variables (logic-solver's own), built once per set of variables:
    // a fraction of the clauses of a unary counter, which logic-solver builds slowly.
    const key = vars.join(',');
    let sum = this.sums.get(key);
    if (!sum) this.sums.set(key, (sum = Logic.sum(vars.map((v) => `x${v}`))));
    const g = this.guards++;
    const bound = sum;
    Logic.disablingAssertions(() => this.solver.require(Logic.implies(`g${g}`, Logic.lessThanOrEqual(bound, Logic.constantBits(k)))));
    return g;
  }

  solve(guards: number[], literals: [number, boolean][]): boolean[] | null {
    const assumption = Logic.and([...guards.map((g) => `g${g}`), ...literals.map(([v, b]) => (b ? `x${v}` : Logic.not(`x${v}`)))]);
    const sol = Logic.disablingAssertions(() => this.solver.solveAssuming(assumption));
    if (!sol) return null;
    const model: boolean[] = [];
    for (const name of sol.getTrueVars()) if (name.startsWith('x')) model[Number(name.slice(1))] = true;
    return model;
  }
}

export const logicSolver: BackendFactory = () => new LogicSolverBackend();

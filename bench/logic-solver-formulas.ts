/**
 * The alternative the bench measures lexflow's backend against: logic-solver's own
 * formula layer (Logic.Solver with Logic.and/or/implies, assumptions by solveAssuming,
 * cardinality by its binary adder) driving the same MiniSat. lexflow used it first;
 * feeding MiniSat clauses from its own translation (src/engine/diff/solver.ts) answers
 * the same queries several times faster. Used only by bench/diff.ts.
 */
import Logic from 'logic-solver';
import type { Prop } from '../src/engine/diff/prop.ts';
import type { SatBackend } from '../src/engine/diff/solver.ts';

export class LogicSolverFormulas implements SatBackend {
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

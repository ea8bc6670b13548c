// Types for the MiniSat build that logic-solver ships (MiniSat compiled to JavaScript), as lexflow drives it.
declare module 'logic-solver/minisat_wrapper.js' {
  class MiniSat {
    /** The Emscripten module: the solver's heap and its C entry points. */
    _C: { HEAP8: Int8Array; _getSolution(): number };
    /** Adds a clause of signed variable numbers (from 1); false once the clauses are unsatisfiable. */
    addClause(terms: number[]): boolean;
    /** Makes MiniSat hold values for variables up to v. */
    ensureVar(v: number): void;
    solve(): boolean;
    /** Solves with one (positive) variable assumed true. */
    solveAssuming(v: number): boolean;
    /** Tells MiniSat a variable will not be used again (it is fixed false). */
    retireVar(v: number): void;
  }
  export default MiniSat;
}

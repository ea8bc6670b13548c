// Types for the MiniSat build that logic-solver ships (MiniSat compiled to JavaScript), as lexflow drives it.
declare module 'logic-solver/minisat_wrapper.js' {
  /** The Emscripten module of one MiniSat: its heap and its C entry points (variables from 1). */
  export interface MiniSatModule {
    HEAP8: Int8Array;
    HEAP32: Int32Array;
    _malloc(bytes: number): number;
    _free(ptr: number): void;
    /** Adds the 0-terminated clause of signed variables at `ptr`; false once the clauses are unsatisfiable. */
    _addClause(ptr: number): number;
    /** Makes MiniSat hold values for variables up to v. */
    _ensureVar(v: number): void;
    /** Solves with one (positive) variable assumed true. */
    _solveAssuming(v: number): number;
    /** The last model: one byte per variable from 1, 0 for true. */
    _getSolution(): number;
    /** Fixes a variable false for good. */
    _retireVar(v: number): void;
  }
  class MiniSat {
    _C: MiniSatModule;
  }
  export default MiniSat;
}

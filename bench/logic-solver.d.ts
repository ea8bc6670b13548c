// Types for the parts of logic-solver (MiniSat compiled to JavaScript) that lexflow uses.
declare module 'logic-solver' {
  namespace Logic {
    type Formula = object | string;
    class Solver {
      require(...args: (Formula | Formula[])[]): void;
      forbid(...args: (Formula | Formula[])[]): void;
      solve(): Solution | null;
      solveAssuming(assumption: Formula): Solution | null;
    }
    interface Solution {
      getTrueVars(): string[];
      evaluate(f: Formula): boolean;
    }
    const TRUE: Formula;
    const FALSE: Formula;
    function not(x: Formula): Formula;
    function and(...xs: (Formula | Formula[])[]): Formula;
    function or(...xs: (Formula | Formula[])[]): Formula;
    function implies(a: Formula, b: Formula): Formula;
    interface Bits {
      bits: Formula[];
    }
    function sum(...xs: (Formula | Formula[])[]): Bits;
    function constantBits(n: number): Bits;
    function lessThanOrEqual(a: Bits, b: Bits): Formula;
    function disablingAssertions<T>(f: () => T): T;
  }
  export default Logic;
}

/**
 * A small propositional language: what the diff's encoding produces and what a
 * solver backend translates. Kept independent of any solver so that the encoding
 * can be evaluated directly (two-valued for complete assignments, Kleene for
 * partial ones) and measured against more than one solver.
 */

export type Prop =
  | { k: 'const'; v: boolean }
  | { k: 'var'; n: number }
  | { k: 'not'; x: Prop }
  /** `m` numbers the connective for eval3p's memo: plans share sub-formulas, so a goal is a DAG. */
  | { k: 'and' | 'or'; xs: Prop[]; m: number };

let connectives = 0;

export const TRUE: Prop = { k: 'const', v: true };
export const FALSE: Prop = { k: 'const', v: false };

export function pvar(n: number): Prop {
  return { k: 'var', n };
}

export function pnot(x: Prop): Prop {
  if (x.k === 'const') return x.v ? FALSE : TRUE;
  if (x.k === 'not') return x.x;
  return { k: 'not', x };
}

/** Conjunction with constants folded away. */
export function pand(xs: Prop[]): Prop {
  const kept: Prop[] = [];
  for (const x of xs) {
    if (x.k === 'const') {
      if (!x.v) return FALSE;
      continue;
    }
    kept.push(x);
  }
  if (kept.length === 0) return TRUE;
  return kept.length === 1 ? kept[0] : { k: 'and', xs: kept, m: connectives++ };
}

/** Disjunction with constants folded away. */
export function por(xs: Prop[]): Prop {
  const kept: Prop[] = [];
  for (const x of xs) {
    if (x.k === 'const') {
      if (x.v) return TRUE;
      continue;
    }
    kept.push(x);
  }
  if (kept.length === 0) return FALSE;
  return kept.length === 1 ? kept[0] : { k: 'or', xs: kept, m: connectives++ };
}

/** Two-valued value under a complete assignment of variables. */
export function eval2(p: Prop, vars: ArrayLike<boolean | undefined>): boolean {
  switch (p.k) {
    case 'const':
      return p.v;
    case 'var':
      return vars[p.n] === true;
    case 'not':
      return !eval2(p.x, vars);
    case 'and':
      return p.xs.every((x) => eval2(x, vars));
    case 'or':
      return p.xs.some((x) => eval2(x, vars));
  }
}

/** Values of connectives already evaluated in the current eval3p call (stamped with the call's number). */
let memoValue = new Uint8Array(1024);
let memoStamp = new Uint32Array(1024);
let stamp = 0;

/** Kleene value (0 false, 1 true, 2 unknown) under a partial assignment: sound, not complete. */
export function eval3p(p: Prop, vars: ArrayLike<boolean | undefined>): 0 | 1 | 2 {
  if (connectives > memoStamp.length) {
    const n = Math.max(connectives, memoStamp.length * 2);
    memoValue = new Uint8Array(n);
    memoStamp = new Uint32Array(n);
    stamp = 0;
  }
  if (++stamp === 0xffffffff) {
    memoStamp.fill(0);
    stamp = 1;
  }
  return value3(p, vars);
}

function value3(p: Prop, vars: ArrayLike<boolean | undefined>): 0 | 1 | 2 {
  switch (p.k) {
    case 'const':
      return p.v ? 1 : 0;
    case 'var': {
      const v = vars[p.n];
      return v === undefined ? 2 : v ? 1 : 0;
    }
    case 'not': {
      const v = value3(p.x, vars);
      return v === 2 ? 2 : v === 1 ? 0 : 1;
    }
    default: {
      if (p.m < memoStamp.length && memoStamp[p.m] === stamp) return memoValue[p.m] as 0 | 1 | 2;
      const and = p.k === 'and';
      let r: 0 | 1 | 2 = and ? 1 : 0;
      for (const x of p.xs) {
        const v = value3(x, vars);
        if (v === (and ? 0 : 1)) {
          r = v;
          break;
        }
        if (v === 2) r = 2;
      }
      if (p.m < memoStamp.length) {
        memoStamp[p.m] = stamp;
        memoValue[p.m] = r;
      }
      return r;
    }
  }
}

/**
 * JSON-logic conditions as the engine sees them: a tree of logical connectives
 * (and, or, !, !!, if) whose leaves are comparisons of facts with literals.
 *
 * json-logic-js is the one definition of what every operator means. Leaves are
 * evaluated either by json-logic-js itself (the reference path) or by a compiled
 * function generated from the same JSON (the fast path, for the bundled corpus
 * only); test/engine/compiled-differential.test.ts holds the two together.
 * Connectives are evaluated in Kleene three-valued logic (kleene.ts).
 */
import jsonLogic from 'json-logic-js';
import { type Assignment, memberAtom, type SlotMap } from './assignment.ts';
import type { CNode } from './kleene.ts';

export const CONNECTIVES = new Set(['and', 'or', '!', '!!', 'if']);
export const COMPARISONS = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=', 'in']);

export type SetFacts = ReadonlySet<string>;

/** json-logic-js's own notion of truth (an empty array is false). */
export function truthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}

export function operatorOf(logic: unknown): string | undefined {
  if (logic === null || typeof logic !== 'object' || Array.isArray(logic)) return undefined;
  const keys = Object.keys(logic);
  return keys.length === 1 ? keys[0] : undefined;
}

export function argsOf(logic: unknown): unknown[] {
  const op = operatorOf(logic);
  if (op === undefined) return [];
  const raw = (logic as Record<string, unknown>)[op];
  return Array.isArray(raw) ? raw : [raw];
}

/** The fact a `{"var": key}` node reads, or undefined for anything else. */
export function varName(logic: unknown): string | undefined {
  if (operatorOf(logic) !== 'var') return undefined;
  const [name] = argsOf(logic);
  return typeof name === 'string' ? name : undefined;
}

/** Every fact key a condition reads. */
export function varsOf(logic: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(logic)) {
    for (const item of logic) varsOf(item, out);
    return out;
  }
  const op = operatorOf(logic);
  if (op === undefined) return out;
  const name = varName(logic);
  if (name !== undefined) {
    out.add(name);
    return out;
  }
  for (const arg of argsOf(logic)) varsOf(arg, out);
  return out;
}

/** The atoms a leaf depends on: scalar facts by key, set facts by member tested. */
export function leafAtoms(logic: unknown, setFacts: SetFacts): string[] {
  const atoms = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    const op = operatorOf(node);
    if (op === undefined) return;
    if (op === 'in') {
      const [needle, haystack] = argsOf(node);
      const setKey = varName(haystack);
      if (setKey !== undefined && setFacts.has(setKey) && varName(needle) === undefined) {
        atoms.add(memberAtom(setKey, needle));
        visit(needle);
        return;
      }
    }
    const name = varName(node);
    if (name !== undefined) {
      if (setFacts.has(name)) throw new Error(`set fact ${name} may only be tested with {"in": [value, {"var": "${name}"}]}`);
      atoms.add(name);
      return;
    }
    argsOf(node).forEach(visit);
  };
  visit(logic);
  return [...atoms];
}

/** Builds the nested data object json-logic-js reads, from an assignment. */
export function dataFor(assignment: Assignment, vars: Iterable<string>, setFacts: SetFacts, slots: SlotMap): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of vars) {
    let value: unknown;
    if (setFacts.has(key)) {
      const prefix = `${key}∋`;
      value = slots.atoms.filter((atom, i) => atom.startsWith(prefix) && assignment[i] === true).map((atom) => atom.slice(prefix.length));
    } else {
      value = assignment[slots.slot(key)];
    }
    setPath(data, key, value);
  }
  return data;
}

export function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** The reference leaf: json-logic-js applied to the data the assignment describes. */
export function referenceTest(logic: unknown, setFacts: SetFacts, slots: SlotMap): (a: Assignment) => boolean {
  const vars = [...varsOf(logic)];
  return (a) => truthy(jsonLogic.apply(logic as jsonLogic.RulesLogic, dataFor(a, vars, setFacts, slots)));
}

const HELPERS = {
  truthy,
  // Same bodies as json-logic-js 2.0.5's operators of these names.
  in: (a: unknown, b: unknown): boolean => {
    if (!b || typeof (b as { indexOf?: unknown }).indexOf === 'undefined') return false;
    return (b as { indexOf(x: unknown): number }).indexOf(a) !== -1;
  },
  lt: (a: any, b: any, c?: any): boolean => (c === undefined ? a < b : a < b && b < c),
  le: (a: any, b: any, c?: any): boolean => (c === undefined ? a <= b : a <= b && b <= c),
};

/**
 * Compiles a leaf to a JS function over the flat assignment. Only the operator
 * subset the rule lint admits is compiled; anything else throws, so a rule can
 * never silently take a different meaning on the fast path.
 */
export function compileTest(logic: unknown, setFacts: SetFacts, slots: SlotMap): (a: Assignment) => boolean {
  const constants: unknown[] = [];
  const constant = (value: unknown): string => {
    constants.push(value);
    return `K[${constants.length - 1}]`;
  };
  const expr = (node: unknown): string => {
    if (node === null || typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') {
      return JSON.stringify(node);
    }
    if (Array.isArray(node)) {
      if (node.every((item) => operatorOf(item) === undefined && !Array.isArray(item))) return constant(node);
      return `[${node.map(expr).join(', ')}]`;
    }
    const op = operatorOf(node);
    const args = argsOf(node);
    if (op === 'var') {
      const name = varName(node);
      if (name === undefined || args.length !== 1 || setFacts.has(name)) throw new Error(`cannot compile ${JSON.stringify(node)}`);
      return `A[${slots.slot(name)}]`;
    }
    if (op === 'in') {
      const setKey = varName(args[1]);
      if (setKey !== undefined && setFacts.has(setKey) && varName(args[0]) === undefined) {
        return `(A[${slots.slot(memberAtom(setKey, args[0]))}] === true)`;
      }
      return `H.in(${expr(args[0])}, ${expr(args[1])})`;
    }
    const binary: Record<string, string> = { '==': '==', '===': '===', '!=': '!=', '!==': '!==', '>': '>', '>=': '>=' };
    if (op !== undefined && binary[op] && args.length === 2) return `(${expr(args[0])} ${binary[op]} ${expr(args[1])})`;
    if ((op === '<' || op === '<=') && (args.length === 2 || args.length === 3)) {
      return `H.${op === '<' ? 'lt' : 'le'}(${args.map(expr).join(', ')})`;
    }
    throw new Error(`cannot compile operator ${op ?? JSON.stringify(node)}`);
  };
  const body = `return H.truthy(${expr(logic)});`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const fn = new Function('A', 'K', 'H', body) as (a: Assignment, k: unknown[], h: typeof HELPERS) => boolean;
  return (a) => fn(a, constants, HELPERS);
}

export type LeafCompiler = (logic: unknown, setFacts: SetFacts, slots: SlotMap) => (a: Assignment) => boolean;

export interface ParseContext {
  setFacts: SetFacts;
  slots: SlotMap;
  compile: LeafCompiler;
}

/** Parses a condition into connectives over leaves. */
export function parseCondition(logic: unknown, ctx: ParseContext): CNode {
  const op = operatorOf(logic);
  const args = argsOf(logic);
  if (op === 'and' || op === 'or') return { op, kids: args.map((a) => parseCondition(a, ctx)), logic };
  if (op === '!') return { op: 'not', kid: parseCondition(args[0], ctx), logic };
  if (op === '!!') return { op: 'bool', kid: parseCondition(args[0], ctx), logic };
  if (op === 'if') return { op: 'if', kids: args.map((a) => parseCondition(a, ctx)), logic };
  return {
    op: 'leaf',
    logic,
    atoms: leafAtoms(logic, ctx.setFacts).map((atom) => ctx.slots.slot(atom)),
    vars: [...varsOf(logic)],
    test: ctx.compile(logic, ctx.setFacts, ctx.slots),
  };
}


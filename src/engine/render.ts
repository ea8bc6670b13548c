/**
 * Conditions in plain language, from the vocabulary's labels: what the rule
 * browser shows instead of raw JSON, and what the explanation tree is made of.
 */
import type { FactDef, Vocabulary } from './types.ts';
import { argsOf, operatorOf, varName } from './logic.ts';
import { labelOf } from './distinctions.ts';

function literal(fact: FactDef | undefined, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => literal(fact, v)).join('; ');
  if (fact && (fact.type === 'enum' || fact.type === 'set')) return labelOf(fact, value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const COMPARE: Record<string, string> = { '<': 'is below', '<=': 'is at most', '>': 'is above', '>=': 'is at least' };

/** One leaf (a comparison) as a sentence. */
export function renderLeaf(logic: unknown, vocabulary: Vocabulary): string {
  const op = operatorOf(logic);
  const args = argsOf(logic);
  const fact = (node: unknown): FactDef | undefined => {
    const name = varName(node);
    return name === undefined ? undefined : vocabulary.byKey.get(name);
  };
  if (op === 'var') {
    const f = fact(logic);
    return f ? f.label : `fact ${String(args[0])} holds`;
  }
  if (op === 'in') {
    const setFact = fact(args[1]);
    if (setFact?.type === 'set') return `${setFact.label} ${setFact.labelVerb ?? 'include'} ${literal(setFact, args[0])}`;
    const f = fact(args[0]);
    if (f && Array.isArray(args[1])) return `${f.label} is one of: ${literal(f, args[1])}`;
  }
  if (op === '==' || op === '===' || op === '!=' || op === '!==') {
    const [x, y] = args;
    const f = fact(x) ?? fact(y);
    const value = fact(x) ? y : x;
    const negated = op === '!=' || op === '!==';
    if (f?.type === 'boolean' && typeof value === 'boolean') {
      return value !== negated ? f.label : `not: ${f.label}`;
    }
    if (f) return `${f.label} ${negated ? 'is not' : 'is'} ${literal(f, value)}`;
  }
  if (op && COMPARE[op]) {
    const f = fact(args[0]);
    if (f && args.length === 2) return `${f.label} ${COMPARE[op]} ${literal(f, args[1])}`;
    const mid = fact(args[1]);
    if (mid && args.length === 3) return `${mid.label} is between ${literal(mid, args[0])} and ${literal(mid, args[2])}`;
  }
  return JSON.stringify(logic);
}

export interface RenderedNode {
  text: string;
  children: RenderedNode[];
}

/** The whole condition as nested plain-language parts (no values). */
export function renderCondition(logic: unknown, vocabulary: Vocabulary): RenderedNode {
  const op = operatorOf(logic);
  const args = argsOf(logic);
  const kids = () => args.map((a) => renderCondition(a, vocabulary));
  if (op === 'and') return { text: 'all of:', children: kids() };
  if (op === 'or') return { text: 'any of:', children: kids() };
  if (op === '!') return { text: 'not:', children: kids().slice(0, 1) };
  if (op === '!!') return renderCondition(args[0], vocabulary);
  if (op === 'if') return { text: 'if / then / otherwise:', children: kids() };
  if (logic === true) return { text: 'always', children: [] };
  return { text: renderLeaf(logic, vocabulary), children: [] };
}

/** The same as indented text lines, for the CLI and Markdown. */
export function conditionLines(node: RenderedNode, indent = ''): string[] {
  return [`${indent}- ${node.text}`, ...node.children.flatMap((c) => conditionLines(c, `${indent}  `))];
}

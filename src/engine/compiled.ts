/**
 * A corpus prepared for evaluation: every condition parsed into connectives over
 * leaves (compiled or reference), every fact's distinctions, every jurisdiction's
 * inheritance chain. Built once per corpus and cached.
 */
import { lineage } from './lineage.ts';
import type { Corpus, Provision } from './types.ts';
import { type CNode } from './kleene.ts';
import { type SlotMap, slotMap } from './assignment.ts';
import { compileTest, type LeafCompiler, parseCondition, referenceTest } from './logic.ts';
import { type AtomInfo, buildAtomInfo } from './distinctions.ts';

export interface CompiledProvision {
  p: Provision;
  when: CNode;
  met?: CNode;
}

export interface CompiledCorpus {
  corpus: Corpus;
  provisions: CompiledProvision[];
  byId: Map<string, CompiledProvision[]>;
  /** Distinctions by atom name. */
  atoms: Map<string, AtomInfo>;
  /** The same, by slot. */
  atomInfo: AtomInfo[];
  slots: SlotMap;
  setFacts: Set<string>;
  /** Jurisdiction code -> itself and everything it inherits, ancestors first. */
  chains: Map<string, string[]>;
  leafPath: 'compiled' | 'reference';
}

const cache = new WeakMap<Corpus, Map<string, CompiledCorpus>>();

/**
 * Prepares a corpus. `leafPath: 'reference'` evaluates every leaf with json-logic-js;
 * 'compiled' (default) uses generated functions, which is only ever done for the
 * bundled, linted corpus.
 */
export function compileCorpus(corpus: Corpus, leafPath: 'compiled' | 'reference' = 'compiled'): CompiledCorpus {
  let byPath = cache.get(corpus);
  if (!byPath) cache.set(corpus, (byPath = new Map()));
  const hit = byPath.get(leafPath);
  if (hit) return hit;

  const setFacts = new Set(corpus.vocabulary.facts.filter((f) => f.type === 'set').map((f) => f.key));
  const compiler: LeafCompiler = leafPath === 'compiled' ? compileTest : referenceTest;
  const conditions = corpus.provisions.flatMap((p) => (p.met === undefined ? [p.when] : [p.when, p.met]));
  const atoms = buildAtomInfo(corpus.vocabulary, conditions);
  const slots = slotMap(atoms.keys());
  const ctx = { setFacts, slots, compile: compiler };
  const provisions = corpus.provisions.map((p) => ({
    p,
    when: parseCondition(p.when, ctx),
    met: p.met === undefined ? undefined : parseCondition(p.met, ctx),
  }));
  const byId = new Map<string, CompiledProvision[]>();
  for (const cp of provisions) {
    if (!byId.has(cp.p.id)) byId.set(cp.p.id, []);
    byId.get(cp.p.id)!.push(cp);
  }
  const chains = new Map<string, string[]>();
  const loop = (code: string) => {
    throw new Error(`jurisdiction inheritance loops through ${code}`);
  };
  for (const code of corpus.jurisdictions.keys()) chains.set(code, lineage(corpus.jurisdictions, code, loop));
  const compiled: CompiledCorpus = {
    corpus,
    provisions,
    byId,
    atoms,
    atomInfo: slots.atoms.map((atom) => atoms.get(atom)!),
    slots,
    setFacts,
    chains,
    leafPath,
  };
  byPath.set(leafPath, compiled);
  return compiled;
}

export function inForceOn(p: Provision, asOf: string): boolean {
  return p.inForce.from <= asOf && (p.inForce.to === undefined || asOf <= p.inForce.to);
}

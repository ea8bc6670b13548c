/**
 * The engine's central promise, checked on thousands of random scenarios with
 * random unknown facts: a determined verdict holds for every completion of the
 * unknowns (sampled over whole domains, not just the engine's distinctions), and
 * each condition a conditional verdict names really leads to the verdict it names.
 * The check is the plain reference evaluator (json-logic-js on complete facts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateScenario, setPathFacts, type Corpus, type FactDef, type Facts, type Mode, type OutcomeCondition } from './support.ts';
import { referenceVerdict } from '../../src/engine/reference.ts';
import { bundledCorpus } from '../helpers.ts';
import { fixtureCorpus } from '../engine/fixture.ts';

type Flat = Record<string, unknown>;

function thresholds(corpus: Corpus, key: string): number[] {
  const out = new Set<number>([0]);
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (n && typeof n === 'object') {
      const args = Object.values(n)[0];
      if (Array.isArray(args) && args.some((a) => (a as { var?: string })?.var === key)) args.forEach((a) => typeof a === 'number' && [a - 1, a, a + 1].forEach((x) => out.add(x)));
      Object.values(n).forEach(visit);
    }
  };
  corpus.provisions.forEach((p) => visit([p.when, p.met]));
  return [...out];
}

function valueArb(corpus: Corpus, f: FactDef): fc.Arbitrary<unknown> {
  const domain = (f.values ?? []).map((v) => v.value);
  switch (f.type) {
    case 'boolean': return fc.boolean();
    case 'enum': return fc.constantFrom(...domain);
    case 'set': return fc.subarray(domain);
    case 'number': return fc.oneof(fc.constantFrom(...thresholds(corpus, f.key)), fc.integer({ min: 0, max: 300_000_000 }));
    case 'date': return fc.constantFrom('2000-01-01', '2020-01-01');
  }
}

function randomValue(corpus: Corpus, f: FactDef, rnd: () => number): unknown {
  const domain = (f.values ?? []).map((v) => v.value);
  switch (f.type) {
    case 'boolean': return rnd() < 0.5;
    case 'enum': return domain[Math.floor(rnd() * domain.length)];
    case 'set': return domain.filter(() => rnd() < 0.3);
    case 'number': { const t = thresholds(corpus, f.key); return rnd() < 0.5 ? t[Math.floor(rnd() * t.length)] : Math.floor(rnd() * 300_000_000); }
    case 'date': return '2020-01-01';
  }
}

/** A completion of `partial` that meets each condition, other unknowns random. */
function complete(corpus: Corpus, facts: FactDef[], partial: Flat, conditions: OutcomeCondition[], rnd: () => number): Flat {
  const out: Flat = { ...partial };
  const forced = new Map<string, OutcomeCondition[]>();
  for (const c of conditions) forced.set(c.fact, [...(forced.get(c.fact) ?? []), c]);
  for (const f of facts) {
    if (out[f.key] !== undefined) continue;
    const cs = forced.get(f.key) ?? [];
    let v = randomValue(corpus, f, rnd);
    for (const c of cs) {
      const t = c.test;
      if (t.op === '=') v = t.value;
      else if (t.op === 'not-in') v = (f.values ?? []).map((x) => x.value).find((x) => !(t.value as unknown[]).includes(x));
      else if (t.op === 'includes') v = [...new Set([...(v as string[]), t.value as string])];
      else if (t.op === 'excludes') v = (v as string[]).filter((x) => x !== t.value);
      else if (t.op === '<') v = (t.value as number) - 1;
      else if (t.op === '>') v = (t.value as number) + 1;
      else if (t.op === 'between') v = ((t.value as number) + (t.upper as number)) / 2;
    }
    out[f.key] = v;
  }
  return out;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function check(corpus: Corpus, label: string, runs: number, dates: string[]) {
  const facts = corpus.vocabulary.facts;
  const codes = [...corpus.jurisdictions.keys()];
  const arb = fc.record({
    values: fc.tuple(...facts.map((f) => valueArb(corpus, f))),
    hidden: fc.array(fc.boolean(), { minLength: facts.length, maxLength: facts.length }),
    code: fc.constantFrom(...codes),
    asOf: fc.constantFrom(...dates),
    mode: fc.constantFrom<Mode>('transplant', 'actual'),
    seed: fc.integer({ min: 1, max: 2 ** 31 }),
  });
  it(`${label}: determined verdicts hold for every sampled completion; named conditions reach their verdicts; fast paths agree`, () => {
    fc.assert(
      fc.property(arb, ({ values, hidden, code, asOf, mode, seed }) => {
        const partial: Flat = {};
        facts.forEach((f, i) => { if (!hidden[i]) partial[f.key] = values[i]; });
        const flowFacts: Facts = {};
        const legal: Facts = {};
        for (const f of facts) if (partial[f.key] !== undefined) setPathFacts(f.scope === 'jurisdiction' ? legal : flowFacts, f.key, partial[f.key]);
        const scenario = { id: 'p', title: 'p', summary: 'p', sources: [], parties: [], facts: {}, jurisdictionFacts: { [code]: legal }, flows: [{ id: 'f', label: 'f', facts: flowFacts }] };
        const r = evaluateScenario(corpus, scenario, { asOf, jurisdictions: [code], mode }).results[0];
        // The fast paths must agree with the full one.
        expect(evaluateScenario(corpus, scenario, { asOf, jurisdictions: [code], mode, detail: 'verdict' }).results[0].verdict).toBe(r.verdict);
        expect(evaluateScenario(corpus, scenario, { asOf, jurisdictions: [code], mode, detail: 'findings' }).results[0].verdict).toBe(r.verdict);
        const rnd = seeded(seed);
        const nested = (flat: Flat) => { const d: Facts = {}; for (const [k, v] of Object.entries(flat)) setPathFacts(d, k, v); return d; };
        if (r.verdict !== 'conditional') {
          for (let i = 0; i < 12; i++) {
            const got = referenceVerdict(corpus, code, asOf, mode, nested(complete(corpus, facts, partial, [], rnd)));
            if (got !== r.verdict) throw new Error(`${code} ${asOf} ${mode}: engine says ${r.verdict}, a completion gives ${got}`);
          }
        } else {
          expect(r.complete).toBe(true);
          expect(new Set(r.outcomes.map((o) => o.verdict)).size).toBeGreaterThanOrEqual(2);
          for (const o of r.outcomes) {
            for (const conj of o.when.slice(0, 4)) {
              const got = referenceVerdict(corpus, code, asOf, mode, nested(complete(corpus, facts, partial, conj, rnd)));
              if (got !== o.verdict) throw new Error(`${code} ${asOf} ${mode}: "${conj.map((c) => c.text).join(' AND ')}" should give ${o.verdict}, gives ${got}`);
            }
          }
        }
        return true;
      }),
      { numRuns: runs, seed: 4242 },
    );
  });
}

describe('completions agree with the engine', () => {
  check(fixtureCorpus(), 'synthetic corpus', 2000, ['1999-06-01', '2005-06-01', '2020-01-01']);
  check(bundledCorpus(), 'bundled corpus', 600, ['2019-06-01', '2022-04-27', '2026-11-26']);
});

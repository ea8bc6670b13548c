/**
 * The on-record reading against the open one, on thousands of random scenarios:
 * with nothing presumed the two readings agree, and taking one presumed defence as
 * shown can only move the verdict the way that defence points (an exception or
 * exemption away from forbidden, an exclusion away from forbidden or towards not
 * covered), never the other way.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateScenario, setPathFacts, type Corpus, type FactDef, type Facts, type Mode } from './support.ts';
import { bundledCorpus } from '../helpers.ts';
import { fixtureCorpus } from '../engine/fixture.ts';

const RANK = { allowed: 0, undetermined: 1, forbidden: 2 } as const;

function valueArb(f: FactDef): fc.Arbitrary<unknown> {
  const domain = (f.values ?? []).map((v) => v.value);
  switch (f.type) {
    case 'boolean': return fc.boolean();
    case 'enum': return fc.constantFrom(...domain);
    case 'set': return fc.subarray(domain);
    case 'number': return fc.constantFrom(0, 1, 99, 100, 1000, 5000, 100_000, 1_000_000, 200_000_000);
    case 'date': return fc.constantFrom('2000-01-01', '2020-01-01');
  }
}

function check(corpus: Corpus, label: string, runs: number, dates: string[]) {
  const facts = corpus.vocabulary.facts;
  const codes = [...corpus.jurisdictions.keys()];
  const arb = fc.record({
    values: fc.tuple(...facts.map(valueArb)),
    hidden: fc.array(fc.boolean(), { minLength: facts.length, maxLength: facts.length }),
    code: fc.constantFrom(...codes),
    asOf: fc.constantFrom(...dates),
    mode: fc.constantFrom<Mode>('transplant', 'actual'),
  });
  it(`${label}: nothing presumed means both readings agree; a shown defence only moves the verdict its way`, () => {
    fc.assert(
      fc.property(arb, ({ values, hidden, code, asOf, mode }) => {
        const flowFacts: Facts = {};
        const legal: Facts = {};
        facts.forEach((f, i) => { if (!hidden[i]) setPathFacts(f.scope === 'jurisdiction' ? legal : flowFacts, f.key, values[i]); });
        const scenario = { id: 'p', title: 'p', summary: 'p', sources: [], parties: [], facts: {}, jurisdictionFacts: { [code]: legal }, flows: [{ id: 'f', label: 'f', facts: flowFacts }] };
        const evaluate = (establish?: string[]) => evaluateScenario(corpus, scenario, { asOf, jurisdictions: [code], mode, detail: 'findings', establish }).results[0];
        const r = evaluate();
        const record = r.record!;
        if (record.presumptions.length === 0) {
          expect(record.verdict).toBe(r.verdict === 'conditional' ? 'undetermined' : r.verdict);
        }
        for (const p of record.presumptions.slice(0, 3)) {
          if (p.reading !== 'not-established') continue;
          const after = evaluate([p.id]).record!.verdict;
          const before = record.verdict;
          if (after === 'not-covered' || before === 'not-covered') {
            // Only an exclusion can take a flow out of every instrument; nothing brings it back in.
            if (before === 'not-covered') expect(after).toBe('not-covered');
            else expect(p.role).toBe('exclusion');
            continue;
          }
          // An exclusion may also leave coverage to an instrument whose own scope is unknown
          // (allowed to undetermined), but it can never make a rule fire.
          const worse = p.role === 'exclusion' ? after === 'forbidden' && before !== 'forbidden' : RANK[after] > RANK[before];
          if (worse) throw new Error(`${code} ${asOf} ${mode}: showing ${p.id} (${p.role}) moved ${before} to ${after}`);
        }
        return true;
      }),
      { numRuns: runs, seed: 777 },
    );
  });
}

describe('the on-record reading is the open one less the presumptions', () => {
  check(fixtureCorpus(), 'synthetic corpus', 2000, ['1999-06-01', '2005-06-01', '2020-01-01']);
  check(bundledCorpus(), 'bundled corpus', 400, ['2019-06-01', '2022-04-27', '2026-11-26']);
});

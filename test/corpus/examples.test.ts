/**
 * Every provision's own examples, run through the same engine path as the CLI's
 * lint: one test per example, named by the example's sentence.
 */
import { describe, expect, it } from 'vitest';
import { compileCorpus, runExample } from '../../src/engine/index.ts';
import { bundledCorpus } from '../helpers.ts';

const corpus = bundledCorpus();
const cc = compileCorpus(corpus);

describe.each([...corpus.jurisdictions.keys()].filter((code) => cc.provisions.some((cp) => cp.p.jurisdiction === code)))('%s provisions', (code) => {
  for (const cp of cc.provisions.filter((x) => x.p.jurisdiction === code)) {
    describe(`${cp.p.citation} (${cp.p.id}, from ${cp.p.inForce.from})`, () => {
      for (const ex of cp.p.examples) {
        it(ex.name, () => {
          expect(runExample(cc, cp, ex.facts, ex.asOf)).toBe(ex.expect);
        });
      }
    });
  }
});

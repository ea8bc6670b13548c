/**
 * A scenario's record of decisions and of where its facts come from is checked on
 * load: each decision names a flow of the scenario, a jurisdiction, and provisions
 * that jurisdiction applies; provenance names facts of the vocabulary.
 */
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/corpus/load.ts';
import type { Decision } from '../../src/engine/index.ts';
import { bundledCorpus, bundledScenario } from '../helpers.ts';
import { decisionCheck } from '../scenarios/decisions.ts';

const base = () => structuredClone(bundledScenario('bridges-south-wales-police-lfr'));
const decision = (over: Partial<Decision>): Decision => ({
  by: 'A court', source: 'https://example.org/judgment', date: '2020-08-11', jurisdiction: 'UK', flow: 'afr-locate-deployment',
  asOf: '2020-08-11', outcome: 'forbidden', breached: ['uk.eqa2010.s149.1'], ...over,
});
const messages = (s: unknown) => checkScenario(s, bundledCorpus()).problems.map((p) => `${p.path}: ${p.message}`);

describe('decisions and provenance in a scenario', () => {
  it('a well-formed record loads', () => {
    expect(messages({ ...base(), decisions: [decision({})], provenance: { '*': 'found', 'safeguards.signage': 'alleged' } })).toEqual([]);
  });

  it('names the unknown flow, provision or jurisdiction, with the nearest valid name', () => {
    expect(messages({ ...base(), decisions: [decision({ flow: 'afr-locate-deploymnt' })] })[0]).toMatch(/decisions\[0\]\.flow: unknown flow afr-locate-deploymnt.*afr-locate-deployment/);
    expect(messages({ ...base(), decisions: [decision({ breached: ['uk.eqa2010.s149'] })] })[0]).toMatch(/breached\[0\]: unknown provision uk\.eqa2010\.s149.*uk\.eqa2010\.s149\.1/);
    expect(messages({ ...base(), decisions: [decision({ jurisdiction: 'UX' })] })[0]).toMatch(/unknown jurisdiction UX/);
  });

  it('refuses a provision the jurisdiction does not apply', () => {
    expect(messages({ ...base(), decisions: [decision({ breached: ['eu.gdpr.art6.1'] })] })[0]).toMatch(/eu\.gdpr\.art6\.1 is a provision of EU, which UK does not apply/);
  });

  it('refuses a malformed outcome and an unknown fact in provenance', () => {
    expect(messages({ ...base(), decisions: [decision({ outcome: 'conditional' as 'forbidden' })] }).join('\n')).toMatch(/outcome: must be one of "forbidden", "allowed"/);
    expect(messages({ ...base(), provenance: { 'safeguards.signag': 'found' } })[0]).toMatch(/unknown fact.*safeguards\.signage/);
    expect(messages({ ...base(), provenance: { 'safeguards.signage': 'proven' } }).join('\n')).toMatch(/must be one of "found", "alleged"/);
  });
});

describe('decisionCheck', () => {
  const d = decision({ breached: ['a', 'b'] });
  it('splits the breached provisions into those the cell shows as decisive and those it does not', () => {
    expect(decisionCheck({ verdict: 'forbidden', decisive: [{ id: 'b' }, { id: 'c' }] }, d)).toEqual({ verdict: 'forbidden', outcomeMatches: true, shown: ['b'], missing: ['a'] });
  });
  it('compares the verdict with the outcome', () => {
    expect(decisionCheck({ verdict: 'conditional', decisive: [] }, d).outcomeMatches).toBe(false);
  });
});

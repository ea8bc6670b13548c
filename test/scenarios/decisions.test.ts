/**
 * Every decision recorded in a bundled scenario ("decisions": [...]) against the cell it
 * decided: the provisions the decision found breached must be among the cell's decisive
 * provisions, and the verdict must be the decision's outcome. Where lexflow cannot show a
 * finding yet, GAPS says which and why (a missing fact or provision); a gap that closes
 * fails the test too, so the list stays true.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../src/corpus/load.ts';
import { bundledCorpus, cell } from '../helpers.ts';
import { decisionCheck, decisionKey } from './decisions.ts';

interface Gap {
  /** Breached provisions that are not among the decisive ones, with the reason. */
  missing?: Record<string, string>;
  /** Why the cell stays conditional instead of giving the decision's outcome. */
  open?: string;
}

const GAPS: Record<string, Gap> = {
  'clearview-ai-eu/scraping/EU/2022-02-10': {
    missing: { 'eu.gdpr.art13': 'lexflow reads scraped photos as obtained from elsewhere (art. 14), not collected from the person (art. 13); the Garante cited both' },
  },
  'serco-leisure-biometric-attendance/facial-recognition-clocking/UK/2024-02-19': {
    missing: { 'uk.gdpr.art5.1.a': 'only the transparency limb of art. 5(1)(a) is encoded; the ICO found the clocking unfair (no real choice for staff), a judgment no fact states' },
  },
  'serco-leisure-biometric-attendance/fingerprint-clocking/UK/2024-02-19': {
    missing: { 'uk.gdpr.art5.1.a': 'only the transparency limb of art. 5(1)(a) is encoded; the ICO found the clocking unfair (no real choice for staff), a judgment no fact states' },
  },
};

const recorded = loadScenarios(bundledCorpus()).flatMap((s) => (s.decisions ?? []).map((d) => ({ scenario: s.id, d, key: decisionKey(s.id, d) })));

describe('decisions recorded in the bundled scenarios', () => {
  it('there are decisions to check, and every gap listed names one of them', () => {
    expect(recorded.length).toBeGreaterThan(10);
    const keys = new Set(recorded.map((r) => r.key));
    for (const key of Object.keys(GAPS)) expect(keys.has(key), key).toBe(true);
  });

  it.each(recorded.map((r) => [r.key, r] as const))('%s', (_key, { scenario, d, key }) => {
    const c = cell(scenario, d.flow, d.jurisdiction, d.asOf);
    const check = decisionCheck(c, d);
    const gap = GAPS[key] ?? {};
    expect(check.missing.sort(), `breached provisions not decisive (${d.by})`).toEqual(Object.keys(gap.missing ?? {}).sort());
    if (gap.open) expect(check.verdict).toBe('conditional');
    else expect(check.verdict, d.by).toBe(d.outcome);
  });
});

/**
 * Plans are remembered by the provisions in force, not by the date: dates with the same
 * provisions in force share one plan, a date on which a provision begins or ends gets its
 * own, and a flood of distinct dates leaves as many plans as the corpus has limits.
 */
import { describe, expect, it } from 'vitest';
import { compileCorpus, inForceOn } from '../../src/engine/compiled.ts';
import { planFor } from '../../src/engine/plan.ts';
import { bundledCorpus } from '../helpers.ts';

describe('plans by the provisions in force', () => {
  const corpus = bundledCorpus();
  const cc = compileCorpus(corpus);
  const ids = (code: string, asOf: string) => planFor(cc, code, asOf, 'transplant').prohibitions.map((p) => p.cp.p.id);

  it('dates with the same provisions in force share a plan; the day a provision applies gets another', () => {
    expect(planFor(cc, 'EU', '2025-03-01', 'transplant')).toBe(planFor(cc, 'EU', '2025-03-02', 'transplant'));
    // AI Act art. 5(1)(e) applies from 2 February 2025.
    expect(ids('EU', '2025-02-01')).not.toContain('eu.aiact.art5.1.e');
    expect(ids('EU', '2025-02-02')).toContain('eu.aiact.art5.1.e');
    expect(planFor(cc, 'EU', '2025-02-01', 'transplant')).not.toBe(planFor(cc, 'EU', '2025-02-02', 'transplant'));
    expect(planFor(cc, 'EU', '2025-02-02', 'transplant')).not.toBe(planFor(cc, 'EU', '2025-02-02', 'actual'));
  });

  it('on every day of a span, the plan holds exactly the provisions in force that day', () => {
    for (const code of ['KR', 'EU', 'CN', 'US-IL']) {
      const chain = cc.chains.get(code)!;
      for (let d = 0; d < 3000; d += 7) {
        const asOf = new Date(Date.UTC(2018, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        const plan = planFor(cc, code, asOf, 'transplant');
        const rules = [...plan.prohibitions, ...plan.obligations].map((r) => r.cp.p.id).sort();
        const expected = cc.provisions.filter((cp) => chain.includes(cp.p.jurisdiction) && inForceOn(cp.p, asOf) && (cp.p.kind === 'prohibition' || cp.p.kind === 'obligation')).map((cp) => cp.p.id).sort();
        expect(rules, `${code} ${asOf}`).toEqual(expected);
      }
    }
  });

  it('a flood of distinct dates makes no more plans than the corpus has limits', () => {
    const chain = cc.chains.get('KR')!;
    const limits = new Set(cc.provisions.filter((cp) => chain.includes(cp.p.jurisdiction)).flatMap((cp) => [cp.p.inForce.from, cp.p.inForce.to ?? '']));
    const seen = new Set<unknown>();
    for (let d = 0; d < 20_000; d++) seen.add(planFor(cc, 'KR', new Date(Date.UTC(1970, 0, 1) + d * 86_400_000).toISOString().slice(0, 10), 'transplant'));
    expect(seen.size).toBeLessThanOrEqual(2 * limits.size + 1);
  });
});

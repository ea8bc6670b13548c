/**
 * Teaching hypothetical (scenarios/shop-live-watchlist.json): a shop's live 1:N matching of
 * customers' faces on CCTV against its own watchlist, in an EU Member State.
 * GDPR art. 9(1) applies (face templates for unique identification, art. 4(14), recital 51);
 * no customer consents, so only art. 9(2)(g), a Member State law of substantial public interest,
 * could lift it. AI Act art. 5(1)(h) does not apply: the shop does not act for law enforcement.
 * From 2 Aug 2026 (art. 113 as published; a reported postponement to 2 Dec 2027 is unconfirmed) the
 * system is high-risk (Annex III point 1(a)) and deployer duties apply.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'shop-live-watchlist';
const AS_OF = '2025-06-01';

describe('shop live watchlist, EU', () => {
  it('with the Member State law unknown, the verdict is conditional and hinges on art. 9(2)(g) law', () => {
    const c = cell(ID, 'live-matching', 'EU', AS_OF);
    expect(c.verdict).toBe('conditional');
    expect(c.dependsOn).toContain('law.statute_authorises_sensitive');
    expect(c.dependsOn).toContain('basis.legitimate_interest_overrides');
    expect(c.decisive.map((d) => d.citation)).toEqual(expect.arrayContaining(['GDPR art. 9(1)', 'GDPR art. 6(1)']));
  });

  it('where no Member State law provides a ground, GDPR art. 9(1) forbids it', () => {
    expect(matrix(ID, AS_OF, ['EU'])['live-matching-no-law'].EU).toBe('forbidden');
    expect(decisiveCitations(ID, 'live-matching-no-law', 'EU', AS_OF)).toContain('GDPR art. 9(1)');
  });

  it('the AI Act ban on real-time identification for law enforcement does not reach a shop', () => {
    const citations = cell(ID, 'live-matching', 'EU', AS_OF).decisive.map((d) => d.citation);
    expect(citations).not.toContain('AI Act art. 5(1)(h)');
    expect(decisiveCitations(ID, 'live-matching-no-law', 'EU', AS_OF)).not.toContain('AI Act art. 5(1)(h)');
  });

  it('from 2 Aug 2026 the high-risk deployer duty of human oversight (art. 26(2), Annex III 1(a)) is open', () => {
    const c = cell(ID, 'live-matching', 'EU', '2026-08-02');
    expect(c.obligations.map((o) => o.citation)).toContain('AI Act art. 26(2) with art. 6(2) and Annex III points 1(a), 7(d)');
    expect(cell(ID, 'live-matching', 'EU', '2026-08-01').obligations.map((o) => o.citation)).not.toContain(
      'AI Act art. 26(2) with art. 6(2) and Annex III points 1(a), 7(d)',
    );
  });
});

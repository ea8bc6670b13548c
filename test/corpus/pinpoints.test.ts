/**
 * The pinpoint comparator that the lint's statute-order pass uses: citations in
 * the instrument's own order, whatever the citation style.
 */
import { describe, expect, it } from 'vitest';
import { comparePinpoints } from '../../src/corpus/pinpoints.ts';

/** Each list is in the instrument's order; the comparator must agree pair by pair. */
const ORDERED: Record<string, string[]> = {
  'articles, paragraphs and items (Korea)': ['PIPA art. 2(5)', 'PIPA art. 17(1) item 2', 'PIPA art. 17(3) (before 15 Sep 2023)', 'PIPA art. 17(4)', 'PIPA art. 18(2) item 2', 'PIPA art. 18(2) item 10', 'PIPA art. 25(1) item 3', 'PIPA art. 25-2(1)', 'PIPA art. 26(1)', 'PIPA art. 75'],
  'lettered sub-points (EU)': ['GDPR art. 6(1)(f)', 'GDPR art. 6(4) (consent or law)', 'GDPR art. 9(2)(h) and (3)', 'GDPR art. 9(2)(i)', 'GDPR art. 89(1)'],
  'roman sub-points (China)': ['PIPL art. 13(1)(i), art. 14(1)', 'PIPL art. 13(1)(iv)', 'PIPL art. 13(1)(vi), art. 27', 'PIPL art. 13(1)(vii)', 'PIPL art. 72(1)'],
  'inserted provisions (UK)': ['UK GDPR art. 6(1)(e) with DPA 2018 s. 8', 'UK GDPR art. 6(1)(ea) with art. 6(5)', 'UK GDPR art. 6(1)(f)', 'UK GDPR art. 22(2)(c)', 'UK GDPR art. 22B(1)', 'UK GDPR art. 44A (inserted 2025)', 'UK GDPR art. 45(1)'],
  'sections and subsections (US)': ["740 ILCS 14/10 ('private entity')", '740 ILCS 14/15(a) (destruction)', '740 ILCS 14/15(b)', '740 ILCS 14/15(b)(1)-(3); 14/10', '740 ILCS 14/20', 'Tex. Bus. & Com. Code § 503.001(b)', 'Tex. Bus. & Com. Code § 503.001(b-1)', 'Tex. Bus. & Com. Code § 503.001(c)(1)(C)', 'Tex. Bus. & Com. Code § 503.001(c)(1)(D)'],
  'sections before schedules (Australia)': ['Privacy Act 1988 (Cth) s. 13G', 'Privacy Act 1988 (Cth) s. 16A, item 1', 'Privacy Act 1988 (Cth) s. 52', 'Privacy Act 1988 (Cth) Sch. 1, APP 3.3(a)', 'Privacy Act 1988 (Cth) Sch. 1, APP 11.1', 'Privacy Act 1988 (Cth) Sch. 2, cl. 7'],
  'regulations of a statutory instrument (UK)': ['Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011, reg. 3(1)', 'Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011, reg. 8(1)(a)', 'Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011, reg. 8(1)(d)', 'Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011, reg. 8(3)', 'Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011, reg. 11(1)', 'SI 2011/1064 regs. 12-13'],
  'caput, incisos in roman numerals, then paragraphs (Brazil)': ['LGPD art. 7(IV)', 'LGPD art. 7(IX)', 'LGPD art. 18(IV) and (VI)', 'LGPD art. 18 §2', 'LGPD art. 26 caput', 'LGPD art. 26 §1(III)', 'LGPD art. 26 §2'],
};

describe('pinpoint order', () => {
  for (const [style, citations] of Object.entries(ORDERED)) {
    it(`orders ${style}`, () => {
      for (let i = 1; i < citations.length; i++) {
        expect(comparePinpoints(citations[i - 1], citations[i]), `${citations[i - 1]} before ${citations[i]}`).toBeLessThan(0);
        expect(comparePinpoints(citations[i], citations[i - 1]), `${citations[i]} after ${citations[i - 1]}`).toBeGreaterThan(0);
      }
    });
  }

  it('orders "Sch. 1 para 6" by its schedule and paragraph', () => {
    expect(comparePinpoints('Sch. 1 para 6', 'Sch. 1 para 10')).toBeLessThan(0);
    expect(comparePinpoints('Sch. 1 para 6', 'Sch. 2 para 1')).toBeLessThan(0);
  });

  it('orders by the first pinpoint only: what follows ";", "with" or a comment does not move a provision', () => {
    expect(comparePinpoints('PIPA art. 26(2); Enforcement Decree art. 28(2)-(3)', 'PIPA art. 26(2)')).toBe(0);
    expect(comparePinpoints('PIPL art. 23 (separate consent)', 'PIPL art. 23')).toBe(0);
  });
});

/**
 * Clearview AI in the UK.
 * - ICO Monetary Penalty Notice (GBP 7,552,800) and Enforcement Notice, 18 May 2022 (announced
 *   23 May 2022): no lawful basis, special-category (biometric) standards not met, unfair and
 *   opaque processing, no retention limit; GDPR for processing to end-2020, UK GDPR after.
 * - First-tier Tribunal, 17 Oct 2023: appeal allowed on jurisdiction only (processing related to
 *   monitoring behaviour in the UK, but outside material scope because the clients were foreign
 *   state bodies).
 * - Upper Tribunal, The Information Commissioner v Clearview AI Inc [2025] UKUT 319 (AAC),
 *   decided 6 Oct 2025: ICO appeal allowed on 3 of 4 grounds; the Commissioner had jurisdiction
 *   (art. 3(2)(b) behavioural monitoring; a private provider's own processing is not excluded by
 *   its clients' foreign state functions). Clearview's substantive appeal was remitted to the FTT
 *   and, on the sources read, is undecided. So these tests assert the ICO's findings on the
 *   merits (untested by any tribunal) and the UT's holding on jurisdiction.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'clearview-ai-uk';
const MPN = '2022-05-18';

describe('Clearview AI (ICO 2022; FTT 2023; UT [2025] UKUT 319 (AAC))', () => {
  it('the ICO found the scraping, indexing and searching of UK faces unlawful', () => {
    const m = matrix(ID, MPN, ['UK']);
    expect(m['scraping-and-indexing'].UK).toBe('forbidden');
    expect(m['client-searches'].UK).toBe('forbidden');
  });

  it('no lawful basis under UK GDPR art. 6(1) and no art. 9(2) condition for the face vectors (ICO MPN, 18 May 2022)', () => {
    const citations = decisiveCitations(ID, 'scraping-and-indexing', 'UK', MPN);
    expect(citations).toContain('UK GDPR art. 6(1)');
    expect(citations).toContain('UK GDPR art. 9(1)');
  });

  it('read with its own territorial scope, the UK GDPR reaches a US company with no UK establishment: art. 3(2)(b) (UT 2025, reversing the FTT on material scope)', () => {
    const m = matrix(ID, MPN, ['UK'], 'actual');
    expect(m['scraping-and-indexing'].UK).toBe('forbidden');
    expect(m['client-searches'].UK).toBe('forbidden');
  });

  it('the ICO applied the GDPR to processing before 2021 and the UK GDPR after: forbidden on both sides of the switch', () => {
    expect(matrix(ID, '2020-06-01', ['UK'], 'actual')['scraping-and-indexing'].UK).toBe('forbidden');
    expect(matrix(ID, '2026-11-26', ['UK'], 'actual')['scraping-and-indexing'].UK).toBe('forbidden');
  });

  // ICO Monetary Penalty Notice to Clearview AI Inc, 18 May 2022: GBP 7,552,800 (jurisdiction upheld by
  // the Upper Tribunal, [2025] UKUT 319 (AAC); the appeal on the merits was remitted to the FTT).
  it('the cell lists the penalty notice remedy the ICO used (UK GDPR art. 83(5) with DPA 2018 s. 155)', () => {
    const remedies = cell(ID, 'scraping-and-indexing', 'UK', MPN).remedies;
    expect(remedies).toContainEqual(expect.objectContaining({ citation: 'UK GDPR art. 83(5) with DPA 2018 ss. 155 and 157', status: 'available' }));
  });
});

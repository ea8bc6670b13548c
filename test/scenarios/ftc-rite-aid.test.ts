/**
 * FTC v. Rite Aid Corp., No. 2:23-cv-05023 (E.D. Pa.), stipulated order announced 19 Dec 2023:
 * store face recognition against a watchlist without risk assessment, accuracy testing or notice
 * is, as the FTC applies s.5 of the FTC Act (with its 18 May 2023 biometric policy statement), unfair.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations } from '../helpers.ts';

const ID = 'ftc-rite-aid';
const FLOW = 'store-watchlist-matching';
const AS_OF = '2023-12-19';

describe('FTC v. Rite Aid (Dec 2023)', () => {
  it('the watchlist matching is forbidden at federal level as the FTC applies s.5', () => {
    expect(cell(ID, FLOW, 'US', AS_OF).verdict).toBe('forbidden');
  });

  it('each failure the FTC alleged is a decisive ground: no risk assessment, no accuracy testing, no notice', () => {
    const cites = decisiveCitations(ID, FLOW, 'US', AS_OF);
    expect(cites).toContain('15 U.S.C. § 45(a)(1), (n): failure to assess foreseeable harms of facial recognition (FTC enforcement position)');
    expect(cites).toContain('15 U.S.C. § 45(a)(1), (n): failure to test facial recognition for accuracy and bias (FTC enforcement position)');
    expect(cites).toContain('15 U.S.C. § 45(a)(1), (n): surreptitious use of facial recognition (FTC enforcement position)');
  });

  it('the cell lists the s.13(b) court injunction, the route of the stipulated order that banned facial recognition for five years', () => {
    // FTC v. Rite Aid Corp., No. 2:23-cv-05023 (E.D. Pa.): complaint under s.13(b), 15 U.S.C. s.53(b); stipulated order
    // for permanent injunction filed 19 Dec 2023 bans Rite Aid's facial recognition for security or surveillance for 5 years.
    const c = cell(ID, FLOW, 'US', AS_OF);
    expect(c.remedies).toContainEqual(expect.objectContaining({ id: 'us.ftca.s13b', citation: '15 U.S.C. § 53(b)', status: 'available' }));
  });

  it('every state inherits the federal position (Illinois additionally through BIPA s.15(b))', () => {
    for (const code of ['US-IL', 'US-TX', 'US-WA', 'US-CA', 'US-CO']) expect(cell(ID, FLOW, code, AS_OF).verdict).toBe('forbidden');
    expect(decisiveCitations(ID, FLOW, 'US-IL', AS_OF)).toContain('740 ILCS 14/15(b)');
  });
});

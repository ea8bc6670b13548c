/**
 * Teaching hypothetical: a retailer sells its shoppers' face templates to a data broker.
 * BIPA 15(c) bans any sale; CUBI s.503.001(c)(1) bars sale and disclosure without a listed ground;
 * RCW 19.375 excludes data generated from photographs but the My Health My Data Act (RCW 19.373.070)
 * requires a signed authorisation to sell; the CCPA requires notice, an opt-out and a 'limit' link; Colorado (HB 24-1130)
 * bars the sale of biometric identifiers outright.
 */
import { describe, expect, it } from 'vitest';
import { decisiveCitations, matrix } from '../helpers.ts';

const ID = 'retailer-sells-face-templates';
const AS_OF = '2026-11-26';

describe('retailer sells face templates (hypothetical)', () => {
  it('the sale is forbidden in every encoded state', () => {
    const m = matrix(ID, AS_OF, ['US-IL', 'US-TX', 'US-WA', 'US-CA', 'US-CO']);
    for (const code of ['US-IL', 'US-TX', 'US-WA', 'US-CA', 'US-CO']) expect(m['sale-to-broker'][code]).toBe('forbidden');
  });

  it('Illinois: BIPA 15(c) (sale) and 15(d) (disclosure)', () => {
    const cites = decisiveCitations(ID, 'sale-to-broker', 'US-IL', AS_OF);
    expect(cites).toContain('740 ILCS 14/15(c)');
    expect(cites).toContain('740 ILCS 14/15(d)');
  });

  it('Texas: CUBI (c)(1); Washington: MHMDA s.070, not RCW 19.375; California: CCPA notice and opt-out of sale', () => {
    expect(decisiveCitations(ID, 'sale-to-broker', 'US-TX', AS_OF)).toContain('Tex. Bus. & Com. Code § 503.001(c)(1)');
    const wa = decisiveCitations(ID, 'sale-to-broker', 'US-WA', AS_OF);
    // Pinpoint refined in review: the sale ban is RCW 19.373.070(1); (2) sets the contents of a valid authorization.
    expect(wa).toContain('RCW 19.373.070(1)');
    expect(wa.some((c) => c.startsWith('RCW 19.375'))).toBe(false);
    expect(decisiveCitations(ID, 'sale-to-broker', 'US-CA', AS_OF)).toContain('Cal. Civ. Code §§ 1798.120(b), 1798.135(a)');
  });

  it('Colorado (from 1 Jul 2025): the sale ban of HB 24-1130 decides, and it has no consent exception', () => {
    expect(decisiveCitations(ID, 'sale-to-broker', 'US-CO', AS_OF)).toContain('C.R.S. § 6-1-1314 (no sale of biometric identifiers)');
  });

  it('before the My Health My Data Act, Washington did not cover face templates at all (2019)', () => {
    expect(matrix(ID, '2019-06-01', ['US-WA'])['sale-to-broker']['US-WA']).toBe('not-covered');
  });
});

/**
 * Rosenbach v. Six Flags Entertainment Corp., 2019 IL 123186 (Ill. Supreme Court, 25 Jan 2019):
 * a season-pass holder's thumbprint taken without the written notice and written release of
 * 740 ILCS 14/15(b) is a violation, and the person is 'aggrieved' under s.20 without further harm.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations } from '../helpers.ts';

const ID = 'rosenbach-six-flags';
const FLOW = 'season-pass-thumbprint';

describe('Rosenbach v. Six Flags (2019 IL 123186)', () => {
  it('the thumbprint scan without written notice and release is forbidden in Illinois, under BIPA s.15(b)', () => {
    expect(cell(ID, FLOW, 'US-IL', '2019-01-25').verdict).toBe('forbidden');
    expect(decisiveCitations(ID, FLOW, 'US-IL', '2019-01-25')).toContain('740 ILCS 14/15(b)');
  });

  it('the violation needs no further harm: the verdict rests on s.15(b) alone, not on any injury fact', () => {
    const c = cell(ID, FLOW, 'US-IL', '2019-01-25');
    expect(c.dependsOn.some((f) => /harm|injur|damage/.test(f))).toBe(false);
  });

  it('the cell lists the s.20 right of action as available: the Court held the person aggrieved without further harm', () => {
    // Rosenbach v. Six Flags Entertainment Corp., 2019 IL 123186 (25 Jan 2019): a violation of s.15(b) alone makes the person 'aggrieved' under s.20.
    const c = cell(ID, FLOW, 'US-IL', '2019-01-25');
    expect(c.remedies).toContainEqual(expect.objectContaining({ id: 'us.il.bipa.s20', citation: '740 ILCS 14/20', status: 'available' }));
  });

  it('the same facts stay forbidden after the 2024 amendment (P.A. 103-0769 limits recovery, not liability)', () => {
    expect(decisiveCitations(ID, FLOW, 'US-IL', '2026-11-26')).toContain('740 ILCS 14/15(b)');
  });

  it('federal law has no general biometric statute: the fingerprint flow is not covered federally, never allowed', () => {
    expect(cell(ID, FLOW, 'US', '2019-01-25').verdict).toBe('not-covered');
  });
});

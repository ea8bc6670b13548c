/**
 * Teaching hypothetical: an Illinois employer's fingerprint time clock (the pattern of
 * Cothron v. White Castle, 2023 IL 128004). Without notice and a written release it breaks
 * BIPA 15(b); passing templates to the vendor without consent breaks 15(d); with notice,
 * an e-signed release (s.10 as amended by P.A. 103-0769), a public retention schedule and
 * secure storage it is allowed.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations } from '../helpers.ts';

const ID = 'employer-fingerprint-clock-illinois';
const AS_OF = '2025-06-01';

describe('employer fingerprint clock in Illinois (hypothetical)', () => {
  it('enrolment without notice or release is forbidden under 15(b), and 15(a) is breached', () => {
    const cites = decisiveCitations(ID, 'clock-enrolment', 'US-IL', AS_OF);
    expect(cites).toContain('740 ILCS 14/15(b)');
    expect(cites).toContain('740 ILCS 14/15(a)');
  });

  it('sending templates to the clock vendor without consent is forbidden under 15(d)', () => {
    expect(decisiveCitations(ID, 'vendor-disclosure', 'US-IL', AS_OF)).toContain('740 ILCS 14/15(d)');
  });

  it('with notice, an e-signed release, a public schedule and secure storage the clock is allowed', () => {
    const c = cell(ID, 'clock-with-release', 'US-IL', AS_OF);
    expect(c.verdict).toBe('allowed');
    expect(c.decisive.map((d) => d.citation)).toContain("740 ILCS 14/15(b)(1)-(3); 14/10 ('written release')");
  });

  it('Colorado (from 1 Jul 2025) lets an employer make consent a condition of employment for time recording', () => {
    expect(cell(ID, 'clock-with-release', 'US-CO', '2026-11-26').verdict).toBe('allowed');
    expect(cell(ID, 'clock-enrolment', 'US-CO', '2026-11-26').verdict).toBe('forbidden');
  });

  it("Washington's laws do not reach an employer's time clock (no marketing purpose; employees are not MHMDA consumers)", () => {
    expect(cell(ID, 'clock-enrolment', 'US-WA', '2026-11-26').verdict).toBe('not-covered');
  });
});

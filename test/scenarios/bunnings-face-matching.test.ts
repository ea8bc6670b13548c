/**
 * Bunnings in-store face matching. Commissioner initiated investigation into Bunnings Group
 * Limited (Privacy) [2024] AICmr 230 (29 Oct 2024): breaches of APPs 1.2, 1.3, 3.3 and 5.1.
 * Bunnings Group Limited and Privacy Commissioner (Guidance and Appeals Panel) [2026] ARTA 130
 * (4 Feb 2026): APP 3.3 finding set aside (s. 16A item 2 permitted general situation applied);
 * APP 1.2, 1.3 and 5.1 findings affirmed.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'bunnings-face-matching';
const AS_OF = '2021-11-01'; // during operation (Nov 2018 - Nov 2021)
const APP12 = 'Privacy Act 1988 (Cth) Sch. 1, APP 1.2';
const APP13 = 'Privacy Act 1988 (Cth) Sch. 1, APP 1.3-1.4';
const APP33 = "Privacy Act 1988 (Cth) Sch. 1, APP 3.3; s. 6(1) ('sensitive information' (d)-(e))";
const APP51 = 'Privacy Act 1988 (Cth) Sch. 1, APP 5.1-5.2';

describe('Bunnings face matching, on the facts as the Tribunal found them ([2026] ARTA 130)', () => {
  it('is forbidden in Australia for the notice and governance breaches (APP 1 and APP 5)', () => {
    expect(matrix(ID, AS_OF, ['AU'])['entry-matching-tribunal'].AU).toBe('forbidden');
    const cites = decisiveCitations(ID, 'entry-matching-tribunal', 'AU', AS_OF);
    expect(cites).toEqual(expect.arrayContaining([APP12, APP13, APP51]));
  });

  it('does not rest on APP 3.3: the s. 16A item 2 permitted general situation lifts it', () => {
    expect(decisiveCitations(ID, 'entry-matching-tribunal', 'AU', AS_OF)).not.toContain(APP33);
    const c = cell(ID, 'entry-matching-tribunal', 'AU', AS_OF);
    const app33 = c.explanation!.prohibitions.find((p) => p.provision.citation === APP33);
    expect(app33?.status).toBe('lifted');
    expect(app33?.exceptions.filter((e) => e.holds === 'true').map((e) => e.provision.citation)).toContain(
      'Privacy Act 1988 (Cth) s. 16A, item 2 (via APP 3.4(b), 6.2(c))',
    );
  });
});

describe("Bunnings face matching, on the Commissioner's facts ([2024] AICmr 230)", () => {
  it('breaches APP 3.3 as well as APPs 1.2, 1.3 and 5.1', () => {
    const cites = decisiveCitations(ID, 'entry-matching-commissioner', 'AU', AS_OF);
    expect(cites).toEqual(expect.arrayContaining([APP33, APP12, APP13, APP51]));
  });

  it("lists the Commissioner's determination power (s. 52), which [2024] AICmr 230 exercised against Bunnings", () => {
    // [2024] AICmr 230 was a determination under s. 52 declaring that Bunnings interfered with privacy.
    const c = cell(ID, 'entry-matching-commissioner', 'AU', AS_OF);
    expect(c.remedies.map((r) => r.citation)).toContain('Privacy Act 1988 (Cth) s. 52');
  });
});

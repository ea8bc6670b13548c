/**
 * Teaching hypothetical: a state police agency runs face matching. BIPA binds 'private entities'
 * only (740 ILCS 14/10: a State or local government agency is not one) and exempts contractors
 * working for such an agency (14/25(e)); the other encoded US instruments bind businesses.
 * The verdict must be 'not covered', never 'allowed'.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'state-agency-face-matching';
const CODES = ['US', 'US-IL', 'US-TX', 'US-WA', 'US-CA', 'US-CO'];

describe('state agency face matching (hypothetical)', () => {
  for (const asOf of ['2019-06-01', '2026-11-26']) {
    it(`no encoded US instrument covers it, and nothing says allowed (as of ${asOf})`, () => {
      const m = matrix(ID, asOf, CODES);
      for (const flow of ['agency-matching', 'agency-to-vendor']) for (const code of CODES) expect(m[flow][code]).toBe('not-covered');
    });
  }

  it('in Illinois BIPA is out of scope because the agency is not a private entity', () => {
    expect(cell(ID, 'agency-matching', 'US-IL', '2026-11-26').verdict).toBe('not-covered');
    expect(decisiveCitations(ID, 'agency-matching', 'US-IL', '2026-11-26')).toContain("740 ILCS 14/10 ('private entity')");
  });

  it("in Illinois the agency's contracted vendor is exempt under s.25(e)", () => {
    expect(decisiveCitations(ID, 'agency-to-vendor', 'US-IL', '2026-11-26')).toContain('740 ILCS 14/25(e)');
  });
});

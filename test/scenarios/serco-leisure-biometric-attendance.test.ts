/**
 * Serco Leisure: the Information Commissioner's enforcement notices of 19 February 2024
 * (announced 23 Feb 2024) against facial-recognition and fingerprint clocking of more than
 * 2,000 leisure-centre employees. The ICO found the processing unlawful under UK GDPR
 * arts 5(1)(a), 6 and 9: biometrics were not necessary for attendance and pay where cards,
 * fobs or timesheets would do, no alternative was offered, and the imbalance of power between
 * employer and staff left no real choice. Only the transparency limb of art. 5(1)(a) is
 * encoded, not fairness, so that finding cannot show (see GAPS in decisions.test.ts); the
 * arts 6 and 9 findings do.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'serco-leisure-biometric-attendance';
const NOTICE = '2024-02-19';

describe('Serco Leisure (ICO enforcement notices, 19 Feb 2024)', () => {
  it('the ICO found both the facial-recognition and the fingerprint clocking unlawful under the UK GDPR', () => {
    const m = matrix(ID, NOTICE, ['UK']);
    expect(m['facial-recognition-clocking'].UK).toBe('forbidden');
    expect(m['fingerprint-clocking'].UK).toBe('forbidden');
  });

  it('no art. 6 basis: neither contract, legitimate interests nor consent covered biometric clocking (ICO, Serco Leisure)', () => {
    expect(decisiveCitations(ID, 'facial-recognition-clocking', 'UK', NOTICE)).toContain('UK GDPR art. 6(1)');
  });

  it('no art. 9(2) condition: biometrics were not necessary for employment-law duties (art. 9(2)(b) with DPA 2018 Sch. 1 para. 1) and staff had no real choice (art. 9(2)(a))', () => {
    for (const flow of ['facial-recognition-clocking', 'fingerprint-clocking']) {
      expect(decisiveCitations(ID, flow, 'UK', NOTICE)).toContain('UK GDPR art. 9(1)');
    }
  });

  it('the verdict rests on the necessity and free-choice findings, not on a missing policy document', () => {
    const c = cell(ID, 'fingerprint-clocking', 'UK', NOTICE);
    expect(c.verdict).toBe('forbidden');
    // The employment condition fails on necessity alone (basis.employment_obligation = false),
    // so whether Serco had an appropriate policy document does not matter.
    expect(c.decisive.map((d) => d.citation)).not.toContain('DPA 2018 s. 10 and Sch. 1 para. 1 (UK GDPR art. 9(2)(b))');
  });

  it('the scheme ran from 2017, under the EU GDPR as it applied in the UK until 2020: forbidden then too', () => {
    expect(matrix(ID, '2019-06-01', ['UK'])['facial-recognition-clocking'].UK).toBe('forbidden');
  });
});

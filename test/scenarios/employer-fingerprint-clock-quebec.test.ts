/**
 * Teaching hypothetical (no decision): a Québec employer's fingerprint time clock under the IT
 * framework Act (CQLR c. C-1.1) ss. 44-45 and the private-sector Act (CQLR c. P-39.1). The
 * expectations follow the statutes and the CAI's published guidance on biometric consent.
 */
import { describe, expect, it } from 'vitest';
import { decisiveCitations, matrix } from '../helpers.ts';

const ID = 'employer-fingerprint-clock-quebec';
const AS_OF = '2024-01-15';

describe('Québec fingerprint time clock', () => {
  const m = matrix(ID, AS_OF, ['CA', 'CA-QC']);

  it('is allowed in Québec when consent is express and free, the database declared and assessed', () => {
    expect(m['by-the-book']['CA-QC']).toBe('allowed');
    expect(decisiveCitations(ID, 'by-the-book', 'CA-QC', AS_OF)).toContain('C-1.1 s. 44, para. 1 (express consent)');
  });

  it('is forbidden by s. 44 when fingerprints are a condition of the job with no alternative', () => {
    expect(m['no-alternative']['CA-QC']).toBe('forbidden');
    expect(decisiveCitations(ID, 'no-alternative', 'CA-QC', AS_OF)).toContain('C-1.1 s. 44, para. 1, first sentence');
  });

  it('is forbidden by s. 45 when the database was not declared to the CAI', () => {
    expect(m['database-not-declared']['CA-QC']).toBe('forbidden');
    expect(decisiveCitations(ID, 'database-not-declared', 'CA-QC', AS_OF)).toEqual([
      'C-1.1 s. 45, paras. 1-2 (as amended by S.Q. 2021, c. 25)',
    ]);
  });

  it('is not covered federally: PIPEDA does not reach a provincially regulated employer\'s staff data', () => {
    expect(m['by-the-book'].CA).toBe('not-covered');
    expect(decisiveCitations(ID, 'by-the-book', 'CA', AS_OF)).toContain('PIPEDA s. 4(1)');
  });
});

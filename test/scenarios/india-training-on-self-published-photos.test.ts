/**
 * Teaching hypothetical (no real decision): an Indian start-up trains face recognition on photos.
 * The law exercised is the DPDP Act 2023:
 *   - s. 3(c)(ii)(A): the Act does not apply to personal data that the Data Principal herself made
 *     publicly available (illustration: a person blogging on social media);
 *   - s. 4(1): otherwise processing needs consent (s. 6) or a legitimate use (s. 7), a closed list
 *     with no legitimate-interests ground; the Act has no separate sensitive/biometric category;
 *   - commencement: ss. 3-17 take effect 18 months after the notification of 13 Nov 2025 (encoded
 *     as 13 May 2027; sources say 13 or 14 May), so the dates used here avoid the uncertain day.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'india-training-on-self-published-photos';
const ASOF = '2027-06-01';

describe('India: training on self-published photos (hypothetical, DPDP Act s. 3(c)(ii))', () => {
  it('photos the users posted publicly themselves are outside the Act: not covered (not "allowed")', () => {
    expect(matrix(ID, ASOF, ['IN'])['self-published'].IN).toBe('not-covered');
    expect(decisiveCitations(ID, 'self-published', 'IN', ASOF)).toContain('DPDP Act s. 3(c)(ii)(A)');
    // The exclusion hinges on who published the data.
    expect(cell(ID, 'self-published', 'IN', ASOF).dependsOn).toContain('data.made_public_by_subject');
  });

  it('photos of people that others posted stay within the Act, and with no consent or legitimate use s. 4(1) forbids the training', () => {
    expect(matrix(ID, ASOF, ['IN'])['posted-by-others'].IN).toBe('forbidden');
    expect(decisiveCitations(ID, 'posted-by-others', 'IN', ASOF)).toContain('DPDP Act s. 4(1)');
  });

  it('in Nov 2026 the Act\'s obligations are not yet in force, so neither flow is covered', () => {
    const m = matrix(ID, '2026-11-26', ['IN']);
    expect(m['self-published'].IN).toBe('not-covered');
    expect(m['posted-by-others'].IN).toBe('not-covered');
  });

  it('contrast, Brazil: the LGPD has no exclusion for self-published data, and face templates are sensitive (art. 11)', () => {
    expect(matrix(ID, ASOF, ['BR'])['self-published'].BR).toBe('forbidden');
    expect(decisiveCitations(ID, 'self-published', 'BR', ASOF)).toContain('LGPD art. 11 (with art. 5(II))');
  });

  it('contrast, Singapore: open; the PDPA\'s publicly-available exception and legitimate interests decide', () => {
    const c = cell(ID, 'self-published', 'SG', ASOF);
    expect(c.verdict).toBe('conditional');
    expect(c.dependsOn).toContain('data.publicly_available');
  });
});

/**
 * Golden: the seed scenario (Korean immigration face photos) transplanted into China.
 * Legal-order facts (authorising statutes, CAC approvals) are unknown outside Korea in transplant mode.
 */
import { describe, expect, it } from 'vitest';
import { cell, matrix } from '../helpers.ts';

const ID = 'kr-immigration-faces';
const FLOWS = ['collection', 'moj-to-msit', 'provision-training', 'provision-validation', 'provision-citizens', 'companies-training', 'airport-cctv'];

describe('seed scenario, China', () => {
  it('2019-06-01: every flow is not covered (the PIPL took effect on 1 Nov 2021; no earlier instrument is encoded)', () => {
    const m = matrix(ID, '2019-06-01', ['CN']);
    for (const f of FLOWS) expect(m[f].CN).toBe('not-covered');
  });

  it('2026-11-26: every flow is conditional', () => {
    const m = matrix(ID, '2026-11-26', ['CN']);
    // collection: PIPL art. 13(1)(iii) (statutory duty) lifts arts. 13 and 29, but the open duties of
    //   arts. 28(2), 35, 55 and, for face matching at the border (1:1 verification, 170m people),
    //   FRT Measures arts. 4, 8 (storage off-device?), 9, 10 (an alternative?), 15 (filing) decide.
    // moj-to-msit: a disclosure to another ministry; whether the MSIT is a processor (art. 21) or a
    //   recipient, and whether the photos are processed for identification (FRT scope), are unknown.
    // provision-*: whether the ministry acts within a statutory duty (art. 34, art. 13(1)(iii)) and
    //   whether a statute authorises it (art. 13(1)(vii)) are unknown; no consent (arts. 23, 29).
    //   The FRT Measures do not apply: training and validation are excluded (FRT art. 2(2)).
    // companies-training: no consent; a ground of art. 13(1)(iii)/(vii) is unknown (arts. 13, 29).
    // airport-cctv: border control counts as public security (art. 26; FRT art. 13), but signs,
    //   on-device storage, assessment, filing and the necessity test are unknown.
    for (const f of FLOWS) expect(m[f].CN).toBe('conditional');
  });

  it('2026: the provision to companies hinges on the statutory-duty and statute facts, not on the FRT Measures', () => {
    const c = cell(ID, 'provision-training', 'CN', '2026-11-26');
    expect(c.dependsOn).toEqual(expect.arrayContaining(['sender.public_task_by_law', 'law.statute_authorises', 'recipient.role']));
    const cites = c.decisive.map((d) => d.citation);
    expect(cites).toEqual(expect.arrayContaining(['PIPL art. 13(1)', 'PIPL art. 29', 'PIPL art. 34']));
    expect(cites.some((x) => x.startsWith('FRT Measures'))).toBe(false);
  });

  it('2026: live airport identification hinges on signs, storage and the non-exclusivity facts', () => {
    const c = cell(ID, 'airport-cctv', 'CN', '2026-11-26');
    expect(c.dependsOn).toEqual(expect.arrayContaining(['safeguards.signage', 'tech.face_data_on_device', 'tech.non_biometric_alternative_exists']));
    // Border control is read as maintaining public security: PIPL art. 26 does not forbid it outright.
    expect(c.decisive.map((d) => d.citation)).not.toContain('PIPL art. 26, first sentence (public security only)');
  });

  it('2026: the collection hinges on duties, not on consent (art. 13(1)(iii) lifts the consent rules)', () => {
    const c = cell(ID, 'collection', 'CN', '2026-11-26');
    expect(c.dependsOn).not.toContain('basis.consent');
    expect(c.dependsOn).toEqual(expect.arrayContaining(['basis.notice_given', 'safeguards.impact_assessment_done']));
  });
});

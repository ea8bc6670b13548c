/**
 * Golden: the seed scenario (scenarios/kr-immigration-faces.json), Brazil, India and Singapore
 * columns, transplanted (as if each flow happened inside the jurisdiction). Legal-order facts are
 * stated for Korea only, so outside Korea "a statute provides for this" is unknown.
 *
 * 2019-06-01
 *   BR: the LGPD was enacted (Lei nº 13.709/2018) but not yet in force (18 Sep 2020; sanctions
 *       1 Aug 2021): no encoded instrument applies -> not covered in every flow.
 *   IN: the DPDP Act did not exist (assent 11 Aug 2023); the IT Act s. 43A / SPDI Rules 2011
 *       are not encoded -> not covered.
 *   SG: the PDPA binds organisations, not public agencies (s. 4(1)(c)): every ministry flow is
 *       not covered. The companies' own training is a private organisation's use: s. 13 needs
 *       consent (none) unless deemed (s. 15(1)) or excepted (publicly available data, another
 *       written law) -> conditional on those unknowns.
 * 2026-11-26
 *   BR: in force. Collection and airport CCTV by the immigration authority: art. 7 III is met (a
 *       legal task), but the face data are biometric (art. 5 II) and art. 11 II(b) needs a
 *       Brazilian law providing for the policy (unknown when transplanted), art. 11 II(a) a legal
 *       obligation (unknown); art. 23 I publicity is open -> conditional. The provisions to private
 *       companies engage art. 26 §1 and art. 27: no consent; whether an exception applies (a
 *       statute or an agreement serving the ministry's legal task, IV; decentralised execution, I;
 *       publicly accessible data, III) is unknown -> conditional. The companies' training: art. 11
 *       with no consent; only a legal obligation (unknown) could help -> conditional.
 *   IN: the notification of 13 Nov 2025 put only definitions and the Board in force; ss. 3-17
 *       (consent, legitimate uses, exemptions) start in May 2027 -> not covered in every flow.
 *   SG: unchanged in kind: public-agency flows not covered (s. 4(1)(c)); the companies' training
 *       now also turns on deemed consent by notification (s. 15A) and legitimate interests
 *       (First Sch. Part 3), both from 1 Feb 2021 -> conditional.
 */
import { describe, expect, it } from 'vitest';
import { cell, matrix } from '../helpers.ts';

const ID = 'kr-immigration-faces';
const FLOWS = ['collection', 'moj-to-msit', 'provision-training', 'provision-validation', 'provision-citizens', 'companies-training', 'airport-cctv'];
const PUBLIC_FLOWS = FLOWS.filter((f) => f !== 'companies-training');

describe('seed scenario, BR / IN / SG columns', () => {
  it('as of 2019-06-01: Brazil and India not covered (no law in force); Singapore excludes the public agencies and leaves the companies\' training open', () => {
    const m = matrix(ID, '2019-06-01', ['BR', 'IN', 'SG']);
    for (const f of FLOWS) {
      expect(m[f].BR, `BR ${f}`).toBe('not-covered');
      expect(m[f].IN, `IN ${f}`).toBe('not-covered');
    }
    for (const f of PUBLIC_FLOWS) expect(m[f].SG, `SG ${f}`).toBe('not-covered');
    expect(m['companies-training'].SG).toBe('conditional');
  });

  it('as of 2026-11-26: Brazil conditional throughout, India still not covered, Singapore as before', () => {
    const m = matrix(ID, '2026-11-26', ['BR', 'IN', 'SG']);
    for (const f of FLOWS) {
      expect(m[f].BR, `BR ${f}`).toBe('conditional');
      expect(m[f].IN, `IN ${f}`).toBe('not-covered');
    }
    for (const f of PUBLIC_FLOWS) expect(m[f].SG, `SG ${f}`).toBe('not-covered');
    expect(m['companies-training'].SG).toBe('conditional');
  });

  it('SG public-agency flows are not covered because of s. 4(1)(c), which hinges on the sender being public', () => {
    const c = cell(ID, 'provision-training', 'SG', '2026-11-26');
    expect(c.decisive.map((d) => d.citation)).toEqual(['PDPA s. 4(1)(c)']);
    expect(c.dependsOn).toEqual(['sender.sector']);
  });

  it('BR collection hinges on a Brazilian statute providing for the processing (art. 11 II(b)) or a legal obligation (art. 11 II(a)), and on publicity (art. 23 I)', () => {
    const c = cell(ID, 'collection', 'BR', '2026-11-26');
    expect(c.dependsOn).toEqual(expect.arrayContaining(['law.statute_authorises', 'basis.legal_obligation', 'safeguards.processing_publicised']));
    expect(c.decisive.map((d) => d.citation)).toContain('LGPD art. 11 (with art. 5(II))');
  });

  it('BR provision to private companies hinges on the art. 26 §1 exceptions: a statute, or an agreement serving the ministry\'s legal task', () => {
    const c = cell(ID, 'provision-training', 'BR', '2026-11-26');
    expect(c.decisive.map((d) => d.citation)).toEqual(expect.arrayContaining(['LGPD art. 26 §1', 'LGPD art. 27']));
    expect(c.dependsOn).toEqual(expect.arrayContaining(['law.statute_authorises', 'safeguards.sharing_agreement', 'sender.public_task_by_law']));
  });

  it('SG companies\' training hinges on the consent routes and exceptions (s. 15(1), s. 15A, First Schedule)', () => {
    const c = cell(ID, 'companies-training', 'SG', '2026-11-26');
    expect(c.decisive.map((d) => d.citation)).toEqual(['PDPA s. 13']);
    expect(c.dependsOn).toEqual(expect.arrayContaining(['basis.voluntarily_provided', 'data.publicly_available', 'law.statute_authorises', 'basis.opt_out_offered', 'basis.legitimate_interest_overrides']));
  });
});

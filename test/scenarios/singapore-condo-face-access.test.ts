/**
 * Teaching hypothetical (no real decision): a condominium's management corporation (an
 * organisation under the PDPA) uses face recognition at its gates. The law exercised:
 *   - PDPA s. 13 (consent required) with s. 14 (consent only after notification, not demanded
 *     beyond what is reasonable), s. 15(1) (deemed consent by conduct), s. 15A (deemed consent by
 *     notification, from 1 Feb 2021), s. 17 with the First Schedule (publicly available data,
 *     legitimate interests after an assessment, from 1 Feb 2021), and s. 20 (notification);
 *   - the PDPC's Guide on the Responsible Use of Biometric Data in Security Applications (2022)
 *     is advisory and appears only in the rules' interpretation notes.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'singapore-condo-face-access';
const ASOF = '2024-06-01';

describe('Singapore: condominium face-recognition gates (hypothetical, PDPA)', () => {
  it('enrolment after notice and express consent, with cards still available, is allowed (ss. 13(a), 14; s. 20 met)', () => {
    const c = cell(ID, 'enrolment-with-consent', 'SG', ASOF);
    expect(c.verdict).toBe('allowed');
    expect(c.decisive.map((d) => d.citation)).toContain('PDPA ss. 13(a), 14(1)-(2)');
    expect(c.obligations).toContainEqual(expect.objectContaining({ citation: 'PDPA s. 20(1)', status: 'met' }));
    // Validity of consent hinges on the alternative (s. 14(2)(a)).
    expect(c.dependsOn).toContain('safeguards.alternative_offered');
  });

  it('enrolment by notification with an opt-out, after an impact assessment, is allowed since 1 Feb 2021 (s. 15A)', () => {
    expect(matrix(ID, ASOF, ['SG'])['enrolment-by-notification'].SG).toBe('allowed');
    expect(decisiveCitations(ID, 'enrolment-by-notification', 'SG', ASOF)).toContain('PDPA s. 15A');
  });

  it('before s. 15A took effect the same opt-out scheme gave no consent, so s. 13 forbade it', () => {
    expect(matrix(ID, '2020-06-01', ['SG'])['enrolment-by-notification'].SG).toBe('forbidden');
  });

  it('scanning everyone at the gates with signs only, no consent and no prior assessment, is forbidden by s. 13', () => {
    expect(matrix(ID, ASOF, ['SG'])['gate-scanning-without-consent'].SG).toBe('forbidden');
    expect(decisiveCitations(ID, 'gate-scanning-without-consent', 'SG', ASOF)).toContain('PDPA s. 13');
  });

  it('contrast, Brazil: only specific, highlighted consent (art. 11 I) makes face enrolment lawful; an opt-out scheme does not', () => {
    const m = matrix(ID, ASOF, ['BR']);
    expect(m['enrolment-with-consent'].BR).toBe('allowed');
    expect(m['enrolment-by-notification'].BR).toBe('forbidden');
  });
});

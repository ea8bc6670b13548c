/**
 * Teaching hypothetical: a retailer sends customers' face templates to a face-matching
 * processor in another country (scenarios/face-templates-to-processor-abroad.json).
 * CN: PIPL arts. 29, 38-39 and FRT Measures art. 8; JP: APPI art. 28 (art. 24 before 1 Apr 2022).
 */
import { describe, expect, it } from 'vitest';
import { decisiveCitations, matrix } from '../helpers.ts';

const ID = 'face-templates-to-processor-abroad';

describe('face templates sent to a processor abroad', () => {
  it('CN, 2026: without consent or a transfer mechanism the export is forbidden', () => {
    const d = decisiveCitations(ID, 'transfer-without-consent', 'CN', '2026-11-26');
    // No CAC security assessment, certification or standard contract: art. 38(1) is not met.
    expect(d).toContain('PIPL art. 38(1)');
    // No informed separate consent to the export, and no non-consent ground of art. 13(1)(ii)-(vii).
    expect(d).toContain('PIPL art. 39');
    // Face templates are biometric, hence sensitive (art. 28(1)): separate consent needed (art. 29).
    expect(d).toContain('PIPL art. 29');
    // Templates leave the recognition device without separate consent or a legal basis.
    expect(d).toContain('FRT Measures art. 8');
    // Entrustment to a processor is not 'provision to another processor' (art. 23 not engaged).
    expect(d).not.toContain('PIPL art. 23');
  });

  it('CN, 2024: before the FRT Measures (1 Jun 2025) the PIPL alone forbids it', () => {
    const d = decisiveCitations(ID, 'transfer-without-consent', 'CN', '2024-01-01');
    expect(d).toContain('PIPL art. 38(1)');
    expect(d.some((c) => c.startsWith('FRT Measures'))).toBe(false);
  });

  it('JP, 2026: entrustment does not help abroad; art. 28(1) forbids the transfer', () => {
    const d = decisiveCitations(ID, 'transfer-without-consent', 'JP', '2026-11-26');
    // Art. 28(1) disapplies art. 27, so the entrustment carve-out of art. 27(5)(i) does not reach it;
    // no consent, no PPC-designated country, no equivalent system.
    expect(d).toEqual(['APPI art. 28(1)']);
  });

  it('JP, 2019: the same rule under its pre-2022 number, APPI art. 24', () => {
    expect(decisiveCitations(ID, 'transfer-without-consent', 'JP', '2019-06-01')).toEqual(['APPI art. 24']);
  });

  it('CN before 1 Nov 2021 is not covered: no comprehensive law is encoded', () => {
    expect(matrix(ID, '2019-06-01', ['CN'])['transfer-without-consent'].CN).toBe('not-covered');
  });

  it('with informed separate consent, a standard contract, assessment and filing, both allow it', () => {
    const m = matrix(ID, '2026-11-26', ['CN', 'JP']);
    // CN: consent lifts arts. 13, 29, 39 and FRT art. 8; the standard contract meets art. 38(1);
    // arts. 21(1), 28(2), 55 and FRT arts. 4, 9, 15 are met.
    expect(m['transfer-with-safeguards'].CN).toBe('allowed');
    // JP: informed consent (art. 28(1)-(2)) and the contractual equivalent system both lift art. 28(1).
    expect(m['transfer-with-safeguards'].JP).toBe('allowed');
    expect(matrix(ID, '2019-06-01', ['JP'])['transfer-with-safeguards'].JP).toBe('allowed');
  });
});

/**
 * Teaching hypothetical: a residential compound's gate that opens only by face
 * (scenarios/residential-gate-face-access.json). CN: FRT Measures art. 10 (non-exclusivity),
 * PIPL arts. 13, 28-29; JP: the APPI has no consent rule for collecting face data as such.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'residential-gate-face-access';

describe('face-only residential gate', () => {
  it('CN, 2026: face as the only way in is forbidden, above all by FRT Measures art. 10', () => {
    const d = decisiveCitations(ID, 'face-only-gate', 'CN', '2026-11-26');
    // Key cards would work as well and none is offered.
    expect(d).toContain('FRT Measures art. 10');
    // Sign-up-form consent is not separate consent to biometric (sensitive) processing.
    expect(d).toContain('PIPL art. 29');
    // Consent that cannot be refused without losing access to one's home is not voluntary (art. 14(1)),
    // and no other ground of art. 13(1) applies.
    expect(d).toContain('PIPL art. 13(1)');
    // Not sufficiently necessary when a key card would do (art. 28(2); FRT art. 4).
    expect(d).toContain('PIPL art. 28(2)');
  });

  it('CN, 2024: before the FRT Measures the PIPL already forbids it, without art. 10', () => {
    const d = decisiveCitations(ID, 'face-only-gate', 'CN', '2024-01-01');
    expect(d).toContain('PIPL art. 29');
    expect(d).not.toContain('FRT Measures art. 10');
  });

  it('CN: PIPL art. 26 is not engaged: a residential compound is treated as not a public place', () => {
    const c = cell(ID, 'face-only-gate', 'CN', '2026-11-26');
    expect(c.decisive.map((x) => x.citation)).not.toContain('PIPL art. 26, first sentence (public security only)');
  });

  it('CN: a key-card option with separate consent and a prior assessment is allowed', () => {
    expect(matrix(ID, '2026-11-26', ['CN'])['gate-with-key-card-option'].CN).toBe('allowed');
  });

  it('JP: the APPI encoded here forbids neither flow (face data are not special care-required)', () => {
    const m = matrix(ID, '2026-11-26', ['JP']);
    // Collection within the specified purpose, no provision to third parties; the duties to specify
    // and notify the purpose (arts. 17, 21) are not encoded.
    expect(m['face-only-gate'].JP).toBe('allowed');
    expect(m['gate-with-key-card-option'].JP).toBe('allowed');
  });
});

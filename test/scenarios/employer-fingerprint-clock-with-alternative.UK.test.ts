/**
 * Teaching hypothetical, UK column: a small employer's fingerprint clock where every employee may
 * instead use a card and PIN without detriment, and explicit, separate consent is asked.
 *
 * Why the UK answer differs from Serco Leisure (ICO enforcement notices, 19 Feb 2024): there the
 * ICO held consent unavailable because staff had no alternative and clocking in by face was a
 * condition of being paid; with a genuine alternative the consent is freely given, so UK GDPR
 * art. 6(1)(a) and art. 9(2)(a) supply the basis and the condition that Serco lacked. (ICO
 * guidance on biometric data accepts explicit consent from staff where a real alternative is
 * offered.) Art. 9(2)(b) with DPA 2018 Sch. 1 para. 1 still would not help: biometrics remain
 * unnecessary for employment-law duties. A DPIA was done; with 40 staff the processing is not
 * large-scale, so art. 35(3)(b) is not engaged in any case.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'employer-fingerprint-clock-with-alternative';
const FLOW = 'enrolment-and-clocking';

describe('Employer fingerprint clock with a non-biometric alternative (UK)', () => {
  it('is allowed today on freely given explicit consent', () => {
    expect(matrix(ID, '2026-11-26', ['UK'])[FLOW].UK).toBe('allowed');
  });

  it('the consent that Serco Leisure could not rely on is what lifts arts 6(1) and 9(1) here', () => {
    const citations = decisiveCitations(ID, FLOW, 'UK', '2026-11-26');
    expect(citations).toContain('UK GDPR art. 6(1)(a)');
    expect(citations).toContain('UK GDPR art. 9(2)(a)');
  });

  it('the verdict turns on whether the consent is free, i.e. on the alternative: the cell reads the freely-given fact', () => {
    const c = cell(ID, FLOW, 'UK', '2026-11-26');
    expect(c.dependsOn).toContain('basis.consent_freely_given');
  });

  it('the answer is the same before and after the Data (Use and Access) Act 2025 changes, and under the EU GDPR as it applied in 2019', () => {
    expect(matrix(ID, '2019-06-01', ['UK'])[FLOW].UK).toBe('allowed');
    expect(matrix(ID, '2026-01-01', ['UK'])[FLOW].UK).toBe('allowed');
  });
});

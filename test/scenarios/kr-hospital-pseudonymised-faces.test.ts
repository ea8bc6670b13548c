/**
 * Teaching hypothetical: a Korean hospital shares pseudonymised clinical face photos
 * with a university for research. Exercises PIPA arts. 28-2 to 28-5 (in force from
 * 5 Aug 2020) against the earlier regime (old art. 18(2) item 4, no route for
 * sensitive data without separate consent or statute).
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'kr-hospital-pseudonymised-faces';
const NOW = '2026-11-26';

describe('hospital shares pseudonymised face photos with a university (hypothetical)', () => {
  it('pseudonymising, providing and training for scientific research are allowed without consent under art. 28-2(1)', () => {
    const m = matrix(ID, NOW, ['KR']);
    for (const flow of ['pseudonymisation', 'provision-university', 'university-training']) {
      expect(m[flow].KR).toBe('allowed');
      expect(decisiveCitations(ID, flow, 'KR', NOW)).toEqual(['PIPA art. 28-2(1)']);
    }
  });

  it('the provision keeps the re-identification key back (art. 28-2(2)) and the data are secured (art. 28-4(1))', () => {
    const c = cell(ID, 'provision-university', 'KR', NOW);
    expect(c.obligations.find((o) => o.id === 'kr.pipa.art28-2.2')?.status).toBe('met');
    expect(c.obligations.find((o) => o.id === 'kr.pipa.art28-4.1')?.status).toBe('met');
  });

  it('matching the pseudonymised faces against a photo database to identify patients is forbidden by art. 28-5(1)', () => {
    expect(decisiveCitations(ID, 'university-reidentification', 'KR', NOW)).toEqual(['PIPA art. 28-5(1)']);
  });

  it('passing the set to a firm for product development falls outside art. 28-2 and breaks arts. 17(1), 18(1) and 23(1)', () => {
    const cites = decisiveCitations(ID, 'provision-aifirm', 'KR', NOW);
    expect(cites).toEqual(expect.arrayContaining(['PIPA art. 17(1)', 'PIPA art. 18(1)', 'PIPA art. 23(1); Enforcement Decree art. 18 items 1-4']));
  });

  it('before 5 Aug 2020 the same provision to the university was forbidden: old art. 18(2) item 4 did not reach health data, which needed separate consent or a statute (art. 23(1))', () => {
    const c = cell(ID, 'provision-university', 'KR', '2019-06-01');
    expect(c.verdict).toBe('forbidden');
    expect(c.decisive.map((d) => d.citation)).toEqual(['PIPA art. 23(1); Enforcement Decree art. 18 items 1-2']);
  });
});

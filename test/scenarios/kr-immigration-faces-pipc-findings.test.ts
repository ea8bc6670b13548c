/**
 * The Korean immigration face-photo case as the Personal Information Protection
 * Commission found it: resolution 제2022-007-046호 of 27 Apr 2022 (7th plenary
 * meeting of 2022; respondent the Ministry of Justice, Incheon Airport Immigration
 * and Foreign Affairs Office). The PIPC held the companies to be entrusted
 * processors working in a closed lab, the AI development to be within the
 * immigration purpose, and the sensitive processing to be permitted by the
 * Immigration Act; the only breach was the failure to publish the entrustment
 * (PIPA art. 26(2)), fined KRW 1 million.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'kr-immigration-faces-pipc-findings';
const DECIDED = '2022-04-27';
const ENTRUSTMENT_FLOWS = ['provision-training', 'provision-validation', 'provision-citizens'];
const ART_26_2 = 'PIPA art. 26(2); Enforcement Decree art. 28(2)-(3)';

describe('PIPC resolution 제2022-007-046호 (27 Apr 2022): Ministry of Justice AI identification and tracking project', () => {
  const m = matrix(ID, DECIDED, ['KR']);

  it.each(ENTRUSTMENT_FLOWS)('%s: forbidden only because the entrustment was not published (PIPA art. 26(2))', (flow) => {
    expect(m[flow].KR).toBe('forbidden');
    expect(decisiveCitations(ID, flow, 'KR', DECIDED)).toEqual([ART_26_2]);
  });

  it.each(ENTRUSTMENT_FLOWS)('%s: the written entrustment contract met art. 26(1); nothing is decided by arts. 17 or 18', (flow) => {
    const c = cell(ID, flow, 'KR', DECIDED);
    expect(c.obligations.find((o) => o.id === 'kr.pipa.art26.1')?.status).toBe('met');
    expect(c.obligations.find((o) => o.id === 'kr.pipa.art26.2')?.status).toBe('breached');
    expect(c.decisive.map((d) => d.id)).not.toContain('kr.pipa.art17.1');
    expect(c.decisive.map((d) => d.id)).not.toContain('kr.pipa.art18.1');
  });

  // PIPC resolution 제2022-007-046호 (27 Apr 2022) fined the Ministry of Justice KRW 1,000,000 under
  // PIPA art. 75 for the art. 26(2) breach: the cell lists that administrative fine among its remedies.
  it.each(ENTRUSTMENT_FLOWS)('%s: the cell lists the administrative fine of PIPA art. 75 that the PIPC imposed', (flow) => {
    const c = cell(ID, flow, 'KR', DECIDED);
    expect(c.remedies.map((r) => r.id)).toContain('kr.pipa.art75');
    expect(c.remedies.find((r) => r.id === 'kr.pipa.art75')?.status).toBe('available');
    // The turnover-based surcharge of art. 64-2 did not exist until 15 Sep 2023.
    expect(c.remedies.map((r) => r.id)).not.toContain('kr.pipa.art64-2.1');
  });

  it('no cell is forbidden under PIPA art. 17(1) or art. 18(1): the use stayed within the purpose and the companies were entrustees', () => {
    for (const flow of Object.keys(m)) {
      const c = cell(ID, flow, 'KR', DECIDED);
      if (c.verdict !== 'forbidden') continue;
      expect(c.decisive.map((d) => d.citation)).not.toContain('PIPA art. 17(1)');
      expect(c.decisive.map((d) => d.citation)).not.toContain('PIPA art. 18(1)');
    }
    // For the flows the PIPC decided, neither article is even in play.
    for (const flow of [...ENTRUSTMENT_FLOWS, 'companies-training', 'collection']) {
      const c = cell(ID, flow, 'KR', DECIDED);
      expect(c.outcomes.flatMap((o) => o.decisive.map((d) => d.id))).not.toContain('kr.pipa.art17.1');
      expect(c.outcomes.flatMap((o) => o.decisive.map((d) => d.id))).not.toContain('kr.pipa.art18.1');
    }
  });

  it('the other flows are not forbidden', () => {
    for (const flow of ['collection', 'companies-training', 'airport-cctv']) expect(m[flow].KR).not.toBe('forbidden');
  });

  it("the companies' training inside the lab is allowed: the face feature data are sensitive, but the Immigration Act permits processing them (art. 23(1) item 2)", () => {
    expect(m['companies-training'].KR).toBe('allowed');
    expect(decisiveCitations(ID, 'companies-training', 'KR', DECIDED)).toContain('PIPA art. 23(1) item 2');
  });

  it('collection at the border rests on the Immigration Act; it stays conditional only on duties the PIPC did not examine (minimum collection, impact assessment)', () => {
    const c = cell(ID, 'collection', 'KR', DECIDED);
    expect(c.verdict).toBe('conditional');
    expect(c.dependsOn).toEqual(['basis.necessary_and_proportionate', 'safeguards.impact_assessment_done']);
  });

  it('the planned CCTV tracking, which the PIPC did not decide, turns on whether a statute permits the cameras and recognition', () => {
    const c = cell(ID, 'airport-cctv', 'KR', DECIDED);
    expect(c.verdict).toBe('conditional');
    expect(c.dependsOn).toContain('law.statute_authorises');
  });

  it('in Jun 2019, when the project ran under the pre-2020 Act, the same entrustment breach decides, and face data were not yet sensitive information', () => {
    for (const flow of ENTRUSTMENT_FLOWS) expect(decisiveCitations(ID, flow, 'KR', '2019-06-01')).toEqual([ART_26_2]);
    expect(decisiveCitations(ID, 'companies-training', 'KR', '2019-06-01')).not.toContain('PIPA art. 23(1) item 2');
  });
});

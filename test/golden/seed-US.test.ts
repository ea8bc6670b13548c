/**
 * Golden columns for the seed scenario (Korea's immigration face photos, scenarios/kr-immigration-faces.json)
 * under US federal law and the five encoded states, in transplant mode (as if the flows happened there).
 *
 * Actors: the Ministry of Justice and the Ministry of Science and ICT are public bodies; the AI companies
 * are private. The US has no general biometric statute. Every encoded US instrument binds private actors only:
 * - FTC Act s.5 (us.ftca): persons, partnerships and for-profit corporations; the encoded position covers
 *   only deployed facial recognition (1:N or 1:1 matching).
 * - BIPA (us.il.bipa): 'private entities' (740 ILCS 14/10); a State agency is not one; a private recipient
 *   that obtains identifiers is bound (s.15(b)) unless it works for the government (s.25(e)).
 * - CUBI (us.tx.cubi): identifiers captured 'for a commercial purpose'; a border authority's captures are not.
 * - RCW 19.375 (us.wa.bio): photographs and data generated from them are excluded, so face templates are out.
 * - My Health My Data Act (us.wa.mhmda, from 31 Mar 2024): regulated entities (not government agencies);
 *   face imagery is biometric data; a private recipient collects what it receives.
 * - CCPA (us.ca.ccpa, from 1 Jan 2020): 'businesses' only; the sender here is a ministry except in
 *   companies-training, where the companies' size (thresholds) is unknown.
 * - Colorado (us.co.cpa, from 1 Jul 2025): controllers of biometric identifiers of any size, not government.
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'kr-immigration-faces';
const CODES = ['US', 'US-IL', 'US-TX', 'US-WA', 'US-CA', 'US-CO'];
const NC = 'not-covered';
const CO = 'conditional';

describe('seed scenario, US columns, as of 2019-06-01', () => {
  const m = () => matrix(ID, '2019-06-01', CODES);

  it('collection at immigration control: not covered anywhere', () => {
    // The MoJ is a public body. US: outside FTC s.5 (not a business). US-IL: not a 'private entity' (14/10).
    // US-TX: a border authority's capture is not for a commercial purpose (503.001(b)). US-WA: RCW 19.375
    // excludes data generated from photographs and binds persons, not agencies. US-CA: the CCPA was not yet
    // operative (1 Jan 2020) and binds businesses only. US-CO: HB 24-1130 not in force. Not covered != allowed.
    expect(m().collection).toEqual({ US: NC, 'US-IL': NC, 'US-TX': NC, 'US-WA': NC, 'US-CA': NC, 'US-CO': NC });
  });

  it('MoJ to MSIT transfer: not covered anywhere (public body to public body)', () => {
    // No private entity or business on either side; no encoded US instrument reaches inter-agency transfers.
    expect(m()['moj-to-msit']).toEqual({ US: NC, 'US-IL': NC, 'US-TX': NC, 'US-WA': NC, 'US-CA': NC, 'US-CO': NC });
  });

  it('provision of face images to the companies: conditional in Illinois only', () => {
    // US-IL: the companies are private entities that obtain the data, so BIPA 15(b) binds them unless
    // (i) the images stay plain photographs (excluded by 14/10) rather than face geometry, or (ii) the
    // companies work for the ministry as contractors (14/25(e), recipient role unknown). No consent was
    // given, so if both are answered against the companies, 15(b) forbids it.
    // US: the sender is a ministry (outside s.5). US-TX: the images were captured for border control, not
    // commercially. US-WA: faces are outside RCW 19.375; the MHMDA is not yet in force. US-CA: the CCPA is
    // not yet operative. US-CO: not in force.
    for (const flow of ['provision-training', 'provision-validation', 'provision-citizens']) {
      expect(m()[flow]).toEqual({ US: NC, 'US-IL': CO, 'US-TX': NC, 'US-WA': NC, 'US-CA': NC, 'US-CO': NC });
    }
  });

  it("the companies' training of 1:N identification: conditional everywhere", () => {
    // US (and every state, which inherits it): the companies are businesses running 1:N face matching, so the
    // FTC's s.5 position engages; whether risk assessment, accuracy testing and notice were done is unknown.
    // US-IL: BIPA 15(b) forbids the companies' obtaining face geometry without written release (none was given)
    // unless they worked for the ministry as contractors (14/25(e), unknown). US-TX: whether the capture of face
    // geometry was for a commercial purpose is unknown (purpose.commercial). US-WA, US-CA (CCPA not yet operative),
    // US-CO: only the inherited federal position applies.
    expect(m()['companies-training']).toEqual({ US: CO, 'US-IL': CO, 'US-TX': CO, 'US-WA': CO, 'US-CA': CO, 'US-CO': CO });
    expect(decisiveCitations(ID, 'companies-training', 'US-IL', '2019-06-01')).toContain('740 ILCS 14/15(b)');
  });

  it('live 1:N identification on airport CCTV: not covered anywhere', () => {
    // Run by the MoJ, a public body: outside s.5, BIPA, CUBI (not commercial), RCW 19.375; CCPA and Colorado not in force.
    expect(m()['airport-cctv']).toEqual({ US: NC, 'US-IL': NC, 'US-TX': NC, 'US-WA': NC, 'US-CA': NC, 'US-CO': NC });
  });
});

describe('seed scenario, US columns, as of 2026-11-26', () => {
  const m = () => matrix(ID, '2026-11-26', CODES);

  it('collection, MoJ to MSIT and airport CCTV stay not covered: every encoded instrument binds private actors only', () => {
    // As in 2019; the CCPA (government agencies are not 'businesses', 1798.140(d)), the MHMDA (government agencies
    // are not regulated entities) and Colorado's HB 24-1130 (controllers, not government bodies) are now in force
    // but do not reach the ministries.
    for (const flow of ['collection', 'moj-to-msit', 'airport-cctv']) {
      expect(m()[flow]).toEqual({ US: NC, 'US-IL': NC, 'US-TX': NC, 'US-WA': NC, 'US-CA': NC, 'US-CO': NC });
    }
  });

  it('provision of face images to the companies: conditional in Illinois, Washington and Colorado', () => {
    // US-IL: as in 2019 (15(b); 14/10 photographs; 14/25(e)). US-WA: the MHMDA now treats face imagery as
    // consumer health data and the receiving companies collect it without consent (19.373.030(1)), unless they
    // process it on the ministry's behalf (contractor exclusion; recipient role unknown). US-CO: a company that
    // receives biometric data as a controller needs notice and consent (6-1-1314), unless it is only the
    // ministry's processor (unknown); whether plain photos are biometric identifiers is also open. US, US-TX,
    // US-CA: the sender is a ministry, outside s.5, not commercial, not a business.
    for (const flow of ['provision-training', 'provision-validation', 'provision-citizens']) {
      expect(m()[flow]).toEqual({ US: NC, 'US-IL': CO, 'US-TX': NC, 'US-WA': CO, 'US-CA': NC, 'US-CO': CO });
    }
  });

  it("the companies' training of 1:N identification: conditional everywhere", () => {
    // US: FTC s.5 position open (assessment, testing, notice unknown), inherited by every state. US-IL: 15(b)
    // unless a s.25(e) contractor. US-TX: commercial purpose unknown; if commercial, (c)(2) reasonable care is open.
    // US-WA: the flow lists no collection, so MHMDA 030(1) is not engaged; only the federal position decides.
    // US-CA: the CCPA applies only if the companies meet a business threshold (unknown), and then the right-to-limit
    // notice (1798.121(a)) is open because it is unknown whether the use stays within the original purpose.
    // US-CO: the written biometric policy duty (6-1-1314) is open; the flow lists no collection, so the
    // notice-and-consent rule is not engaged.
    expect(m()['companies-training']).toEqual({ US: CO, 'US-IL': CO, 'US-TX': CO, 'US-WA': CO, 'US-CA': CO, 'US-CO': CO });
  });

  it("nothing in the seed is 'allowed' under US law: public-body flows are not covered, the rest hinge on facts", () => {
    const all = m();
    for (const flow of Object.keys(all)) for (const code of CODES) expect(all[flow][code]).not.toBe('allowed');
  });

  it('Illinois: the collection is not covered because the Ministry is not a private entity (740 ILCS 14/10)', () => {
    expect(cell(ID, 'collection', 'US-IL', '2026-11-26').verdict).toBe('not-covered');
    expect(decisiveCitations(ID, 'collection', 'US-IL', '2026-11-26')).toContain("740 ILCS 14/10 ('private entity')");
  });
});

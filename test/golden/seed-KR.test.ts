/**
 * Golden: the seed scenario (kr-immigration-faces, which keeps the public record's
 * unknowns) in the Korean column, on two dates: 1 Jun 2019 (the project's first
 * months, under the pre-2020 PIPA) and 26 Nov 2026 (today's law). Each verdict is
 * justified in a comment by the provisions that decide it. The seed leaves open
 * whether the companies were entrustees or third parties, whether AI development
 * was within the purpose of collection, and several safeguards, so every cell is
 * conditional; the dependsOn assertions pin what the main cells hinge on.
 */
import { describe, expect, it } from 'vitest';
import { cell, matrix } from '../helpers.ts';

const ID = 'kr-immigration-faces';

describe('seed kr-immigration-faces, KR column as of 2019-06-01', () => {
  const AS_OF = '2019-06-01';
  const m = matrix(ID, AS_OF, ['KR']);

  it('gives the expected verdict for every flow', () => {
    expect(Object.fromEntries(Object.entries(m).map(([flow, row]) => [flow, row.KR]))).toEqual({
      // Collection: PIPA art. 15(1) is lifted by items 2 (the Immigration Act, stated
      // as a KR legal-order fact) and 3 (the Ministry's statutory duty); face data were
      // not sensitive before 5 Aug 2020 (art. 23(1) does not engage). Open: minimum
      // collection (art. 3(1)/16(1)) and the impact assessment for a public file of
      // more than 1,000,000 people (art. 33(1)).
      collection: 'conditional',
      // MoJ -> MSIT: if MSIT is a third party, art. 17(1) applies and, beyond the
      // purpose, art. 18(1) (lifted only by a statute or a PIPC deliberation under
      // art. 18(2) item 5, both unknown); if it is an entrustee, art. 26(1)-(2) apply.
      'moj-to-msit': 'conditional',
      // Provision to the companies: as processors, art. 26(2) is breached (the
      // entrustment was not published) -> forbidden; as third parties within the
      // purpose, art. 17(1) item 2 could lift the ban; beyond it, art. 18(1) fires
      // unless an art. 18(2) item holds. The role and the purpose are unknown.
      'provision-training': 'conditional',
      'provision-validation': 'conditional',
      'provision-citizens': 'conditional',
      // The companies' training: art. 18(1) (or, for an entrustee, art. 26(5)) if the
      // use was beyond the purpose; allowed if within it. No art. 23 before Aug 2020.
      'companies-training': 'conditional',
      // Airport CCTV: art. 25(1) (cameras in open places) is lifted only if a statute
      // specifically permits them; art. 18(1) if beyond the purpose; arts. 3(1) and
      // 33(1) open.
      'airport-cctv': 'conditional',
    });
  });

  it('provision to the companies hinges on whether they were entrustees and whether the use stayed within the purpose', () => {
    const c = cell(ID, 'provision-training', 'KR', AS_OF);
    expect(c.dependsOn).toEqual(expect.arrayContaining(['recipient.role', 'purpose.within_original', 'safeguards.impact_assessment_done']));
    const forbidden = c.outcomes.find((o) => o.verdict === 'forbidden');
    expect(forbidden?.when.some((w) => w.some((x) => x.fact === 'recipient.role'))).toBe(true);
  });

  it('collection hinges only on minimum collection and the impact assessment', () => {
    expect(cell(ID, 'collection', 'KR', AS_OF).dependsOn).toEqual(['basis.necessary_and_proportionate', 'safeguards.impact_assessment_done']);
  });

  it("the companies' training does not yet depend on a statute for sensitive data", () => {
    expect(cell(ID, 'companies-training', 'KR', AS_OF).dependsOn).not.toContain('law.statute_authorises_sensitive');
  });
});

describe('seed kr-immigration-faces, KR column as of 2026-11-26', () => {
  const AS_OF = '2026-11-26';
  const m = matrix(ID, AS_OF, ['KR']);

  it('gives the expected verdict for every flow', () => {
    expect(Object.fromEntries(Object.entries(m).map(([flow, row]) => [flow, row.KR]))).toEqual({
      // Collection: as in 2019, plus art. 23(1) (face templates are sensitive since
      // 5 Aug 2020), lifted by the statute the scenario states and by Immigration Act
      // art. 12-2(1); open: arts. 3(1), 23(2) (safety measures), 33(1), and art. 37-2
      // (automated gates may take fully automated decisions; in force 15 Mar 2024).
      // Re-checked against art. 37-2 (issue 13): the right to refuse (para. 1) does not
      // reach decisions made under a statute (proviso: art. 15(1) item 2), and the gates
      // rest on the Immigration Act, so it is lifted; the explanation and review duty
      // (paras. 2-3) and the published criteria (para. 4) reach every fully automated
      // decision, unless the gate clearance is an automatic disposition under art. 20 of
      // the Framework Act on Administration, which the article excludes. The seed does
      // not settle either point, so the law leaves the verdict conditional: unchanged.
      collection: 'conditional',
      // MoJ -> MSIT: as in 2019, and art. 23(1) if the data are processed to identify
      // people (data.biometric_identification is not stated for this flow).
      'moj-to-msit': 'conditional',
      // Provision to the companies: as in 2019; beyond the purpose art. 23(1) also
      // needs separate consent, a statute, or the Decree art. 18 proviso (PIPC
      // deliberation); art. 17(4) (reasonably related) is available since 2020.
      'provision-training': 'conditional',
      'provision-validation': 'conditional',
      'provision-citizens': 'conditional',
      // The companies' training: art. 23(1) fires unless a statute permits the
      // sensitive processing (the seed states none for this flow); art. 18(1) or
      // art. 26(5) if beyond the purpose.
      'companies-training': 'conditional',
      // Airport CCTV: art. 25(1) and, for the face templates, art. 23(1); art. 37-2
      // if it decides on travellers automatically.
      'airport-cctv': 'conditional',
    });
  });

  it("the companies' training now hinges on a statute permitting sensitive processing and on the purpose", () => {
    const c = cell(ID, 'companies-training', 'KR', AS_OF);
    expect(c.dependsOn).toEqual(expect.arrayContaining(['law.statute_authorises_sensitive', 'purpose.within_original']));
    const forbidden = c.outcomes.find((o) => o.verdict === 'forbidden');
    expect(forbidden?.when.some((w) => w.some((x) => x.fact === 'law.statute_authorises_sensitive'))).toBe(true);
  });

  it('collection: art. 37-2 hinges on whether the gate clearance is an automatic disposition (Framework Act on Administration art. 20), and the statute lifts the right to refuse', () => {
    const c = cell(ID, 'collection', 'KR', AS_OF);
    expect(c.dependsOn).toEqual(expect.arrayContaining(['law.automatic_disposition', 'tech.fully_automated_decision', 'safeguards.adm_explanation_review', 'safeguards.adm_criteria_published']));
    const decisive = c.decisive.map((d) => d.id);
    expect(decisive).toEqual(expect.arrayContaining(['kr.pipa.art37-2.2', 'kr.pipa.art37-2.4']));
    expect(decisive).not.toContain('kr.pipa.art37-2');
  });

  it('the airport CCTV hinges on a statute permitting the cameras', () => {
    expect(cell(ID, 'airport-cctv', 'KR', AS_OF).dependsOn).toContain('law.statute_authorises');
  });

  it('provision to the companies still hinges on their role and the purpose', () => {
    expect(cell(ID, 'provision-citizens', 'KR', AS_OF).dependsOn).toEqual(expect.arrayContaining(['recipient.role', 'purpose.within_original', 'law.statute_authorises_sensitive']));
  });
});

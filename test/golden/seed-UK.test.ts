/**
 * Golden: the seed scenario (Korea's immigration face photos used to build airport face
 * identification, scenarios/kr-immigration-faces.json), its full UK column, transplanted: as if
 * each flow had happened inside the United Kingdom.
 *
 * Two dates:
 *   2019-06-01 - when the project began. In the UK the GDPR then applied as EU law (the UK
 *                instruments are dated from 25 May 2018 and cited as 'UK GDPR'; see the note in
 *                rules/UK/uk-gdpr.json), with the DPA 2018, the HRA 1998 and the Equality Act 2010.
 *                Old art. 22 governed solely automated decisions.
 *   2026-11-26 - today: the UK GDPR as amended by the Data (Use and Access) Act 2025 (main changes
 *                in force 5 Feb 2026 under SI 2026/82): arts 22A-22D replace art. 22, art. 6(1)(ea)
 *                recognised legitimate interests exist, art. 8A governs further processing.
 *
 * Legal-order facts: the scenario states them only for KR (the Immigration Act). In transplant
 * mode they are UNKNOWN in the UK, so no UK cell can borrow Korea's statute. Whether a UK
 * framework would be clear and foreseeable enough (law.legal_framework_foreseeable, ECHR
 * art. 8(2)) and whether a UK statute authorises the processing (law.statute_authorises, for the
 * automated-decision exceptions and further processing) stay open: every cell is CONDITIONAL,
 * and the tests below pin what each one hinges on.
 */
import { describe, expect, it } from 'vitest';
import { cell, matrix } from '../helpers.ts';

const ID = 'kr-immigration-faces';
const THEN = '2019-06-01';
const NOW = '2026-11-26';
const FLOWS = ['collection', 'moj-to-msit', 'provision-training', 'provision-validation', 'provision-citizens', 'companies-training', 'airport-cctv'];

const citations = (flow: string, asOf: string) => cell(ID, flow, 'UK', asOf).decisive.map((d) => d.citation);
// What a conditional cell hinges on: the engine's dependsOn, which lists the unknown facts of every
// rule the cell leaves undecided (and the facts of the outcome map).
const hingesOn = (flow: string, asOf: string) => cell(ID, flow, 'UK', asOf).dependsOn;

describe.each([THEN, NOW])('seed scenario, UK column as of %s (transplant)', (asOf) => {
  const m = matrix(ID, asOf, ['UK']);

  it('collection at immigration control is conditional', () => {
    // A public border authority with a task assigned by law: UK GDPR art. 6(1) is lifted by
    // art. 6(1)(e). Face images processed for 1:1 verification are biometric data, so art. 9(1)
    // needs a DPA 2018 Sch. 1 Part 2 condition (para. 6, statutory and government purposes):
    // substantial public interest and an appropriate policy document are unknown. HRA 1998 s. 6
    // with ECHR art. 8 engages because a public authority processes biometrics: art. 8(2) needs a
    // foreseeable legal framework (a UK legal-order fact, unknown) and proportionality. The public
    // sector equality duty (bias testing), the DPIA duties (art. 35(3)(b), (c)) and the
    // automated-decision rules (art. 22 / arts 22B-22C) are open.
    expect(m.collection.UK).toBe('conditional');
  });

  it('transfer between ministries is conditional', () => {
    // Public task lifts art. 6(1), but the photos leave the border purpose for an AI project:
    // purpose limitation (art. 5(1)(b)) turns on compatibility, or on consent or a law
    // (art. 6(4), from 2026 art. 8A); whether the transferred photos are processed as biometric
    // data is unknown (art. 9(1)); art. 8 and the equality duty apply to both ministries.
    expect(m['moj-to-msit'].UK).toBe('conditional');
  });

  it.each(['provision-training', 'provision-validation', 'provision-citizens'])('provision to private companies (%s) is conditional', (flow) => {
    // The seed leaves open whether the ministry disclosed under a legal task, so even art. 6(1)
    // hinges on unknown facts (public task, legal obligation, legitimate interests); purpose
    // limitation (art. 5(1)(b)) on compatibility or a law; art. 9(1) on whether the photos are
    // processed as biometric data and on a Sch. 1 condition; art. 8 ECHR on the UK framework.
    expect(m[flow].UK).toBe('conditional');
  });

  it("the companies' training of 1:N identification is conditional", () => {
    // Private companies: no HRA s. 6 or equality duty as encoded. Face templates for 1:N
    // identification are biometric data: art. 9(1) has no consent (none was given) and needs a
    // Sch. 1 condition; art. 6(1) needs a basis (legitimate interests, unknown); purpose
    // limitation and the large-scale DPIA (art. 35(3)(b)) are open.
    expect(m['companies-training'].UK).toBe('conditional');
  });

  it('live 1:N identification on airport CCTV is conditional', () => {
    // Border control by an immigration authority stays under the UK GDPR (not DPA 2018 Part 3,
    // which is for competent authorities' law-enforcement purposes). Live remote identification
    // of travellers engages art. 9(1), ECHR art. 8 (the Bridges question: is the framework
    // precise about who is searched for and where?), the equality duty and both DPIA duties.
    expect(m['airport-cctv'].UK).toBe('conditional');
  });

  it('every flow of the seed is in the column', () => {
    expect(Object.keys(m).sort()).toEqual([...FLOWS].sort());
  });

  it('public flows hinge on the UK legal-order fact that the scenario leaves unknown (ECHR art. 8(2) framework)', () => {
    for (const flow of ['collection', 'moj-to-msit', 'provision-training', 'airport-cctv']) {
      expect(cell(ID, flow, 'UK', asOf).dependsOn).toContain('law.legal_framework_foreseeable');
    }
    // The private companies' own training is not a public authority's act under HRA 1998 s. 6.
    expect(cell(ID, 'companies-training', 'UK', asOf).dependsOn).not.toContain('law.legal_framework_foreseeable');
  });

  it("collection hinges on the Sch. 1 para. 6 elements and the DPIA", () => {
    const c = cell(ID, 'collection', 'UK', asOf);
    expect(c.dependsOn).toEqual(expect.arrayContaining(['purpose.substantial_public_interest', 'safeguards.appropriate_policy_document', 'safeguards.impact_assessment_done', 'basis.necessary_and_proportionate']));
    // Both an allowed and a forbidden completion exist: the facts decide, not the law.
    expect(c.outcomes.map((o) => o.verdict)).toEqual(expect.arrayContaining(['allowed', 'forbidden']));
  });

  it('provision to companies hinges on purpose compatibility and on whether the photos are biometric data', () => {
    expect(hingesOn('provision-training', asOf)).toEqual(
      expect.arrayContaining(['purpose.within_original', 'purpose.reasonably_related', 'data.biometric_identification', 'sender.public_task_by_law']),
    );
  });

  it('UK GDPR art. 9(1) may forbid every flow', () => {
    for (const flow of FLOWS) expect(citations(flow, asOf)).toContain('UK GDPR art. 9(1)');
  });
});

describe('what changed between 2019 and today in the UK column', () => {
  it('in 2019 old art. 22(1) governed solely automated decisions; today arts 22B(1) and 22C do', () => {
    expect(citations('airport-cctv', THEN)).toContain('UK GDPR art. 22(1)');
    expect(citations('airport-cctv', THEN)).not.toContain('UK GDPR art. 22B(1)');
    expect(citations('airport-cctv', NOW)).toEqual(expect.arrayContaining(['UK GDPR art. 22B(1)', 'UK GDPR art. 22C(1)-(2)']));
    expect(citations('airport-cctv', NOW)).not.toContain('UK GDPR art. 22(1)');
  });

  it('the art. 22C safeguards fact matters only after the 2025 Act commenced', () => {
    expect(cell(ID, 'collection', 'UK', THEN).dependsOn).not.toContain('safeguards.adm_safeguards');
    expect(cell(ID, 'collection', 'UK', NOW).dependsOn).toContain('safeguards.adm_safeguards');
  });
});

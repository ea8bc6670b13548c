/**
 * R (Bridges) v Chief Constable of South Wales Police [2020] EWCA Civ 1058 (11 Aug 2020),
 * reversing [2019] EWHC 2341 (Admin). The Court of Appeal allowed the appeal on three grounds:
 *   Ground 1: the use of AFR Locate was not 'in accordance with the law' under ECHR art. 8(2)
 *             (too broad a discretion over who is watch-listed and where it is deployed);
 *   Ground 3: the DPIA did not comply with DPA 2018 s. 64 (written on the footing that art. 8
 *             was not infringed);
 *   Ground 5: the public sector equality duty (Equality Act 2010 s. 149) was not discharged
 *             (no inquiry into race or sex bias of the software).
 * It rejected Ground 2 (proportionality) and did not uphold Ground 4 (s. 42 policy document).
 */
import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../src/engine/index.ts';
import { bundledCorpus, bundledScenario, cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'bridges-south-wales-police-lfr';
const FLOW = 'afr-locate-deployment';
const JUDGMENT = '2020-08-11';

describe('R (Bridges) v South Wales Police [2020] EWCA Civ 1058', () => {
  it('live facial recognition by South Wales Police was unlawful', () => {
    expect(matrix(ID, JUDGMENT, ['UK'])[FLOW].UK).toBe('forbidden');
  });

  it('Ground 1: not in accordance with the law under ECHR art. 8(2), given effect by HRA 1998 s. 6(1)', () => {
    expect(decisiveCitations(ID, FLOW, 'UK', JUDGMENT)).toContain('HRA 1998 s. 6(1) with ECHR art. 8');
  });

  it('Ground 3: the DPIA existed but did not properly assess the risks and measures (DPA 2018 s. 64(3)(b)-(c))', () => {
    const citations = decisiveCitations(ID, FLOW, 'UK', JUDGMENT);
    expect(citations).toContain('DPA 2018 s. 64(3)(b)-(c)');
    // An assessment was carried out before the processing, so s. 64(1) itself is met.
    expect(citations).not.toContain('DPA 2018 s. 64(1)');
  });

  it('Ground 5: the public sector equality duty was not discharged (Equality Act 2010 s. 149(1))', () => {
    expect(decisiveCitations(ID, FLOW, 'UK', JUDGMENT)).toContain('Equality Act 2010 s. 149(1)');
  });

  it('the force had an Equality Impact Assessment, so the Welsh specific duty (SI 2011/1064 reg. 8(1)(a)) decides nothing, whether or not a chief constable is a Part 2 authority', () => {
    // Ground 5 still succeeds under s. 149(1): the assessment never looked into bias in the software.
    const c = cell(ID, FLOW, 'UK', JUDGMENT);
    const welsh = c.obligations.find((o) => o.id === 'uk.eqa-wales-duties2011.reg8.1.a');
    expect(welsh?.status).not.toBe('breached');
    expect(c.decisive.map((d) => d.id)).not.toContain('uk.eqa-wales-duties2011.reg8.1.a');
    expect(c.decisive.map((d) => d.citation)).toContain('Equality Act 2010 s. 149(1)');
  });

  it('Grounds 2 and 4 failed: the deployment was proportionate and strictly necessary, so DPA 2018 s. 35(3) sensitive processing is permitted under s. 35(5)', () => {
    const c = cell(ID, FLOW, 'UK', JUDGMENT);
    const citations = c.decisive.map((d) => d.citation);
    expect(citations).not.toContain('DPA 2018 s. 35(3) and (8)');
    expect(citations).not.toContain('DPA 2018 s. 35(1)-(2)');
  });

  it('police law-enforcement processing falls under DPA 2018 Part 3, not the UK GDPR', () => {
    const citations = decisiveCitations(ID, FLOW, 'UK', JUDGMENT);
    expect(citations.some((c) => c.startsWith('UK GDPR'))).toBe(false);
  });

  it('the same deployment under a precise legal framework, with a sound DPIA and bias testing, would be allowed', () => {
    // A counterfactual, not what happened: it checks that the three grounds the Court of Appeal
    // upheld are exactly what make the cell forbidden.
    const s = bundledScenario(ID);
    const fixed = {
      ...s,
      facts: { ...s.facts, safeguards: { ...(s.facts.safeguards as object), impact_assessment_adequate: true, accuracy_tested: true } },
      jurisdictionFacts: { UK: { law: { legal_framework_foreseeable: true, statute_authorises: false } } },
    };
    const r = evaluateScenario(bundledCorpus(), fixed, { asOf: JUDGMENT, jurisdictions: ['UK'], mode: 'transplant' });
    expect(r.results[0].verdict).toBe('allowed');
  });
});

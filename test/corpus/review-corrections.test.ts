/**
 * Whole-jurisdiction checks for the material errors a review of provisions against the
 * official texts found (issue 13). Each case failed before the correction: the
 * provision's own examples test it in isolation; these run one flow through every
 * instrument of the jurisdiction, as a user of the matrix would see it.
 */
import { describe, expect, it } from 'vitest';
import { evaluateScenario, type Facts, type Scenario } from '../../src/engine/index.ts';
import { bundledCorpus } from '../helpers.ts';

function oneFlow(facts: Facts, jurisdictionFacts?: Record<string, Facts>): Scenario {
  return {
    id: 'review-correction',
    title: 'Review correction case',
    summary: 'One flow built for a test.',
    sources: [],
    parties: [],
    facts: {},
    flows: [{ id: 'flow', label: 'the flow', facts, jurisdictionFacts }],
  };
}

function verdict(s: Scenario, code: string, asOf: string) {
  const r = evaluateScenario(bundledCorpus(), s, { asOf, jurisdictions: [code], mode: 'transplant' });
  return r.results[0];
}

describe('APPI art. 27(1)(iv): cooperation with a state organ', () => {
  const handover: Facts = {
    sender: { sector: 'private', kind: 'business', role: 'controller', location: 'JP' },
    recipient: { sector: 'public', kind: 'law_enforcement', role: 'controller', same_controller: false, location: 'JP' },
    subjects: { categories: ['customers'] },
    data: { categories: ['face_image'], biometric_identification: false, anonymised: false },
    operation: { kinds: ['disclose'] },
    purpose: { current: 'law_enforcement', within_original: false },
    basis: { consent: 'none' },
  };

  it("a shop handing camera images to the police on a police officer's voluntary request, where asking consent would impede the investigation, is not forbidden in Japan", () => {
    const c = verdict(oneFlow({ ...handover, basis: { consent: 'none', cooperation_with_public_duties: true } }), 'JP', '2026-11-26');
    expect(c.verdict).not.toBe('forbidden');
    expect(c.decisive.map((d) => d.id)).not.toContain('jp.appi.art27.1');
  });

  it('without the item (iv) facts, no consent and no other ground, the same handover is forbidden by art. 27(1)', () => {
    const facts: Facts = {
      ...handover,
      basis: { consent: 'none', cooperation_with_public_duties: false, vital_interests: false },
      purpose: { current: 'law_enforcement', within_original: false, reasonably_related: false, public_health_or_child_welfare: false },
    };
    const c = verdict(oneFlow(facts, { JP: { law: { statute_authorises: false } } }), 'JP', '2026-11-26');
    expect(c.verdict).toBe('forbidden');
    expect(c.decisive.map((d) => d.id)).toContain('jp.appi.art27.1');
  });
});

describe('APP 1.7: decisions a computer program substantially and directly helps to make', () => {
  it('a face-matching alert that store staff act on, unmentioned in the privacy policy, breaches APP 1.7 from 10 Dec 2026', () => {
    const facts: Facts = {
      sender: { sector: 'private', kind: 'business', annual_turnover_aud: 5_000_000_000 },
      operation: { kinds: ['identify_1n'] },
      tech: { automated_decision: false, program_assists_decision: true },
      safeguards: { privacy_policy_covers: false },
    };
    const before = verdict(oneFlow(facts), 'AU', '2026-12-09');
    const after = verdict(oneFlow(facts), 'AU', '2026-12-10');
    expect(before.decisive.map((d) => d.id)).not.toContain('au.privacy-act.app1.7');
    expect(after.verdict).toBe('forbidden');
    expect(after.decisive.map((d) => d.id)).toContain('au.privacy-act.app1.7');
  });
});

describe('PIPA art. 37-2: automated decisions', () => {
  const decision: Facts = {
    sender: { sector: 'private', kind: 'business', role: 'controller' },
    data: { categories: ['name', 'financial'], anonymised: false, pseudonymised: false },
    operation: { kinds: ['use'] },
    purpose: { current: 'commercial_service', within_original: true },
    tech: { automated_decision: false, fully_automated_decision: true },
    safeguards: { adm_explanation_review: false, adm_criteria_published: true },
  };

  it('a fully automated decision without significant effect still owes an explanation on request (art. 37-2(2)-(3))', () => {
    const c = verdict(oneFlow(decision), 'KR', '2026-11-26');
    expect(c.decisive.map((d) => d.id)).toContain('kr.pipa.art37-2.2');
  });

  it("an agency's automatic disposition under Framework Act on Administration art. 20 is outside art. 37-2", () => {
    const facts: Facts = { ...decision, sender: { sector: 'public', kind: 'other_government', role: 'controller', public_task_by_law: true } };
    const c = verdict(oneFlow(facts, { KR: { law: { automatic_disposition: true, statute_authorises: true } } }), 'KR', '2026-11-26');
    expect(c.decisive.map((d) => d.id).filter((id) => id.startsWith('kr.pipa.art37-2'))).toEqual([]);
    expect(c.obligations.map((o) => o.id)).not.toContain('kr.pipa.art37-2.2');
  });
});

/**
 * A cell across time: each change of verdict tied to the amendment or commencement
 * that caused it; and the explanation delta between two dates or two fact sets.
 */
import { describe, expect, it } from 'vitest';
import { bundledCorpus, bundledScenario } from '../helpers.ts';
import { compileCorpus, flowFacts, toAssignment, type Scenario } from '../../src/engine/index.ts';
import { delta, timeline } from '../../src/engine/timeline.ts';

const corpus = bundledCorpus();
const cc = compileCorpus(corpus);

function assignment(s: Scenario, flowId: string, code: string) {
  return toAssignment(flowFacts(s, s.flows.find((f) => f.id === flowId)!, cc.chains.get(code)!), corpus.vocabulary, cc.slots);
}

describe('timeline', () => {
  it('on the record too: the seed companies\' training in Illinois turns forbidden when BIPA commences, a change the open reading does not show', () => {
    const t = timeline(cc, 'US-IL', 'transplant', assignment(bundledScenario('kr-immigration-faces'), 'companies-training', 'US-IL'));
    // The open reading stays conditional (a defence nobody raised could still lift BIPA 15(b)).
    expect(t.periods.map((p) => p.verdict)).toEqual(['not-covered', 'conditional']);
    expect(t.record.periods.map((p) => [p.from, p.to, p.verdict])).toEqual([
      [undefined, '1994-08-25', 'not-covered'],
      ['1994-08-26', '2008-10-02', 'undetermined'],
      ['2008-10-03', undefined, 'forbidden'],
    ]);
    expect(t.record.periods[2].decisive.map((p) => p.id)).toContain('us.il.bipa.s15.b');
    const change = t.record.changes.find((c) => c.date === '2008-10-03')!;
    expect(change).toMatchObject({ from: 'undetermined', to: 'forbidden' });
    expect(change.entered.map((p) => p.id)).toContain('us.il.bipa.s15.b');
    expect(t.changes.some((c) => c.date === '2008-10-03')).toBe(false);
  });

  it('the record reading changes only on dates the open reading could (a provision enters or leaves force)', () => {
    const s = bundledScenario('kr-immigration-faces');
    for (const code of ['KR', 'EU', 'US-IL', 'CN']) {
      for (const f of s.flows) {
        const t = timeline(cc, code, 'transplant', assignment(s, f.id, code));
        for (const c of t.record.changes) expect(c.entered.length + c.ended.length, `${f.id}/${code} ${c.date}`).toBeGreaterThan(0);
        // Consecutive record periods differ, and together they cover every date.
        t.record.periods.forEach((p, i) => i > 0 && expect(p.verdict).not.toBe(t.record.periods[i - 1].verdict));
        expect(t.record.periods.at(-1)!.to).toBeUndefined();
      }
    }
  });

  it('Korean hospital pseudonymised faces: forbidden until the 2020 Data 3 Laws, allowed from 5 August 2020 under PIPA art. 28-2', () => {
    const t = timeline(cc, 'KR', 'transplant', assignment(bundledScenario('kr-hospital-pseudonymised-faces'), 'pseudonymisation', 'KR'));
    expect(t.periods.map((p) => [p.from, p.to, p.verdict])).toEqual([
      [undefined, '2011-09-29', 'not-covered'],
      ['2011-09-30', '2020-08-04', 'forbidden'],
      ['2020-08-05', undefined, 'allowed'],
    ]);
    const change = t.changes.find((c) => c.date === '2020-08-05')!;
    expect(change).toMatchObject({ from: 'forbidden', to: 'allowed' });
    expect(change.versions.map((v) => v.label)).toEqual(expect.arrayContaining([expect.stringContaining('Data 3 Laws')]));
    expect(change.entered.map((p) => p.id)).toContain('kr.pipa.art28-2.1');
    expect(change.delta).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'kr.pipa.art28-2.1', before: 'not in force' })]));
  });

  it("China: nothing before the PIPL's commencement on 1 November 2021", () => {
    const t = timeline(cc, 'CN', 'transplant', assignment(bundledScenario('kr-immigration-faces'), 'provision-training', 'CN'));
    expect(t.periods[0]).toMatchObject({ to: '2021-10-31', verdict: 'not-covered' });
    expect(t.changes[0].date).toBe('2021-11-01');
    expect(t.changes[0].versions.map((v) => v.instrument)).toContain('cn.pipl');
  });

  it('the 2023 PIPA overhaul turns a scraped-face search service in Korea from forbidden to conditional', () => {
    const t = timeline(cc, 'KR', 'transplant', assignment(bundledScenario('clearview-ai-canada'), 'search-service', 'KR'));
    const change = t.changes.find((c) => c.date === '2023-09-15')!;
    expect(change).toMatchObject({ from: 'forbidden', to: 'conditional' });
    expect(change.versions.map((v) => v.label).join()).toMatch(/Act No\. 19234/);
    expect(change.delta.length).toBeGreaterThan(0);
  });
});

describe('explanation delta', () => {
  it("between two dates: the AI Act's scraping ban joins the GDPR against Clearview from 2 February 2025", () => {
    const s = bundledScenario('clearview-ai-eu');
    const a = assignment(s, s.flows[0].id, 'EU');
    const d = delta(cc, 'EU', 'transplant', { asOf: '2024-06-01', assignment: a }, { asOf: '2025-06-01', assignment: a });
    expect(d.before).toBe('forbidden');
    expect(d.after).toBe('forbidden');
    expect(d.record).toEqual({ before: 'forbidden', after: 'forbidden' });
    expect(d.changed).toEqual(expect.arrayContaining([expect.objectContaining({ citation: 'AI Act art. 5(1)(e)', before: 'not in force', after: 'forbids' })]));
  });

  it('says the on-record verdicts on both sides: stating the BIPA release moves the seed companies\' training in Illinois off forbidden on the record', () => {
    const s = bundledScenario('kr-immigration-faces');
    const a = assignment(s, 'companies-training', 'US-IL');
    const released = toAssignment({ 'basis.consent': 'written_release', 'basis.notice_given': true, 'basis.notice_in_writing': true }, corpus.vocabulary, cc.slots, a);
    const d = delta(cc, 'US-IL', 'transplant', { asOf: '2026-11-26', assignment: a }, { asOf: '2026-11-26', assignment: released });
    expect(d.record.before).toBe('forbidden');
    expect(d.record.after).not.toBe('forbidden');
  });

  it('between two fact sets (a what-if): separate consent lifts PIPA art. 23(1)', () => {
    const s = bundledScenario('kr-immigration-faces-pipc-findings');
    const a = assignment(s, 'provision-training', 'KR');
    const consented = toAssignment({ 'basis.consent': 'separate' }, corpus.vocabulary, cc.slots, a);
    const d = delta(cc, 'KR', 'transplant', { asOf: '2022-04-27', assignment: a }, { asOf: '2022-04-27', assignment: consented });
    expect(d.changed).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'kr.pipa.art23.1.1', after: expect.stringMatching(/^lifts PIPA art\. 23\(1\)/) })]));
    expect(d.changed.every((e) => e.before !== e.after)).toBe(true);
  });
});

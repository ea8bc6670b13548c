import { describe, expect, it } from 'vitest';
import { evaluateScenario, type Facts, type Mode } from '../../src/engine/index.ts';
import { fixtureCorpus } from './fixture.ts';

const corpus = fixtureCorpus();

function run(facts: Facts, code = 'AA', asOf = '2020-01-01', mode: Mode = 'transplant', jurisdictionFacts?: Record<string, Facts>) {
  const scenario = { id: 't', title: 't', summary: 't', sources: [], parties: [], facts: {}, jurisdictionFacts, flows: [{ id: 'f', label: 'f', facts }] };
  return evaluateScenario(corpus, scenario, { asOf, jurisdictions: [code], mode, detail: 'explained' }).results[0];
}

const settled = { a: { kind: 'w', count: 5, loc: 'AA', other: false } };

describe('three-valued verdicts', () => {
  it('a flow that meets no prohibition and engages no duty is allowed', () => {
    expect(run({ a: { ...settled.a, set: ['q'] } }).verdict).toBe('allowed');
  });

  it('an unknown fact that no condition reads does not matter', () => {
    const r = run({ a: { kind: 'w', count: 5, set: [] } });
    expect(r.verdict).toBe('allowed');
    expect(r.dependsOn).not.toContain('a.flag');
  });

  it('an unknown set membership that decides a prohibition makes the verdict conditional and names the deciding facts', () => {
    const r = run({ a: { kind: 'w', count: 5 } });
    expect(r.verdict).toBe('conditional');
    expect(r.dependsOn).toEqual(['a.flag', 'a.set']);
    const forbidden = r.outcomes.find((o) => o.verdict === 'forbidden')!;
    expect(forbidden.when).toEqual([[
      expect.objectContaining({ fact: 'a.set', test: expect.objectContaining({ op: 'includes', value: 'p' }) }),
      expect.objectContaining({ fact: 'a.flag', test: expect.objectContaining({ value: false }) }),
    ]]);
    const allowed = r.outcomes.find((o) => o.verdict === 'allowed')!;
    expect(allowed.when.map((c) => c.map((x) => x.text)).sort()).toEqual([['the flag is up: yes'], ['the items do not include pea']]);
  });

  it('an exception that holds lifts the prohibition and is cited as decisive', () => {
    const r = run({ a: { ...settled.a, set: ['p'], flag: true } });
    expect(r.verdict).toBe('allowed');
    expect(r.decisive.map((d) => d.id)).toEqual(['aa.act.e1']);
  });

  it('a prohibition whose exception fails forbids the flow and is cited', () => {
    const r = run({ a: { ...settled.a, set: ['p'], flag: false } });
    expect(r.verdict).toBe('forbidden');
    expect(r.decisive).toEqual([expect.objectContaining({ id: 'aa.act.p1', role: 'prohibition' })]);
  });

  it('an enum fact compares with mentioned values and one "other"', () => {
    const r = run({ a: { count: 5, set: [] } }, 'AA', '2020-01-01');
    expect(r.verdict).toBe('conditional');
    const texts = r.outcomes.flatMap((o) => o.when.flat().map((c) => c.text));
    expect(texts).toContain('the kind is why');
    expect(texts.some((t) => t.startsWith('the kind is none of:'))).toBe(true);
  });

  it('a tautology over an unknown fact is settled exactly, not left unknown as Kleene logic would', () => {
    const r = run({ a: { ...settled.a, set: ['q'] } }, 'BB');
    expect(r.verdict).toBe('forbidden');
    expect(r.decisive.map((d) => d.id)).toEqual(['bb.act.taut']);
  });
});

describe('remedies', () => {
  it('a forbidden cell lists the remedies its instruments provide; they decide nothing', () => {
    const r = run({ a: { ...settled.a, kind: 'x', set: ['p'], flag: false } });
    expect(r.verdict).toBe('forbidden');
    expect(r.remedies).toEqual([expect.objectContaining({ id: 'aa.act.r1', status: 'available' })]);
    expect(r.decisive.map((d) => d.id)).not.toContain('aa.act.r1');
  });

  it('a remedy tied to certain rules follows only their breach', () => {
    const prohibitionBreach = run({ a: { ...settled.a, kind: 'x', set: ['p'], flag: false } });
    expect(prohibitionBreach.remedies.map((r) => r.id)).toEqual(['aa.act.r1']);
    const dutyBreach = run({ a: { ...settled.a, count: 500, set: [] } }, 'AA', '2020-01-01', 'transplant', { AA: { law: { ok: false } } });
    expect(dutyBreach.verdict).toBe('forbidden');
    expect(dutyBreach.remedies.map((r) => r.id).sort()).toEqual(['aa.act.r1', 'aa.act.r2']);
  });

  it('a remedy whose condition fails, or an allowed cell, lists none', () => {
    expect(run({ a: { ...settled.a, other: true, set: ['p'], flag: false } }).remedies).toEqual([]);
    expect(run({ a: { ...settled.a, kind: 'x', set: [] } }, 'AA', '2010-06-01').remedies).toEqual([]);
  });

  it('an unknown fact makes a remedy possible, not available', () => {
    const r = run({ a: { kind: 'w', count: 5, loc: 'AA', set: ['p'], flag: false } });
    expect(r.verdict).toBe('forbidden');
    expect(r.remedies).toEqual([expect.objectContaining({ id: 'aa.act.r1', status: 'possible' })]);
  });
});

describe('obligations', () => {
  it('an engaged duty that is met leaves the flow allowed and is listed', () => {
    const r = run({ a: { ...settled.a, count: 500, set: [] } }, 'AA', '2020-01-01', 'transplant', { AA: { law: { ok: true } } });
    expect(r.verdict).toBe('allowed');
    expect(r.obligations).toEqual([expect.objectContaining({ id: 'aa.act.o1', status: 'met' })]);
  });

  it('an engaged duty that is not met forbids the flow', () => {
    const r = run({ a: { ...settled.a, count: 500, set: [] } }, 'AA', '2020-01-01', 'transplant', { AA: { law: { ok: false } } });
    expect(r.verdict).toBe('forbidden');
    expect(r.decisive).toEqual([expect.objectContaining({ id: 'aa.act.o1', role: 'obligation', status: 'breached' })]);
  });

  it('an engaged duty whose fulfilment is unknown is open, and the verdict conditional on it', () => {
    const r = run({ a: { ...settled.a, count: 500, set: [] } });
    expect(r.verdict).toBe('conditional');
    expect(r.obligations).toEqual([expect.objectContaining({ id: 'aa.act.o1', status: 'open' })]);
    expect(r.dependsOn).toEqual(['law.ok']);
  });

  it('an exemption that holds takes the duty away, and is cited', () => {
    const r = run({ a: { ...settled.a, count: 500, set: [], other: true } }, 'AA', '2020-01-01', 'transplant', { AA: { law: { ok: false } } });
    expect(r.verdict).toBe('allowed');
    expect(r.decisive).toEqual([expect.objectContaining({ id: 'aa.act.ex-o1', role: 'exception' })]);
    expect(r.obligations).toEqual([]);
    expect(r.explanation!.obligations[0]).toMatchObject({ status: 'lifted', exceptions: [{ holds: 'true' }] });
  });

  it('a legal-order fact stated for another jurisdiction is unknown here', () => {
    const r = run({ a: { ...settled.a, count: 500, set: [] } }, 'AA', '2020-01-01', 'transplant', { BB: { law: { ok: true } } });
    expect(r.verdict).toBe('conditional');
  });
});

describe('dates in force', () => {
  it('in 2005 the first version of an amended provision applies', () => {
    expect(run({ a: { ...settled.a, kind: 'x', set: [] } }, 'AA', '2005-06-01').verdict).toBe('forbidden');
    expect(run({ a: { ...settled.a, kind: 'y', set: [] } }, 'AA', '2005-06-01').verdict).toBe('allowed');
  });

  it('from the amendment on, the second version applies', () => {
    expect(run({ a: { ...settled.a, kind: 'x', set: [] } }, 'AA', '2010-01-01').verdict).toBe('allowed');
    expect(run({ a: { ...settled.a, kind: 'y', set: [] } }, 'AA', '2010-01-01').verdict).toBe('forbidden');
  });

  it('before any instrument was in force the flow is not covered, which is not allowed', () => {
    const r = run({ a: { ...settled.a, set: ['p'] } }, 'AA', '1999-12-31');
    expect(r.verdict).toBe('not-covered');
  });
});

describe('inheritance and territory', () => {
  it('a jurisdiction applies the instruments it inherits', () => {
    const r = run({ a: { ...settled.a, set: ['p'], flag: false } }, 'BB');
    expect(r.verdict).toBe('forbidden');
    expect(r.decisive.map((d) => d.id)).toContain('aa.act.p1');
  });

  it('a jurisdiction can narrow an instrument it inherits (and only there)', () => {
    const facts = { a: { ...settled.a, kind: 'z', set: ['p'], flag: false } };
    expect(run(facts, 'AA').verdict).toBe('forbidden');
    const r = run(facts, 'BB');
    expect(r.verdict).toBe('allowed');
    expect(r.explanation!.instruments.find((i) => i.id === 'aa.act')).toMatchObject({ applies: 'false' });
  });

  it('a jurisdiction with nothing encoded is not covered', () => {
    expect(run({ a: { ...settled.a, set: ['p'] } }, 'CC').verdict).toBe('not-covered');
  });

  it('transplant mode sets territorial scope aside; actual mode applies it', () => {
    const facts = { a: { ...settled.a, loc: 'other', set: ['p'], flag: false } };
    expect(run(facts, 'AA', '2020-01-01', 'transplant').verdict).toBe('forbidden');
    const actual = run(facts, 'AA', '2020-01-01', 'actual');
    expect(actual.verdict).toBe('not-covered');
    expect(actual.decisive).toEqual([expect.objectContaining({ id: 'aa.act.territory', role: 'scope' })]);
  });

  it('in actual mode an unknown location makes coverage itself conditional', () => {
    const r = run({ a: { kind: 'w', count: 5, set: ['p'], flag: false, other: false } }, 'AA', '2020-01-01', 'actual');
    expect(r.verdict).toBe('conditional');
    expect(r.outcomes.map((o) => o.verdict).sort()).toEqual(['forbidden', 'not-covered']);
  });
});

describe('explanations', () => {
  it('give each condition part its value in plain language', () => {
    const r = run({ a: { ...settled.a, set: ['p'] } });
    const p1 = r.explanation!.prohibitions.find((p) => p.provision.id === 'aa.act.p1')!;
    expect(p1.condition).toMatchObject({ text: 'the items include pea', value: 'true' });
    expect(p1.exceptions[0]).toMatchObject({ holds: 'unknown', condition: { text: 'the flag is up', value: 'unknown' } });
    expect(r.explanation!.instruments[0].scope[0].setAside).toMatch(/transplant/);
  });
});

/**
 * The on-record reading, kind by kind, on the synthetic corpus: elements must be
 * established to make a rule fire, defences count only when shown, and every
 * presumption and missing element is named.
 */
import { describe, expect, it } from 'vitest';
import { evaluateScenario, type Corpus, type Facts, type Mode } from '../../src/engine/index.ts';
import { fixtureCorpus, provisions } from './fixture.ts';

const corpus = fixtureCorpus();

function run(facts: Facts, code = 'AA', options: { mode?: Mode; establish?: string[]; corpus?: Corpus } = {}) {
  const scenario = { id: 't', title: 't', summary: 't', sources: [], parties: [], facts: {}, flows: [{ id: 'f', label: 'f', facts }] };
  return evaluateScenario(options.corpus ?? corpus, scenario, { asOf: '2020-01-01', jurisdictions: [code], mode: options.mode, establish: options.establish }).results[0];
}

const base = { kind: 'w', count: 5, loc: 'AA', other: false };

describe('on the record', () => {
  it('an unshown exception is presumed not established: the prohibition forbids, and the presumption is named', () => {
    const r = run({ a: { ...base, set: ['p'] } });
    expect(r.verdict).toBe('conditional');
    expect(r.record!.verdict).toBe('forbidden');
    expect(r.record!.decisive.map((d) => d.id)).toEqual(['aa.act.p1']);
    expect(r.record!.presumptions).toEqual([
      expect.objectContaining({ id: 'aa.act.e1', role: 'exception', reading: 'not-established', answers: ['aa.act.p1'], facts: ['a.flag'] }),
    ]);
    expect(r.record!.missing).toEqual([]);
  });

  it('an exception shown on the record lifts the prohibition', () => {
    const r = run({ a: { ...base, set: ['p'], flag: true } });
    expect(r.record!.verdict).toBe('allowed');
    expect(r.record!.decisive.map((d) => d.id)).toEqual(['aa.act.e1']);
    expect(r.record!.presumptions).toEqual([]);
  });

  it('taking a presumed defence as shown moves the verdict the way the defence says', () => {
    const r = run({ a: { ...base, set: ['p'] } }, 'AA', { establish: ['aa.act.e1'] });
    expect(r.record!.verdict).toBe('allowed');
    expect(r.record!.presumptions).toEqual([]);
  });

  it('an unknown element of a prohibition leaves the cell undetermined and names the missing element', () => {
    const r = run({ a: { ...base, flag: false } });
    expect(r.record!.verdict).toBe('undetermined');
    expect(r.record!.missing).toEqual([expect.objectContaining({ id: 'aa.act.p1', role: 'prohibition', part: 'element', facts: ['a.set'] })]);
    expect(r.record!.presumptions).toEqual([]);
  });

  it('an engaged duty whose performance is unknown is undetermined; an unshown exemption is presumed absent', () => {
    const r = run({ a: { ...base, set: [], count: 500, other: undefined } });
    expect(r.record!.verdict).toBe('undetermined');
    expect(r.record!.missing).toEqual([expect.objectContaining({ id: 'aa.act.o1', role: 'obligation', part: 'performance', facts: ['law.ok'] })]);
    expect(r.record!.presumptions).toEqual([expect.objectContaining({ id: 'aa.act.ex-o1', role: 'exemption', answers: ['aa.act.o1'] })]);
  });

  it('a duty engaged and not met is breached on the record unless an exemption is shown', () => {
    const scenario = { id: 't', title: 't', summary: 't', sources: [], parties: [], facts: {}, jurisdictionFacts: { AA: { law: { ok: false } } }, flows: [{ id: 'f', label: 'f', facts: { a: { ...base, set: [], count: 500, other: undefined } } }] };
    const r = evaluateScenario(corpus, scenario, { asOf: '2020-01-01', jurisdictions: ['AA'] }).results[0];
    expect(r.verdict).toBe('conditional');
    expect(r.record!.verdict).toBe('forbidden');
    expect(r.record!.decisive).toEqual([expect.objectContaining({ id: 'aa.act.o1', status: 'breached' })]);
  });

  it('whether a duty is engaged at all is an element to establish', () => {
    const r = run({ a: { ...base, set: [], count: undefined } });
    expect(r.record!.verdict).toBe('undetermined');
    expect(r.record!.missing).toEqual([expect.objectContaining({ id: 'aa.act.o1', part: 'engagement', facts: ['a.count'] })]);
  });

  it('an unshown scope exclusion is presumed not to apply; the flow stays within the instrument', () => {
    const r = run({ a: { ...base, kind: undefined, set: ['p'], flag: false } }, 'BB');
    expect(r.verdict).toBe('conditional');
    expect(r.record!.verdict).toBe('forbidden');
    expect(r.record!.presumptions).toEqual([expect.objectContaining({ id: 'bb.act.limit', role: 'exclusion' })]);
    expect(run({ a: { ...base, kind: undefined, set: ['p'], flag: false } }, 'BB', { establish: ['bb.act.limit'] }).record!.verdict).not.toBe('forbidden');
  });

  it('an unknown requirement of scope is missing, not presumed', () => {
    const r = run({ a: { ...base, loc: undefined, set: ['p'], flag: false } }, 'AA', { mode: 'actual' });
    expect(r.record!.verdict).toBe('undetermined');
    expect(r.record!.missing).toEqual([expect.objectContaining({ id: 'aa.act.territory', role: 'scope', part: 'scope', facts: ['a.loc'] })]);
  });

  it('a settled open verdict with nothing unknown reads the same on the record', () => {
    for (const facts of [{ a: { ...base, set: ['q'] } }, { a: { ...base, set: ['p'], flag: false } }]) {
      const r = run(facts);
      expect(r.record!.verdict).toBe(r.verdict);
      expect(r.record!.presumptions).toEqual([]);
    }
    expect(run({ a: { ...base, set: [] } }, 'CC').record!.verdict).toBe('not-covered');
  });

  it('a provision whose law presumes it holds is read as holding, and the presumption names that law', () => {
    const presumed = provisions.map((p) => (p.id === 'aa.act.e1' ? { ...p, presumption: { reading: 'holds' as const, basis: 'Synthetic Act s. 9 presumes the flag is up unless shown otherwise.' } } : p));
    const r = run({ a: { ...base, set: ['p'] } }, 'AA', { corpus: { ...corpus, provisions: presumed } });
    expect(r.record!.verdict).toBe('allowed');
    expect(r.record!.presumptions).toEqual([expect.objectContaining({ id: 'aa.act.e1', reading: 'holds', basis: expect.stringContaining('s. 9') })]);
  });

  it('the bare path leaves the on-record reading out', () => {
    const scenario = { id: 't', title: 't', summary: 't', sources: [], parties: [], facts: {}, flows: [{ id: 'f', label: 'f', facts: { a: base } }] };
    expect(evaluateScenario(corpus, scenario, { asOf: '2020-01-01', jurisdictions: ['AA'], detail: 'verdict' }).results[0].record).toBeUndefined();
  });
});

/**
 * Set facts stated in part: `{"includes": [...], "excludes": [...]}` says which
 * members are in and which are out, and leaves every other member unknown, so a
 * condition on an unnamed member is unknown, exactly as for any unstated fact.
 */
import { describe, expect, it } from 'vitest';
import { evaluateScenario, flattenFacts, toAssignment, type Facts } from '../../src/engine/index.ts';
import { slotMap } from '../../src/engine/assignment.ts';
import { checkFacts } from '../../src/corpus/facts.ts';
import { fixtureCorpus } from './fixture.ts';

const corpus = fixtureCorpus();
// aa.act.p1 forbids when the items include "p" (lifted by a.flag); bb.act.taut when they include "q".
const settled = { kind: 'w', count: 5, loc: 'AA', other: false, flag: false };

function run(facts: Facts, code = 'AA') {
  const scenario = { id: 't', title: 't', summary: 't', sources: [], parties: [], facts: {}, flows: [{ id: 'f', label: 'f', facts }] };
  return evaluateScenario(corpus, scenario, { asOf: '2020-01-01', jurisdictions: [code], detail: 'explained' }).results[0];
}

describe('set facts stated in part', () => {
  it('a listed set is closed: every member not listed is out', () => {
    expect(run({ a: { ...settled, set: ['q'] } }).verdict).toBe('allowed');
  });

  it('an included member decides like a listed one', () => {
    const r = run({ a: { ...settled, set: { includes: ['p'] } } });
    expect(r.verdict).toBe('forbidden');
    expect(r.decisive.map((d) => d.id)).toEqual(['aa.act.p1']);
  });

  it('with the others unknown, a condition on an unnamed member stays unknown: the verdict is conditional on it', () => {
    const r = run({ a: { ...settled, set: { includes: ['q'], others: 'unknown' } } });
    expect(r.verdict).toBe('conditional');
    expect(r.dependsOn).toContain('a.set');
    const forbidden = r.outcomes.find((o) => o.verdict === 'forbidden')!;
    expect(forbidden.when).toEqual([[expect.objectContaining({ fact: 'a.set', test: expect.objectContaining({ op: 'includes', value: 'p' }) })]]);
  });

  it('a member known to be out settles the condition that names it', () => {
    expect(run({ a: { ...settled, set: { includes: ['r'], excludes: ['p'] } } }).verdict).toBe('allowed');
    // In BB, bb.act.taut reads "q", which is neither included nor excluded.
    expect(run({ a: { ...settled, set: { includes: ['r'], excludes: ['p'] } } }, 'BB').verdict).toBe('conditional');
  });

  it('each member becomes its own atom: in, out, or unknown', () => {
    const slots = slotMap(['a.set∋p', 'a.set∋q', 'a.set∋r']);
    const a = toAssignment(flattenFacts({ a: { set: { includes: ['p'], excludes: ['r'] } } }), corpus.vocabulary, slots);
    expect(a.slice(0, 3)).toEqual([true, undefined, false]);
  });

  it('an open set written over a stated one replaces it (the members it does not name become unknown)', () => {
    const slots = slotMap(['a.set∋p', 'a.set∋q', 'a.set∋r']);
    const base = toAssignment({ 'a.set': ['p', 'q'] }, corpus.vocabulary, slots);
    const a = toAssignment({ 'a.set': { includes: ['q'] } }, corpus.vocabulary, slots, base);
    expect(a.slice(0, 3)).toEqual([undefined, true, undefined]);
  });

  it('is checked against the vocabulary with clear messages', () => {
    const check = (set: unknown) => checkFacts({ a: { set } }, corpus.vocabulary, { at: 'facts', allow: 'flow' }).map((p) => p.message);
    expect(check({ includes: ['p'], excludes: ['q'] })).toEqual([]);
    expect(check({ includes: ['pp'] })[0]).toMatch(/"pp" is not a value of a\.set/);
    expect(check({ includes: ['p'], exclude: ['q'] })[0]).toMatch(/unknown field "exclude".*did you mean excludes/);
    expect(check({ includes: ['p'], excludes: ['p'] })[0]).toMatch(/"p" is both included and excluded/);
    expect(check({ includes: ['p'], others: 'excluded' })[0]).toMatch(/"others" may only be "unknown"/);
    expect(check({ includes: 'p' })[0]).toMatch(/"includes" must be a list/);
    expect(check('p')[0]).toMatch(/expected a list of values/);
  });
});

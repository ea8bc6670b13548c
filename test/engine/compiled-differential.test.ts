/**
 * The compiled fast path against json-logic-js, the definition of every operator:
 * every leaf of every bundled condition on every provision example and on
 * thousands of random fact sets; whole matrices through both paths; and the
 * operator edge cases where a hand-written evaluator could drift.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { compileCorpus, evaluateScenario, flattenFacts, toAssignment } from '../../src/engine/index.ts';
import { type CNode, eval3 } from '../../src/engine/kleene.ts';
import { slotMap } from '../../src/engine/assignment.ts';
import { compileTest, parseCondition, referenceTest } from '../../src/engine/logic.ts';
import { bundledCorpus, bundledScenario } from '../helpers.ts';
import { fixtureCorpus } from './fixture.ts';

function leaves(node: CNode, out: CNode[] = []): CNode[] {
  if (node.op === 'leaf') out.push(node);
  else if (node.op === 'not' || node.op === 'bool') leaves(node.kid, out);
  else if (node.op === 'and' || node.op === 'or' || node.op === 'if') node.kids.forEach((k) => leaves(k, out));
  return out;
}

describe('compiled leaves agree with json-logic-js', () => {
  const corpus = bundledCorpus();
  const compiled = compileCorpus(corpus, 'compiled');
  const reference = compileCorpus(corpus, 'reference');
  const allLeaves = compiled.provisions.flatMap((cp, i) =>
    [[cp.when, reference.provisions[i].when], ...(cp.met ? [[cp.met, reference.provisions[i].met!]] : [])].flatMap(([c, r]) => {
      const a = leaves(c as CNode);
      const b = leaves(r as CNode);
      return a.map((leaf, k) => ({ id: cp.p.id, fast: leaf, slow: b[k] }));
    }),
  );
  const atoms = compiled.atomInfo;

  it('on every provision example', () => {
    let checked = 0;
    for (const cp of compiled.provisions) {
      for (const ex of cp.p.examples) {
        const a = toAssignment(flattenFacts(ex.facts), corpus.vocabulary, compiled.slots);
        for (const { fast, slow } of allLeaves) {
          if (fast.op !== 'leaf' || slow.op !== 'leaf') continue;
          if (fast.atoms.some((x) => a[x] === undefined)) continue;
          expect(fast.test(a), JSON.stringify(fast.logic)).toBe(slow.test(a));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('on thousands of random fact sets', () => {
    const assignment = fc.tuple(...atoms.map((info) => fc.constantFrom(...info.distinctions.map((d) => d.value))));
    fc.assert(
      fc.property(assignment, (a) => {
        for (const { fast, slow } of allLeaves) {
          if (fast.op === 'leaf' && slow.op === 'leaf' && fast.test(a) !== slow.test(a)) return false;
        }
        return true;
      }),
      { numRuns: 3000, seed: 20261126 },
    );
  });

  it('whole matrices come out the same through both paths', () => {
    const scenario = bundledScenario('kr-immigration-faces');
    for (const asOf of ['2019-06-01', '2026-11-26']) {
      const fast = evaluateScenario(corpus, scenario, { asOf }, compiled);
      const slow = evaluateScenario(corpus, scenario, { asOf }, reference);
      expect(fast.results.map((r) => [r.flow, r.jurisdiction, r.verdict, r.dependsOn])).toEqual(
        slow.results.map((r) => [r.flow, r.jurisdiction, r.verdict, r.dependsOn]),
      );
    }
  });
});

describe('operator edge cases behave as in json-logic-js', () => {
  const sets = new Set(['a.set']);
  const slots = slotMap(['a.count', 'a.kind', 'a.set∋p', 'a.set∋q']);
  const assign = (facts: Record<string, unknown>) => {
    const a: unknown[] = [];
    for (const [k, v] of Object.entries(facts)) a[slots.slot(k)] = v;
    return a;
  };
  const cases: [string, unknown, Record<string, unknown>][] = [
    ['"in" on a number is false', { in: ['1', { var: 'a.count' }] }, { 'a.count': 1 }],
    ['"in" on a string is substring search', { in: ['pe', { var: 'a.kind' }] }, { 'a.kind': 'pea' }],
    ['loose equality of 1 and "1"', { '==': [{ var: 'a.count' }, '1'] }, { 'a.count': 1 }],
    ['strict equality of 1 and "1"', { '===': [{ var: 'a.count' }, '1'] }, { 'a.count': 1 }],
    ['between with three arguments', { '<': [1, { var: 'a.count' }, 10] }, { 'a.count': 5 }],
    ['between, outside', { '<=': [1, { var: 'a.count' }, 4] }, { 'a.count': 5 }],
    ['set membership', { in: ['p', { var: 'a.set' }] }, { 'a.set∋p': true }],
    ['set non-membership', { in: ['q', { var: 'a.set' }] }, { 'a.set∋q': false }],
    ['comparing with null', { '==': [{ var: 'a.count' }, null] }, { 'a.count': 0 }],
  ];
  for (const [name, logic, a] of cases) {
    it(name, () => {
      expect(compileTest(logic, sets, slots)(assign(a))).toBe(referenceTest(logic, sets, slots)(assign(a)));
    });
  }

  it('{"and": []} is false in both, as json-logic-js makes it falsy', () => {
    expect(jsonLogic.truthy(jsonLogic.apply({ and: [] } as never, {}))).toBe(false);
    expect(eval3(parseCondition({ and: [] }, { setFacts: sets, slots, compile: compileTest }), [])).toBe(0);
  });

  it('operators outside the rule subset are refused by the compiler rather than guessed', () => {
    for (const logic of [{ '/': [1, 0] }, { max: [] }, {}, { var: ['a.count', 3] }, { some: [[], true] }]) {
      expect(() => compileTest(logic, sets, slots)).toThrow();
    }
  });

  it('the fixture corpus compiles on both paths', () => {
    const corpus = fixtureCorpus();
    expect(compileCorpus(corpus, 'compiled').provisions.length).toBe(compileCorpus(corpus, 'reference').provisions.length);
  });
});

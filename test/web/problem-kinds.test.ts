/**
 * API error codes come from the kind a problem is found with, not from its
 * wording: each kind is asserted as a field (with its did-you-mean suggestion),
 * and a reworded message keeps its code.
 */
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/corpus/load.ts';
import type { Problem } from '../../src/corpus/errors.ts';
import { scenarioError } from '../../src/web/errors.ts';
import { seedScenario, webData } from './fixtures.ts';

type Mutable = Record<string, any>;

/** The first problem of the seed scenario changed by `change`, and the code the API answers it with. */
function firstProblem(change: (s: Mutable) => void): { problem: Problem; code: string } {
  const s = structuredClone(seedScenario()) as unknown as Mutable;
  change(s);
  const { problems } = checkScenario(s, webData().corpus);
  expect(problems.length).toBeGreaterThan(0);
  return { problem: problems[0], code: scenarioError(problems).code };
}

describe('a scenario problem carries its kind and suggestion; the API code is the kind', () => {
  const cases: { name: string; change: (s: Mutable) => void; kind: Problem['kind']; suggestion?: string }[] = [
    { name: 'a mistyped fact', change: (s) => { s.facts.data = { categoriez: ['face_image'] }; }, kind: 'unknown_fact', suggestion: 'data.categories' },
    { name: 'a mistyped jurisdiction code', change: (s) => { s.jurisdictionFacts = { KX: {} }; }, kind: 'unknown_jurisdiction', suggestion: 'KR' },
    { name: 'a mistyped value of an enum', change: (s) => { s.facts.basis = { consent: 'seperate' }; }, kind: 'invalid_value', suggestion: 'separate' },
    { name: 'a mistyped member of a set', change: (s) => { s.facts.data = { categories: ['face_imag'] }; }, kind: 'invalid_value', suggestion: 'face_image' },
    { name: 'a value of the wrong type', change: (s) => { s.facts.subjects = { large_scale: 'yes' }; }, kind: 'invalid_value' },
    { name: 'a value of the wrong form', change: (s) => { s.id = 'Not An Id'; }, kind: 'invalid_value' },
    { name: 'a mistyped group of facts', change: (s) => { s.facts.dataz = { categories: [] }; }, kind: 'invalid_scenario', suggestion: 'data' },
    { name: 'a missing field', change: (s) => { delete s.title; }, kind: 'invalid_scenario' },
    { name: 'a flow fact stated for a legal order', change: (s) => { s.jurisdictionFacts = { KR: { data: { categories: [] } } }; }, kind: 'invalid_scenario' },
    { name: 'an unknown party', change: (s) => { s.flows[0].sender = 'nobody'; }, kind: 'invalid_scenario' },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.kind}${c.suggestion ? `, did you mean ${c.suggestion}` : ''}`, () => {
      const { problem, code } = firstProblem(c.change);
      expect(problem.kind).toBe(c.kind);
      expect(problem.suggestion).toBe(c.suggestion);
      expect(code).toBe(c.kind);
      if (c.suggestion) expect(problem.message).toContain(`did you mean ${c.suggestion}?`);
    });
  }

  it('rewording a message does not change its code', () => {
    for (const kind of ['unknown_fact', 'unknown_jurisdiction', 'invalid_value', 'invalid_scenario'] as const) {
      // Each message reads like another kind's, which a code read from the wording would follow.
      for (const message of ['unknown fact', 'unknown jurisdiction XX', 'expected true or false', 'is not a value of x', 'something else entirely']) {
        expect(scenarioError([{ path: 'facts.data.x', kind, message }]).code).toBe(kind);
      }
    }
  });
});

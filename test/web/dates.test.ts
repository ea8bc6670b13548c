/**
 * One date check for every edge: a date the corpus refuses in a scenario, the web
 * refuses as asOf and the CLI refuses as --as-of, each saying what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/dates.ts';
import { checkFacts } from '../../src/corpus/facts.ts';
import { parseAsOf } from '../../src/web/params.ts';
import { HttpError } from '../../src/web/errors.ts';
import { run } from '../../src/cli/main.ts';
import type { FactDef, Vocabulary } from '../../src/engine/types.ts';

// The bundled vocabulary declares no date fact yet, so the corpus is checked against one of its own.
const decided: FactDef = { key: 'decision.date', group: 'decision', type: 'date', scope: 'flow', label: 'Date of the decision', question: 'When was it decided?' };
const vocabulary: Vocabulary = { groups: [{ id: 'decision', label: 'Decision' }], facts: [decided], byKey: new Map([[decided.key, decided]]) };

describe('a date is a real calendar day written YYYY-MM-DD', () => {
  it('accepts real days, leap days included', () => {
    for (const d of ['2023-02-28', '2024-02-29', '1999-12-31', '2023-01-01']) expect(isIsoDate(d)).toBe(true);
  });

  it('refuses days the calendar does not have, other forms and non-strings', () => {
    for (const d of ['2023-02-30', '2023-02-29', '2023-13-01', '2023-00-10', '2023-04-31', '2023-1-01', '20230101', '2023-01-01T00:00:00Z', '', 20230101, null, undefined]) expect(isIsoDate(d)).toBe(false);
  });

  it('the corpus refuses 2023-02-30 as a scenario fact, naming the fact', () => {
    expect(checkFacts({ decision: { date: '2023-02-28' } }, vocabulary, { at: 'facts', allow: 'flow' })).toEqual([]);
    const [p, ...rest] = checkFacts({ decision: { date: '2023-02-30' } }, vocabulary, { at: 'facts', allow: 'flow' });
    expect(rest).toEqual([]);
    expect(p.path).toBe('facts.decision.date');
    expect(p.message).toBe('decision.date: expected a calendar date YYYY-MM-DD, got "2023-02-30"');
  });

  it('the web refuses 2023-02-30 as asOf with a 400 naming the parameter', () => {
    expect(parseAsOf('2023-02-28', '2024-06-01')).toBe('2023-02-28');
    let thrown: unknown;
    try {
      parseAsOf('2023-02-30', '2024-06-01');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect(thrown).toMatchObject({ status: 400, code: 'invalid_date', path: 'asOf', message: 'asOf: "2023-02-30" is not a valid date; use YYYY-MM-DD' });
  });

  it('the CLI refuses 2023-02-30 as --as-of in one line, exit code 1', () => {
    const err: string[] = [];
    const code = run(['rules', '--as-of', '2023-02-30'], { out: () => {}, err: (s) => err.push(s) });
    expect(code).toBe(1);
    expect(err).toEqual(['lexflow: --as-of: "2023-02-30" is not a valid date; use YYYY-MM-DD']);
  });
});

describe('the engine holds asOf to the same check', () => {
  it('refuses 2023-02-30 with an input error naming asOf', async () => {
    const { evaluateScenario, EngineInputError } = await import('../../src/engine/index.ts');
    const { loadCorpus } = await import('../../src/corpus/load.ts');
    const scenario = { id: 's', title: 's', summary: '', parties: [], facts: {}, flows: [{ id: 'f', label: 'f', facts: {} }] } as never;
    const run = () => evaluateScenario(loadCorpus(), scenario, { asOf: '2023-02-30', jurisdictions: ['KR'] });
    expect(run).toThrow(EngineInputError);
    expect(run).toThrow(/asOf must be a calendar date/);
  });
});

/** Checks every golden matrix in test/golden/seed.*.json (the format and the update flag: golden.ts). */
import { afterAll, describe, expect, it } from 'vitest';
import { bundledScenario } from '../helpers.ts';
import { CHECKED_LISTS, CLAIMS, UPDATE, cellKey, checkedLists, evaluateGolden, goldenFiles, readingsOf, updated, writeGolden, type CheckedList, type ListCheck } from './golden.ts';

function expectList(actual: string[], check: ListCheck, what: string): void {
  for (const claim of Object.keys(check)) expect(CLAIMS, `${what}: a kind of claim`).toContain(claim as (typeof CLAIMS)[number]);
  if (check.equals) expect(actual, what).toEqual(check.equals);
  if (check.includes) expect(actual, what).toEqual(expect.arrayContaining(check.includes));
  for (const x of check.excludes ?? []) expect(actual, what).not.toContain(x);
  for (const p of check.includesPrefix ?? []) expect(actual.some((x) => x.startsWith(p)), `${what}: some start with ${p}`).toBe(true);
  for (const p of check.excludesPrefix ?? []) expect(actual.some((x) => x.startsWith(p)), `${what}: none starts with ${p}`).toBe(false);
}

const golden = goldenFiles();

it('finds the golden files', () => {
  expect(golden.length).toBeGreaterThan(0);
});

describe.each(golden)('$name', ({ path, data }) => {
  const results = evaluateGolden(data);
  afterAll(() => {
    if (UPDATE) writeGolden(path, updated(data, results));
  });

  it('covers every flow of the scenario on each date and in each jurisdiction of its grid, once', () => {
    const flows = bundledScenario(data.scenario).flows.map((f) => f.id).sort();
    for (const asOf of data.grid.asOf) {
      for (const j of data.grid.jurisdictions) {
        const covered = data.cells.filter((c) => c.asOf === asOf && c.jurisdiction === j).map((c) => c.flow).sort();
        expect(covered, `${j} ${asOf}`).toEqual(flows);
      }
    }
    const keys = data.cells.map(cellKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(data.cells.map((c) => [cellKey(c), c] as const))('%s', (key, c) => {
    const r = results.get(key);
    if (!r) throw new Error(`the engine gave no cell ${key}`);
    expect(c.justification.trim(), 'a justification').not.toBe('');
    if (!UPDATE) expect(readingsOf(r)).toEqual({ open: c.open, record: c.record });
    const lists = checkedLists(r);
    for (const [name, check] of Object.entries(c.checks ?? {})) {
      expect(CHECKED_LISTS, 'a list a check can read').toContain(name);
      expectList(lists[name as CheckedList], check, name);
    }
  });
});

/**
 * The instrument schema holds each kind of provision to its own fields, so an editor that
 * reads the schema flags a missing or stray field while the file is typed, before the lint.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { validateAgainst } from '../../src/corpus/schemas.ts';

const RULES = join(import.meta.dirname, '../../rules');
const base = { id: 'xx.test.p1', citation: 'Test Act art. 1', title: 't', summary: 'A summary long enough for the schema.', source: 'https://example.org', inForce: { from: '2020-01-01' }, topics: ['consent'], when: true, examples: [] };
const instrument = (provision: object) => ({ instrument: { id: 'xx.test', jurisdiction: 'KR', title: 'Test Act', citation: 'Act No. 1', source: 'https://example.org', versions: [{ label: 'original', from: '2020-01-01' }] }, provisions: [provision] });
const problems = (provision: object) => validateAgainst(RULES, 'instrument', instrument(provision)).map((p) => `${p.path}: ${p.message}`);

describe('kind-specific fields in the instrument schema', () => {
  it('an obligation needs "met", an exception "lifts", a scope rule "scope"', () => {
    expect(problems({ ...base, kind: 'obligation' }).join('\n')).toMatch(/missing required field "met"/);
    expect(problems({ ...base, kind: 'exception' }).join('\n')).toMatch(/missing required field "lifts"/);
    expect(problems({ ...base, kind: 'scope' }).join('\n')).toMatch(/missing required field "scope"/);
  });

  // Each differs from a passing prohibition only by the stray field.
  it('fields of another kind are refused', () => {
    expect(problems({ ...base, kind: 'prohibition', met: true }).length).toBeGreaterThan(0);
    expect(problems({ ...base, kind: 'prohibition', lifts: ['xx.test.p2'] }).length).toBeGreaterThan(0);
    expect(problems({ ...base, kind: 'prohibition', scope: 'requires' }).length).toBeGreaterThan(0);
    expect(problems({ ...base, kind: 'prohibition', sanctions: ['xx.test.p2'] }).length).toBeGreaterThan(0);
  });

  it('each kind with its own fields passes', () => {
    expect(problems({ ...base, kind: 'prohibition' })).toEqual([]);
    expect(problems({ ...base, kind: 'obligation', met: true })).toEqual([]);
    expect(problems({ ...base, kind: 'exception', lifts: ['xx.test.p2'] })).toEqual([]);
    expect(problems({ ...base, kind: 'scope', scope: 'requires', aspect: 'material' })).toEqual([]);
    expect(problems({ ...base, kind: 'remedy', sanctions: ['xx.test.p2'] })).toEqual([]);
  });
});

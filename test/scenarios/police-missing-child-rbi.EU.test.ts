/**
 * Teaching hypothetical (scenarios/police-missing-child-rbi.json): police use real-time remote
 * biometric identification at a railway station to find an abducted child.
 * GDPR art. 2(2)(d) leaves the processing to the Law Enforcement Directive (LED arts 1, 8, 10).
 * From 2 Feb 2025 AI Act art. 5(1)(h) bans such use unless point (h)(i) applies (targeted search
 * for a missing person or victim), strictly necessary, under a national opt-in law (art. 5(5)),
 * with a fundamental-rights impact assessment and registration (art. 5(2)), prior authorisation
 * or the 24-hour urgency route (art. 5(3)) and notification (art. 5(4)).
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'police-missing-child-rbi';
const AS_OF = '2025-06-01';

describe('police live search for a missing child, EU', () => {
  const m = matrix(ID, AS_OF, ['EU']);

  it('an authorised, strictly necessary search under a national opt-in law is allowed by art. 5(1)(h)(i)', () => {
    expect(m['authorised-search'].EU).toBe('allowed');
    const citations = decisiveCitations(ID, 'authorised-search', 'EU', AS_OF);
    expect(citations).toContain('AI Act art. 5(1)(h)(i) with art. 5(5)');
    expect(citations).toContain('LED art. 10(a)');
    expect(citations).toContain('LED art. 8(1)-(2)');
  });

  it('the GDPR is out of the picture: competent authority and law-enforcement purpose (art. 2(2)(d))', () => {
    const c = cell(ID, 'authorised-search', 'EU', AS_OF);
    expect(c.decisive.map((d) => d.instrument)).not.toContain('eu.gdpr');
    expect(c.obligations.map((o) => o.citation)).toEqual(expect.arrayContaining(['AI Act art. 5(2)', 'AI Act art. 5(3)', 'AI Act art. 5(4)']));
    expect(c.obligations.every((o) => o.status === 'met')).toBe(true);
  });

  it('in a justified emergency the search may start before authorisation if it is requested within 24 hours', () => {
    expect(m['urgent-search'].EU).toBe('allowed');
  });

  it('without prior authorisation and without urgency, art. 5(3) is breached', () => {
    expect(m['unauthorised-search'].EU).toBe('forbidden');
    expect(decisiveCitations(ID, 'unauthorised-search', 'EU', AS_OF)).toEqual(['AI Act art. 5(3)']);
  });

  it('in a Member State that has not opted in under art. 5(5), art. 5(1)(h) forbids the search', () => {
    expect(m['no-national-law'].EU).toBe('forbidden');
    expect(decisiveCitations(ID, 'no-national-law', 'EU', AS_OF)).toContain('AI Act art. 5(1)(h)');
  });

  it('before 2 Feb 2025 only the LED decided: the unauthorised search was lawful if strictly necessary under national law', () => {
    const before = matrix(ID, '2024-06-01', ['EU']);
    expect(before['unauthorised-search'].EU).toBe('allowed');
    expect(before['no-national-law'].EU).toBe('allowed');
  });

  it('the LED applies only from its transposition deadline (6 May 2018)', () => {
    expect(matrix(ID, '2018-05-05', ['EU'])['authorised-search'].EU).toBe('not-covered');
  });
});

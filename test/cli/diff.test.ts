/** `lexflow diff`: the table, JSON and Markdown, a scenario's flow as the given, and usage errors. */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';

function lexflow(...args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('lexflow diff', () => {
  it('prints the reasons, witnesses and set questions of US-IL and EU', () => {
    const r = lexflow('diff', 'US-IL', 'EU', '--as-of', '2024-01-01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Law diff: Illinois \(US-IL\) and European Union \(EU\), as of 2024-01-01, territory read as transplant, over the whole vocabulary/);
    expect(r.out).toMatch(/US-IL forbids, EU allows: Consent, legal basis and purpose \(\d+\)/);
    expect(r.out).toContain('740 ILCS 14/15(b)');
    expect(r.out).toMatch(/witness: /);
    expect(r.out).toMatch(/Does US-IL forbid everything EU forbids\? no: EU forbids/);
  });

  it('gives JSON and Markdown, and narrows to a scenario flow with a topic question', () => {
    const json = lexflow('diff', 'KR', 'EU', '--as-of', '2024-01-01', '--given', 'scenarios/kr-immigration-faces.json', '--flow', 'airport-cctv', '--topic', 'consent', '--format', 'json');
    expect(json.code).toBe(0);
    const body = JSON.parse(json.out);
    expect(body).toMatchObject({ a: 'KR', b: 'EU', given: true, rejected: 0, equivalence: { topic: 'consent' } });
    const md = lexflow('diff', 'KR', 'EU', '--as-of', '2024-01-01', '--given', 'scenarios/kr-immigration-faces.json', '--flow', 'airport-cctv', '--format', 'markdown');
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^# Law diff: /);
  });

  it('refuses bad input with one line and the right exit code', () => {
    expect(lexflow('diff', 'KR').code).toBe(2);
    expect(lexflow('diff', 'KR', 'KR').code).toBe(2);
    const typo = lexflow('diff', 'KR', 'EX');
    expect(typo.code).toBe(1);
    expect(typo.err).toMatch(/unknown jurisdiction EX; did you mean EU\?/);
    expect(lexflow('diff', 'KR', 'EU', '--flow', 'x').code).toBe(2);
    expect(lexflow('diff', 'KR', 'EU', '--given', 'scenarios/kr-immigration-faces.json', '--flow', 'airport').err).toMatch(/no flow airport/);
    expect(lexflow('diff', 'KR', 'EU', '--topic', 'consnet').err).toMatch(/did you mean consent\?/);
    expect(lexflow('diff', 'KR', 'EU', '--format', 'csv').code).toBe(2);
  });
});

describe('lexflow repair, timeline, delta', () => {
  it('repair prints the fewest changes per jurisdiction and everywhere', () => {
    const r = lexflow('repair', 'scenarios/kr-immigration-faces-pipc-findings.json', '--flow', 'provision-training', '--jurisdictions', 'KR,EU', '--as-of', '2022-04-27');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Repairs: Korea: immigration face photos/);
    expect(r.out).toMatch(/\n {2}KR: now forbidden\n {4}1\. 2 changes: /);
    expect(r.out).toContain('the entrusted work and the entrustee were publicly disclosed: yes (changed)');
    expect(r.out).toMatch(/Everywhere \(KR, EU\): now KR forbidden, EU conditional/);
    const json = JSON.parse(lexflow('repair', 'scenarios/kr-immigration-faces-pipc-findings.json', '--flow', 'provision-training', '--jurisdictions', 'KR', '--as-of', '2022-04-27', '--format', 'json').out);
    expect(json.flows[0].perJurisdiction[0].repairs[0].changes.length).toBe(2);
    expect(lexflow('repair', 'scenarios/kr-immigration-faces.json', '--flow', 'nope').err).toMatch(/no flow nope/);
  });

  it('timeline ties the change of verdict to the 2020 amendment; delta lists what changed', () => {
    const t = lexflow('timeline', 'scenarios/kr-hospital-pseudonymised-faces.json', '--flow', 'pseudonymisation', '--jurisdiction', 'KR');
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/2020-08-05: FORBIDDEN -> ALLOWED\n(  begins: .*\n)*  begins: Personal Information Protection Act, Act No\. 16930/);
    const d = lexflow('delta', 'scenarios/clearview-ai-eu.json', '--flow', 'scraping', '--jurisdiction', 'EU', '--as-of', '2024-06-01', '--to-date', '2025-06-01');
    expect(d.code).toBe(0);
    expect(d.out).toContain('AI Act art. 5(1)(e) (Untargeted scraping of facial images to build face-recognition databases): not in force -> forbids');
    expect(lexflow('delta', 'scenarios/clearview-ai-eu.json', '--flow', 'scraping', '--jurisdiction', 'EU', '--as-of', '2024-06-01').code).toBe(2);
    expect(lexflow('timeline', 'scenarios/clearview-ai-eu.json', '--jurisdiction', 'EU').code).toBe(2);
  });
});

/**
 * The lexflow command as a user runs it: a spawned process, its exit code, its
 * output and its one-line errors.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED = 'scenarios/kr-immigration-faces.json';

function lexflow(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'src/cli/bin.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tempScenario(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexflow-cli-'));
  const file = join(dir, 'scenario.json');
  writeFileSync(file, content);
  return file;
}

describe('lexflow evaluate', () => {
  it('prints a readable matrix with a word in every cell', () => {
    const r = lexflow('evaluate', SEED, '--as-of', '2019-06-01', '--jurisdictions', 'KR,EU');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/flow\s+KR\s+EU/);
    expect(r.out).toMatch(/collection\s+\? CONDITIONAL/);
    expect(r.out).toContain('NOT COVERED (no encoded instrument applies; not "allowed")');
  });

  it('prints the JSON contract', () => {
    const r = lexflow('evaluate', SEED, '--as-of', '2019-06-01', '--jurisdictions', 'KR', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ scenario: 'kr-immigration-faces', asOf: '2019-06-01', mode: 'transplant' });
    expect(json.results).toHaveLength(7);
    for (const cell of json.results) {
      expect(['forbidden', 'conditional', 'allowed', 'not-covered']).toContain(cell.verdict);
      expect(cell).toHaveProperty('decisive');
      expect(cell).toHaveProperty('obligations');
      expect(cell).toHaveProperty('dependsOn');
      expect(cell.explanation).toHaveProperty('prohibitions');
    }
  });

  it('prints Markdown with citations and a legend', () => {
    const r = lexflow('evaluate', SEED, '--as-of', '2026-11-26', '--jurisdictions', 'KR,EU', '--format', 'markdown');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^## Korea: immigration face photos/m);
    expect(r.out).toMatch(/\| Flow \| KR \| EU \|/);
    expect(r.out).toContain('∅ not covered');
  });

  it('prints CSV with one row per cell', () => {
    const r = lexflow('evaluate', SEED, '--as-of', '2026-11-26', '--jurisdictions', 'KR,EU', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split(/\r?\n/);
    expect(lines[0]).toBe('scenario,as_of,mode,flow,flow_label,jurisdiction,verdict,decisive,depends_on');
    expect(lines).toHaveLength(1 + 7 * 2);
  });

  it('reads territory as actual on request: the GDPR does not reach a Korean ministry in Korea', () => {
    const r = lexflow('explain', SEED, '--flow', 'collection', '--jurisdiction', 'EU', '--as-of', '2026-11-26', '--mode', 'actual');
    expect(r.code).toBe(0);
    expect(r.out).toContain('territory read as actual');
    expect(r.out).toContain('General Data Protection Regulation (eu.gdpr): applies = false');
    const transplant = lexflow('explain', SEED, '--flow', 'collection', '--jurisdiction', 'EU', '--as-of', '2026-11-26');
    expect(transplant.out).toContain('territorial scope set aside');
  });
});

describe('lexflow explain', () => {
  it('explains one cell in readable text', () => {
    const r = lexflow('explain', SEED, '--flow', 'provision-training', '--jurisdiction', 'KR', '--as-of', '2019-06-01');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Verdict: ? CONDITIONAL');
    expect(r.out).toContain('PIPA art. 18(1)');
    expect(r.out).toMatch(/\[(true|false|unknown)\]/);
    expect(r.out).toContain('What would settle it:');
  });
});

describe('lexflow explain on the record', () => {
  it('prints the on-record verdict and the checklist before the full reasoning', () => {
    const r = lexflow('explain', SEED, '--flow', 'collection', '--jurisdiction', 'EU', '--as-of', '2019-06-01');
    expect(r.code).toBe(0);
    const record = r.out.indexOf('On the record: ✖ FORBIDDEN, forbidden by GDPR art. 6(1); GDPR art. 9(1).');
    const checklist = r.out.indexOf('What the law asks');
    const reasoning = r.out.indexOf('The full reasoning (open reading):');
    expect(record).toBeGreaterThan(0);
    expect(checklist).toBeGreaterThan(record);
    expect(reasoning).toBeGreaterThan(checklist);
    expect(r.out).toContain('Open reading (every completion of the unknown facts): ? CONDITIONAL; could change only if one of these were shown: GDPR art. 6(1)(c)');
    expect(r.out).toMatch(/GDPR art\. 9\(2\)\(g\) \(Substantial public interest on a legal basis\): unknown \(/);
  });

  it('--brief keeps every seed cell under 40 lines', async () => {
    const { run } = await import('../../src/cli/main.ts');
    const flows = ['collection', 'moj-to-msit', 'provision-training', 'provision-validation', 'provision-citizens', 'companies-training', 'airport-cctv'];
    const codes = ['KR', 'EU', 'UK', 'US', 'US-IL', 'US-TX', 'US-WA', 'US-CA', 'US-CO', 'CN', 'JP', 'BR', 'IN', 'CA', 'CA-QC', 'AU', 'SG'];
    for (const asOf of ['2019-06-01', '2026-11-26']) {
      for (const flow of flows) {
        for (const code of codes) {
          let out = '';
          const exit = run(['explain', join(ROOT, SEED), '--flow', flow, '--jurisdiction', code, '--as-of', asOf, '--brief'], { out: (s) => (out += s), err: () => {} });
          expect(exit).toBe(0);
          expect(out).toContain('On the record: ');
          expect(out.split('\n').length, `${flow} ${code} ${asOf}`).toBeLessThan(40);
        }
      }
    }
  });
});

describe('lexflow rules and lint', () => {
  it('lists provisions with counts per jurisdiction and instrument', () => {
    const r = lexflow('rules', '--jurisdiction', 'KR', '--as-of', '2019-06-01');
    expect(r.code).toBe(0);
    expect(r.out).toContain('kr.pipa.art23.1');
    expect(r.out).toMatch(/KR {2}kr\.pipa {2}\d+/);
  });

  it('lists provisions as JSON', () => {
    const r = lexflow('rules', '--format', 'json');
    const json = JSON.parse(r.out);
    expect(json.provisions.length).toBeGreaterThan(40);
    expect(json.counts.some((c: { instrument: string }) => c.instrument === 'eu.gdpr')).toBe(true);
  });

  it('lint passes on the bundled corpus', () => {
    const r = lexflow('lint');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/all pass/);
  });
});

describe('bad input', () => {
  const oneLine = (s: string) => s.trim().split('\n').filter((l) => l.startsWith('lexflow:'));

  it('a missing file gives exit 1 and a clear message', () => {
    const r = lexflow('evaluate', 'no/such/file.json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^lexflow: no\/such\/file\.json: cannot read file \(ENOENT\)/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('malformed JSON gives exit 1 and says where', () => {
    const r = lexflow('evaluate', tempScenario('{"id": "x", '));
    expect(r.code).toBe(1);
    expect(oneLine(r.err)[0]).toMatch(/malformed JSON/);
  });

  it('an unknown fact names the nearest valid key', () => {
    const scenario = JSON.parse(JSON.stringify({ id: 'x', title: 'x', summary: 'x', sources: [], parties: [], facts: { data: { catgories: ['face_image'] } }, flows: [{ id: 'f', label: 'f', facts: {} }] }));
    const r = lexflow('evaluate', tempScenario(JSON.stringify(scenario)));
    expect(r.code).toBe(1);
    expect(r.err).toContain('data.catgories: unknown fact; did you mean data.categories?');
  });

  it('a bad date gives exit 1', () => {
    const r = lexflow('evaluate', SEED, '--as-of', '2019-13-45');
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('lexflow: --as-of: "2019-13-45" is not a valid date; use YYYY-MM-DD');
  });

  it('an unknown jurisdiction gives exit 1 with a suggestion', () => {
    const r = lexflow('evaluate', SEED, '--jurisdictions', 'KR,EUU');
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('lexflow: --jurisdictions: unknown jurisdiction EUU; did you mean EU?');
  });

  it('a usage mistake gives exit 2', () => {
    expect(lexflow('evaluate').code).toBe(2);
    expect(lexflow('frobnicate').code).toBe(2);
    expect(lexflow('evaluate', SEED, '--format', 'pdf').code).toBe(2);
    expect(lexflow('explain', SEED, '--jurisdiction', 'KR').code).toBe(2);
  });
});

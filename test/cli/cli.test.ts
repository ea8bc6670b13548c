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

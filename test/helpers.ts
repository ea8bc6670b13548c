/** Shared fixtures: the bundled corpus and scenarios, loaded once per test file. */
import { loadCorpus, loadScenarios } from '../src/corpus/load.ts';
import { evaluateScenario, type Corpus, type Mode, type Scenario, type Verdict } from '../src/engine/index.ts';

let corpus: Corpus | undefined;
let scenarios: Scenario[] | undefined;

export function bundledCorpus(): Corpus {
  return (corpus ??= loadCorpus());
}

export function bundledScenario(id: string): Scenario {
  scenarios ??= loadScenarios(bundledCorpus());
  const s = scenarios.find((x) => x.id === id);
  if (!s) throw new Error(`no bundled scenario ${id}`);
  return s;
}

/** flow id -> jurisdiction -> verdict */
export function matrix(id: string, asOf: string, jurisdictions: string[], mode: Mode = 'transplant'): Record<string, Record<string, Verdict>> {
  const result = evaluateScenario(bundledCorpus(), bundledScenario(id), { asOf, jurisdictions, mode });
  const out: Record<string, Record<string, Verdict>> = {};
  for (const r of result.results) (out[r.flow] ??= {})[r.jurisdiction] = r.verdict;
  return out;
}

/** The full result of one cell. */
export function cell(id: string, flow: string, jurisdiction: string, asOf: string, mode: Mode = 'transplant') {
  const s = bundledScenario(id);
  const result = evaluateScenario(bundledCorpus(), { ...s, flows: s.flows.filter((f) => f.id === flow) }, { asOf, jurisdictions: [jurisdiction], mode, detail: 'explained' });
  return result.results[0];
}

/** Citations of the provisions that decide a cell. */
export function decisiveCitations(id: string, flow: string, jurisdiction: string, asOf: string): string[] {
  return cell(id, flow, jurisdiction, asOf).decisive.map((d) => d.citation);
}

/**
 * npm run bench: medians and spread over repeated runs, as a table and as JSON
 * (also written to bench/results/latest.json).
 *   (a) loading and validating the corpus and scenarios
 *   (b) the seed scenario's full matrix against every jurisdiction: verdicts only, both readings with
 *       their decisive citations (what the matrix page shows), the questions that settle
 *       the most cells, and with explanations
 *   (c) the same against a synthetic corpus ten times larger
 *   (d) the floor: each in-force condition of each cell evaluated once by its compiled
 *       leaves, with no verdict logic; the engine's cost is reported as a ratio to it
 *   (e) the web, when bench/web.ts is present
 *   (f) availability under heavy and hostile load (bench/availability.ts)
 *   (g) the law diff and the solver choice (bench/diff.ts)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCorpus, loadScenarios } from '../src/corpus/load.ts';
import { compileCorpus, evaluateScenario, flowFacts, inForceOn, settlingQuestions, toAssignment, type Corpus, type Provision, type Scenario } from '../src/engine/index.ts';
import { eval3 } from '../src/engine/kleene.ts';
import { type BenchRow, formatTable, median, timeIt } from './measure.ts';
import { benchDiff } from './diff.ts';
import { cellAnswer } from '../src/web/cell-answer.ts';

const AS_OF = '2026-11-26';

/** The corpus with every instrument repeated `times` times under new ids. */
function enlarged(corpus: Corpus, times: number): Corpus {
  const provisions = [];
  const instruments = new Map(corpus.instruments);
  for (let k = 0; k < times; k++) {
    for (const p of corpus.provisions) {
      const suffix = k === 0 ? '' : `-x${k}`;
      const instrument = `${p.instrument}${suffix}`;
      if (!instruments.has(instrument)) instruments.set(instrument, { ...corpus.instruments.get(p.instrument)!, id: instrument });
      const rename = (id: string) => (k === 0 ? id : id.replace(p.instrument, instrument));
      const lifts = p.kind === 'exception' ? { lifts: p.lifts.map((id) => id.replace(/^([a-z0-9-]+\.[a-z0-9-]+)/, (m) => `${m}${suffix}`)) } : {};
      provisions.push({ ...p, id: rename(p.id), instrument, ...lifts } as Provision);
    }
  }
  return { ...corpus, instruments, provisions };
}

function floor(corpus: Corpus, scenario: Scenario): () => number {
  const cc = compileCorpus(corpus);
  const work: { nodes: ReturnType<typeof compileCorpus>['provisions']; a: unknown[] }[] = [];
  for (const flow of scenario.flows) {
    for (const code of corpus.jurisdictions.keys()) {
      const chain = cc.chains.get(code)!;
      work.push({
        nodes: cc.provisions.filter((cp) => chain.includes(cp.p.jurisdiction) && inForceOn(cp.p, AS_OF)),
        a: toAssignment(flowFacts(scenario, flow, chain), corpus.vocabulary, cc.slots),
      });
    }
  }
  return () => {
    let n = 0;
    for (const w of work) for (const cp of w.nodes) {
      n += eval3(cp.when, w.a);
      if (cp.met) n += eval3(cp.met, w.a);
    }
    return n;
  };
}

/**
 * A cell page's engine work (the cell explained, what would change it, its timeline) for
 * every cell of the seed: the median over the cells of each cell's median time, the
 * slowest cell, and the ratio to the verdicts-only matrix measured in the same run.
 */
function cellPages(corpus: Corpus, seed: Scenario): BenchRow[] {
  const cc = compileCorpus(corpus);
  const perCell: { ms: number; name: string }[] = [];
  for (const flow of seed.flows) {
    for (const code of corpus.jurisdictions.keys()) {
      const q = { scenario: seed, flow: flow.id, code, asOf: AS_OF, mode: 'transplant' as const };
      const row = timeIt('', () => cellAnswer(corpus, cc, q), { runs: 5, warmup: 1 });
      perCell.push({ ms: row.median, name: `${flow.id} / ${code}` });
    }
  }
  const ms = perCell.map((c) => c.ms);
  const slowest = perCell.reduce((x, y) => (y.ms > x.ms ? y : x));
  const floorRow = timeIt('', () => evaluateScenario(corpus, seed, { asOf: AS_OF, detail: 'verdict' }, cc), { runs: 31, inner: 5 });
  return [
    { name: 'bundled corpus: a cell page (explained, what would change, timeline), median over the seed\'s cells', median: median(ms), min: Math.min(...ms), max: Math.max(...ms), unit: 'ms', runs: perCell.length, note: `${perCell.length} cells, 5 runs each; target: under 30 ms` },
    { name: 'bundled corpus: the slowest cell page of the seed', median: slowest.ms, min: slowest.ms, max: slowest.ms, unit: 'ms', runs: 5, note: `${slowest.name}; target: under 30 ms` },
    { name: 'bundled corpus: a cell page (median) / seed matrix verdicts only', median: median(ms) / floorRow.median, min: Math.min(...ms) / floorRow.max, max: Math.max(...ms) / floorRow.min, unit: 'x', runs: perCell.length },
  ];
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  rows.push(timeIt('load + validate corpus and scenarios', () => loadScenarios(loadCorpus()), { runs: 9, warmup: 1 }));
  const corpus = loadCorpus();
  const seed = loadScenarios(corpus).find((s) => s.id === 'kr-immigration-faces')!;
  const cells = seed.flows.length * corpus.jurisdictions.size;
  const note = `${cells} cells`;

  const measure = (label: string, c: Corpus) => {
    compileCorpus(c);
    const verdicts = timeIt(`${label}: seed matrix, verdicts only`, () => evaluateScenario(c, seed, { asOf: AS_OF, detail: 'verdict' }), { runs: 31, inner: 5, note });
    const withDecisive = timeIt(`${label}: seed matrix, both readings with decisive citations (the matrix page)`, () => evaluateScenario(c, seed, { asOf: AS_OF, detail: 'findings' }), { runs: 31, inner: 5, note });
    const full = timeIt(`${label}: seed matrix, with explanations`, () => evaluateScenario(c, seed, { asOf: AS_OF, detail: 'explained' }), { runs: 7, note });
    const fl = floor(c, seed);
    const floorRow = timeIt(`${label}: floor (each condition once, no verdict logic)`, fl, { runs: 31, inner: 20, note });
    const questions = timeIt(`${label}: seed matrix, questions that settle the most cells`, () => settlingQuestions(c, seed, { asOf: AS_OF }), { runs: 15, note });
    const ratio = (row: BenchRow, target: string): BenchRow => ({
      name: `${row.name} / floor`,
      median: row.median / floorRow.median,
      min: row.min / floorRow.max,
      max: row.max / floorRow.min,
      unit: 'x',
      runs: row.runs,
      note: target,
    });
    rows.push(verdicts, withDecisive, questions, full, floorRow, ratio(withDecisive, 'target: under 20 ms'), ratio(questions, 'target: under 50 ms'), {
      name: `${label}: verdicts-only / floor`,
      median: verdicts.median / floorRow.median,
      min: verdicts.min / floorRow.max,
      max: verdicts.max / floorRow.min,
      unit: 'x',
      runs: verdicts.runs,
      note: 'target: within 5x of the floor and under 1 ms',
    });
  };
  measure('bundled corpus', corpus);
  rows.push(...cellPages(corpus, seed));
  rows.push(timeIt('bundled corpus: compile conditions (cold)', () => compileCorpus({ ...corpus }), { runs: 9, warmup: 1 }));
  // Built, measured and dropped here: the rows after it run in a process of the bundled corpus's size, as
  // the CLI and the server's workers are (held on, it made every full collection of the diff rows 10x dearer).
  measure(`synthetic corpus x10 (${corpus.provisions.length * 10} provisions)`, enlarged(corpus, 10));

  rows.push(...(await benchDiff(compileCorpus(corpus))));
  const webBench = join(import.meta.dirname, 'web.ts');
  if (existsSync(webBench)) {
    const { benchWeb } = (await import(pathToFileURL(webBench).href)) as { benchWeb: () => Promise<BenchRow[]> };
    rows.push(...(await benchWeb()));
  }
  const availability = join(import.meta.dirname, 'availability.ts');
  if (existsSync(availability)) {
    const { benchAvailability } = (await import(pathToFileURL(availability).href)) as { benchAvailability: () => Promise<BenchRow[]> };
    rows.push(...(await benchAvailability()));
  }
  const memory = process.memoryUsage();
  rows.push({ name: 'engine process: resident memory at end', median: memory.rss / 2 ** 20, min: memory.rss / 2 ** 20, max: memory.rss / 2 ** 20, unit: 'MiB', runs: 1 });

  console.log(formatTable(rows));
  const json = { date: new Date().toISOString(), node: process.version, provisions: corpus.provisions.length, rows };
  console.log(JSON.stringify(json, null, 2));
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'results', 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});

/**
 * lexflow command line: evaluate a scenario, explain one cell, list the rules,
 * lint the corpus. Thin over the corpus loader and the engine. Exit codes:
 * 0 success, 1 invalid input or failed lint, 2 usage error. A user's mistake is
 * reported in one clear line on stderr, never as a stack trace.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadCorpus, loadScenarioFile, loadScenarios } from '../corpus/load.ts';
import { LoadError, formatProblem } from '../corpus/errors.ts';
import { lintCorpus } from '../corpus/lint.ts';
import { didYouMean } from '../corpus/suggest.ts';
import { EngineInputError, evaluateScenario, flowFacts, inForceOn, toAssignment, type Corpus, type Flow, type Mode, type Scenario } from '../engine/index.ts';
import { compileCorpus } from '../engine/compiled.ts';
import { diffLaws, diffMarkdown, diffTable, equivalentOn, givenFrom, repairFlow, repairTable, witnessLine } from '../engine/diff/index.ts';
import { delta, timeline } from '../engine/timeline.ts';
import { deltaText, timelineText } from '../engine/timeline-report.ts';
import { briefLines, explanationText, toCsv, toJsonContract, toMarkdown, toTable } from '../engine/report.ts';
import { todayIso } from '../clock.ts';
import { isIsoDate } from '../dates.ts';

const USAGE = `Usage:
  lexflow evaluate <scenario.json> [--as-of YYYY-MM-DD] [--jurisdictions KR,EU] [--mode transplant|actual] [--format table|json|markdown|csv]
  lexflow explain <scenario.json> --flow ID --jurisdiction CODE [--as-of YYYY-MM-DD] [--mode transplant|actual] [--brief]
  lexflow diff <A> <B> [--as-of YYYY-MM-DD] [--mode transplant|actual] [--given scenario.json --flow ID] [--topic ID] [--format table|json|markdown]
  lexflow repair <scenario.json> [--flow ID] [--jurisdictions KR,EU] [--as-of YYYY-MM-DD] [--mode transplant|actual] [--format table|json]
  lexflow timeline <scenario.json> --flow ID --jurisdiction CODE [--mode transplant|actual] [--format table|json]
  lexflow delta <scenario.json> --flow ID --jurisdiction CODE --as-of YYYY-MM-DD (--to-date YYYY-MM-DD | --to-scenario other.json) [--format table|json]
  lexflow rules [--jurisdiction CODE] [--as-of YYYY-MM-DD] [--format table|json]
  lexflow lint`;

class UsageError extends Error {}
class InputError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'as-of': { type: 'string' },
        jurisdictions: { type: 'string' },
        jurisdiction: { type: 'string' },
        mode: { type: 'string' },
        format: { type: 'string' },
        flow: { type: 'string' },
        brief: { type: 'boolean' },
        given: { type: 'string' },
        topic: { type: 'string' },
        'to-date': { type: 'string' },
        'to-scenario': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function asOfOption(value: string | undefined): string {
  if (value === undefined) return todayIso();
  if (!isIsoDate(value)) {
    throw new InputError(`--as-of: "${value}" is not a valid date; use YYYY-MM-DD`);
  }
  return value;
}

function modeOption(value: string | undefined): Mode {
  if (value === undefined) return 'transplant';
  if (value !== 'transplant' && value !== 'actual') throw new UsageError(`--mode must be transplant or actual, not "${value}"`);
  return value;
}

function formatOption<T extends string>(value: string | undefined, allowed: T[]): T {
  if (value === undefined) return allowed[0];
  if (!allowed.includes(value as T)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

function jurisdictionList(corpus: Corpus, value: string | undefined, flag: string): string[] | undefined {
  if (value === undefined) return undefined;
  const codes = value.split(',').map((c) => c.trim()).filter(Boolean);
  for (const code of codes) {
    if (!corpus.jurisdictions.has(code)) throw new InputError(`${flag}: unknown jurisdiction ${code}${didYouMean(code, corpus.jurisdictions.keys())}`);
  }
  return codes;
}

function scenarioArg(positionals: string[], corpus: Corpus) {
  const file = positionals[1];
  if (!file) throw new UsageError('missing <scenario.json>');
  return loadScenarioFile(resolve(file), corpus, file);
}

export function run(argv: string[], io: Io): number {
  try {
    const { values, positionals } = parse(argv);
    const command = positionals[0];
    if (values.help || command === undefined || command === 'help') {
      io.out(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (command === 'lint') return lint(io);
    const corpus = loadCorpus();
    if (command === 'evaluate') {
      const scenario = scenarioArg(positionals, corpus);
      const format = formatOption(values.format, ['table', 'json', 'markdown', 'csv']);
      const result = evaluateScenario(corpus, scenario, {
        asOf: asOfOption(values['as-of']),
        mode: modeOption(values.mode),
        jurisdictions: jurisdictionList(corpus, values.jurisdictions, '--jurisdictions'),
        detail: format === 'json' ? 'explained' : 'outcomes',
      });
      const text =
        format === 'json' ? JSON.stringify(toJsonContract(result), null, 2)
        : format === 'markdown' ? toMarkdown(result, scenario)
        : format === 'csv' ? toCsv(result, scenario).trimEnd()
        : toTable(result, scenario);
      io.out(text);
      return 0;
    }
    if (command === 'explain') {
      const scenario = scenarioArg(positionals, corpus);
      if (!values.flow) throw new UsageError('explain needs --flow ID');
      if (!values.jurisdiction) throw new UsageError('explain needs --jurisdiction CODE');
      const flow = scenario.flows.find((f) => f.id === values.flow);
      if (!flow) throw new InputError(`--flow: no flow ${values.flow} in ${scenario.id}${didYouMean(values.flow, scenario.flows.map((f) => f.id))}`);
      const [code] = jurisdictionList(corpus, values.jurisdiction, '--jurisdiction')!;
      const result = evaluateScenario(corpus, { ...scenario, flows: [flow] }, { asOf: asOfOption(values['as-of']), mode: modeOption(values.mode), jurisdictions: [code], detail: 'explained' });
      const cell = result.results[0];
      const body = values.brief
        ? [`${flow.label} — ${corpus.jurisdictions.get(code)?.name ?? code} (${code})`, ...briefLines(cell, true)].join('\n')
        : explanationText(cell, cell.explanation!, corpus, flow.label);
      io.out(`${scenario.title}\nas of ${result.asOf}, territory read as ${result.mode}\n\n${body}`);
      return 0;
    }
    if (command === 'rules') return rules(corpus, values, io);
    if (command === 'diff') return diff(corpus, positionals, values, io);
    if (command === 'timeline' || command === 'delta') return timeOrDelta(command, corpus, positionals, values, io);
    if (command === 'repair') {
      const scenario = scenarioArg(positionals, corpus);
      const format = formatOption(values.format, ['table', 'json']);
      if (values.flow !== undefined && !scenario.flows.some((f) => f.id === values.flow)) {
        throw new InputError(`--flow: no flow ${values.flow} in ${scenario.id}${didYouMean(values.flow, scenario.flows.map((f) => f.id))}`);
      }
      const codes = jurisdictionList(corpus, values.jurisdictions, '--jurisdictions') ?? [...corpus.jurisdictions.keys()];
      const cc = compileCorpus(corpus);
      const options = { asOf: asOfOption(values['as-of']), mode: modeOption(values.mode) };
      const flows = scenario.flows.filter((f) => values.flow === undefined || f.id === values.flow);
      const repairs = flows.map((f) => repairFlow(cc, scenario, f.id, codes, options));
      io.out(format === 'json' ? JSON.stringify({ scenario: scenario.id, asOf: options.asOf, mode: options.mode, jurisdictions: codes, flows: repairs }, null, 2) : repairTable(scenario.title, repairs, Object.fromEntries(scenario.flows.map((f) => [f.id, f.label]))));
      return 0;
    }
    throw new UsageError(`unknown command "${command}"${didYouMean(command, ['evaluate', 'explain', 'diff', 'repair', 'timeline', 'delta', 'rules', 'lint'])}`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`lexflow: ${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof LoadError) {
      io.err(e.problems.map((p) => `lexflow: ${formatProblem(p)}`).join('\n'));
      return 1;
    }
    if (e instanceof InputError || e instanceof EngineInputError) {
      io.err(`lexflow: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

function diff(corpus: Corpus, positionals: string[], values: { 'as-of'?: string; mode?: string; given?: string; flow?: string; topic?: string; format?: string }, io: Io): number {
  const [, a, b, extra] = positionals;
  if (!a || !b || extra !== undefined) throw new UsageError('diff needs two jurisdictions: lexflow diff KR EU');
  const [ca] = jurisdictionList(corpus, a, 'diff')!;
  const [cb] = jurisdictionList(corpus, b, 'diff')!;
  if (ca === cb) throw new UsageError('diff needs two different jurisdictions');
  const format = formatOption(values.format, ['table', 'json', 'markdown']);
  if ((values.given === undefined) !== (values.flow === undefined)) throw new UsageError('--given and --flow go together: --given scenario.json --flow ID');
  const topic = values.topic;
  if (topic !== undefined && !corpus.topics.some((t) => t.id === topic)) {
    throw new InputError(`--topic: unknown topic ${topic}${didYouMean(topic, corpus.topics.map((t) => t.id))}`);
  }
  const cc = compileCorpus(corpus);
  let given;
  if (values.given !== undefined) {
    const scenario = loadScenarioFile(resolve(values.given), corpus, values.given);
    if (!scenario.flows.some((f) => f.id === values.flow)) throw new InputError(`--flow: no flow ${values.flow} in ${scenario.id}${didYouMean(values.flow!, scenario.flows.map((f) => f.id))}`);
    given = givenFrom(cc, scenario, values.flow!, [ca, cb]);
  }
  const options = { asOf: asOfOption(values['as-of']), mode: modeOption(values.mode), given };
  const result = diffLaws(cc, ca, cb, options);
  const equivalence = topic === undefined ? undefined : equivalentOn(cc, ca, cb, topic, options);
  if (format === 'json') {
    io.out(JSON.stringify(equivalence ? { ...result, equivalence } : result, null, 2));
    return 0;
  }
  const text = format === 'markdown' ? diffMarkdown(corpus, result) : diffTable(corpus, result);
  const eq = equivalence
    ? `\nOn ${topic}: ${equivalence.equivalent ? 'equivalent (their rules on it forbid the same flows)' : `not equivalent${equivalence.onlyA ? `; only ${ca} forbids when ${witnessLine(equivalence.onlyA)}` : ''}${equivalence.onlyB ? `; only ${cb} forbids when ${witnessLine(equivalence.onlyB)}` : ''}`}`
    : '';
  io.out(text + eq);
  return 0;
}

function timeOrDelta(command: 'timeline' | 'delta', corpus: Corpus, positionals: string[], values: { flow?: string; jurisdiction?: string; mode?: string; format?: string; 'as-of'?: string; 'to-date'?: string; 'to-scenario'?: string }, io: Io): number {
  const scenario = scenarioArg(positionals, corpus);
  if (!values.flow) throw new UsageError(`${command} needs --flow ID`);
  if (!values.jurisdiction) throw new UsageError(`${command} needs --jurisdiction CODE`);
  const flow = scenario.flows.find((f) => f.id === values.flow);
  if (!flow) throw new InputError(`--flow: no flow ${values.flow} in ${scenario.id}${didYouMean(values.flow, scenario.flows.map((f) => f.id))}`);
  const [code] = jurisdictionList(corpus, values.jurisdiction, '--jurisdiction')!;
  const format = formatOption(values.format, ['table', 'json']);
  const mode = modeOption(values.mode);
  const cc = compileCorpus(corpus);
  const assignmentOf = (s: Scenario, f: Flow) => toAssignment(flowFacts(s, f, cc.chains.get(code) ?? [code]), corpus.vocabulary, cc.slots);
  const a = assignmentOf(scenario, flow);
  if (command === 'timeline') {
    const t = timeline(cc, code, mode, a);
    io.out(format === 'json' ? JSON.stringify({ scenario: scenario.id, flow: flow.id, mode, ...t }, null, 2) : timelineText(corpus, t, `${scenario.title}: ${flow.label}`));
    return 0;
  }
  if (values['as-of'] === undefined) throw new UsageError('delta needs --as-of YYYY-MM-DD (the first reading)');
  if ((values['to-date'] === undefined) === (values['to-scenario'] === undefined)) throw new UsageError('delta needs one of --to-date YYYY-MM-DD or --to-scenario other.json');
  const asOf = asOfOption(values['as-of']);
  let after = { asOf, assignment: a };
  if (values['to-date'] !== undefined) after = { asOf: asOfOption(values['to-date']), assignment: a };
  else {
    const other = loadScenarioFile(resolve(values['to-scenario']!), corpus, values['to-scenario']);
    const otherFlow = other.flows.find((f) => f.id === flow.id);
    if (!otherFlow) throw new InputError(`--to-scenario: no flow ${flow.id} in ${other.id}${didYouMean(flow.id, other.flows.map((f) => f.id))}`);
    after = { asOf, assignment: assignmentOf(other, otherFlow) };
  }
  const d = delta(cc, code, mode, { asOf, assignment: a }, after);
  io.out(format === 'json' ? JSON.stringify({ scenario: scenario.id, flow: flow.id, jurisdiction: code, mode, from: { asOf }, to: { asOf: after.asOf, ...(values['to-scenario'] ? { scenario: values['to-scenario'] } : {}) }, ...d }, null, 2) : deltaText(d, code));
  return 0;
}

function lint(io: Io): number {
  const corpus = loadCorpus();
  const problems = lintCorpus(corpus);
  loadScenarios(corpus);
  if (problems.length) {
    io.err(problems.map((p) => `lint: ${formatProblem(p)}`).join('\n'));
    io.err(`lint: ${problems.length} problem(s)`);
    return 1;
  }
  const examples = corpus.provisions.reduce((n, p) => n + p.examples.length, 0);
  io.out(`lint: ${corpus.provisions.length} provisions in ${corpus.instruments.size} instruments, ${examples} examples: all pass`);
  return 0;
}

function rules(corpus: Corpus, values: { jurisdiction?: string; 'as-of'?: string; format?: string }, io: Io): number {
  const format = formatOption(values.format, ['table', 'json']);
  const codes = jurisdictionList(corpus, values.jurisdiction, '--jurisdiction');
  const asOf = values['as-of'] === undefined ? undefined : asOfOption(values['as-of']);
  const list = corpus.provisions.filter((p) => (!codes || codes.includes(p.jurisdiction)) && (!asOf || inForceOn(p, asOf)));
  const rows = list.map((p) => ({
    id: p.id,
    citation: p.citation,
    jurisdiction: p.jurisdiction,
    instrument: p.instrument,
    kind: p.kind,
    inForce: p.inForce,
    topics: p.topics,
  }));
  const counts = new Map<string, number>();
  for (const p of list) counts.set(`${p.jurisdiction}\t${p.instrument}`, (counts.get(`${p.jurisdiction}\t${p.instrument}`) ?? 0) + 1);
  if (format === 'json') {
    io.out(JSON.stringify({ asOf: asOf ?? null, provisions: rows, counts: [...counts].map(([k, n]) => ({ jurisdiction: k.split('\t')[0], instrument: k.split('\t')[1], provisions: n })) }, null, 2));
    return 0;
  }
  const widths = [24, 40, 6, 12, 24];
  const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  io.out(['id', 'citation', 'jur.', 'kind', 'in force'].map((h, i) => cut(h, widths[i])).join(' ') + ' topics');
  for (const r of rows) {
    const dates = `${r.inForce.from}..${r.inForce.to ?? ''}`;
    io.out([r.id, r.citation, r.jurisdiction, r.kind, dates].map((h, i) => cut(h, widths[i])).join(' ') + ' ' + r.topics.join(','));
  }
  io.out('');
  io.out('Provisions per jurisdiction and instrument:');
  for (const [k, n] of [...counts].sort()) io.out(`  ${k.replace('\t', '  ')}  ${n}`);
  io.out(`  total  ${list.length}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/cli/main.ts')) {
  process.exitCode = run(process.argv.slice(2), { out: (s) => console.log(s), err: (s) => console.error(s) });
}

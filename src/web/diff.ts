/**
 * The law diff at the web edge: parameters validated with 4xx errors, a work
 * budget counted in solver queries (so a request's cost does not depend on the
 * clock or the machine), a small cache, and the page model with each witness
 * turned into a share link that opens it as a custom scenario.
 */
import type { CompiledCorpus, Mode, Scenario } from '../engine/index.ts';
import { Budget, BudgetExceeded, diffLaws, equivalentOn, givenFrom, witnessLine, witnessScenario, type DiffResult, type TopicEquivalence, type Witness } from '../engine/diff/index.ts';
import type { WebContext } from './context.ts';
import { scenarioKey } from './context.ts';
import { HttpError, suggest } from './errors.ts';
import { parseAsOf, parseMode } from './params.ts';
import { decodeScenario, encodeScenario, SHARE_MAX_CHARS } from './share.ts';

/** Most solver queries one diff request may spend (all 136 pairs of the bundled corpus stay well within it). */
export const DIFF_QUERY_BUDGET = 6000;

export interface DiffRequest {
  a: string;
  b: string;
  asOf: string;
  mode: 'transplant' | 'actual';
  topic?: string;
  /** A scenario whose flow's facts are fixed, with its share code. */
  given?: { scenario: Scenario; flow: string; s: string };
}

function code(ctx: WebContext, value: unknown, name: string, status: number): string {
  if (value === undefined || value === '') throw new HttpError(status, 'missing_parameter', `${name}: give a jurisdiction code, e.g. ${name}=${name === 'a' ? 'KR' : 'EU'}`, name);
  if (typeof value !== 'string') throw new HttpError(status, 'invalid_value', `${name}: expected one jurisdiction code`, name);
  if (!ctx.corpus.jurisdictions.has(value)) throw new HttpError(status, 'unknown_jurisdiction', `${name}: unknown jurisdiction ${value}${suggest(value, ctx.corpus.jurisdictions.keys())}`, name);
  return value;
}

/** Reads a diff request from a query string (status 400) or a JSON body (422). */
export function parseDiffRequest(ctx: WebContext, q: Record<string, unknown>, status = 400): DiffRequest {
  const a = code(ctx, q.a, 'a', status);
  const b = code(ctx, q.b, 'b', status);
  if (a === b) throw new HttpError(status, 'same_jurisdiction', `b: compare two different jurisdictions (both are ${a})`, 'b');
  const asOf = parseAsOf(q.asOf, ctx.today(), status);
  const mode = parseMode(q.mode, status);
  let topic: string | undefined;
  if (q.topic !== undefined && q.topic !== '') {
    topic = String(q.topic);
    if (!ctx.corpus.topics.some((t) => t.id === topic)) throw new HttpError(status, 'unknown_topic', `topic: unknown topic ${JSON.stringify(q.topic)}${suggest(topic, ctx.corpus.topics.map((t) => t.id))}`, 'topic');
  }
  let given: DiffRequest['given'];
  if (q.s !== undefined || q.scenario !== undefined) {
    let scenario: Scenario | undefined;
    if (typeof q.scenario === 'string' && q.scenario !== '') {
      scenario = ctx.scenarioById.get(q.scenario);
      if (!scenario) throw new HttpError(status === 400 ? 404 : status, 'unknown_scenario', `scenario: no bundled scenario ${q.scenario}${suggest(q.scenario, ctx.scenarioById.keys())}`, 'scenario');
    } else scenario = decodeScenario(q.s, ctx.corpus);
    const flows = scenario.flows.map((f) => f.id);
    const flow = typeof q.flow === 'string' && q.flow !== '' ? q.flow : flows.length === 1 ? flows[0] : undefined;
    if (flow === undefined) throw new HttpError(status, 'missing_parameter', `flow: the scenario has several flows; choose one of ${flows.join(', ')}`, 'flow');
    if (!flows.includes(flow)) throw new HttpError(status, 'unknown_flow', `flow: no flow ${flow} in ${scenario.id}${suggest(flow, flows)}`, 'flow');
    given = { scenario, flow, s: encodeScenario(scenario) };
  } else if (q.flow !== undefined && q.flow !== '') {
    throw new HttpError(status, 'missing_scenario', 'flow: a flow needs its scenario (scenario=ID of a bundled one, or s=share code)', 'flow');
  }
  return { a, b, asOf, mode, topic, given };
}

export interface DiffAnswer {
  result: DiffResult;
  equivalence?: TopicEquivalence;
}

/**
 * The diff of a request, in the evaluation pool (a diff may take a second of solver
 * time, which must not hold the event loop), from its cache when asked recently.
 */
export function runDiff(ctx: WebContext, req: DiffRequest): Promise<DiffAnswer> {
  return ctx.evaluator.analyse<DiffAnswer>(
    ['diff', req.a, req.b, req.asOf, req.mode, req.topic ?? '', req.given ? `${scenarioKey(req.given.scenario)}#${req.given.flow}` : ''].join('|'),
    { kind: 'diff', a: req.a, b: req.b, asOf: req.asOf, mode: req.mode, topic: req.topic, given: req.given && { scenario: req.given.scenario, flow: req.given.flow }, budget: DIFF_QUERY_BUDGET },
  );
}

/** The diff itself, as the pool's worker runs it: the engine's functions within a budget of solver queries. */
export function diffAnswer(cc: CompiledCorpus, t: { a: string; b: string; asOf: string; mode: Mode; topic?: string; given?: { scenario: Scenario; flow: string }; budget: number }): DiffAnswer {
  const given = t.given ? givenFrom(cc, t.given.scenario, t.given.flow, [t.a, t.b]) : undefined;
  const options = { asOf: t.asOf, mode: t.mode, given, budget: new Budget(t.budget) };
  const result = diffLaws(cc, t.a, t.b, options);
  let equivalence: TopicEquivalence | undefined;
  if (t.topic && result.complete) {
    try {
      equivalence = equivalentOn(cc, t.a, t.b, t.topic, options);
    } catch (e) {
      if (!(e instanceof BudgetExceeded)) throw e;
      result.complete = false;
    }
  }
  return { result, equivalence };
}

/** The link that opens a witness in the explorer as a custom scenario (undefined if too long for a link). */
export function witnessLink(ctx: WebContext, req: DiffRequest, w: Witness, title: string): string | undefined {
  const scenario = witnessScenario(ctx.cc, w, [req.a, req.b], 'diff-witness', title.slice(0, 200), `A minimal flow found by lexflow's law diff of ${req.a} and ${req.b} as of ${req.asOf}: ${witnessLine(w)}`.slice(0, 2000));
  const s = encodeScenario(scenario);
  if (s.length > SHARE_MAX_CHARS) return undefined;
  const params = new URLSearchParams({ s, asOf: req.asOf, j: `${req.a},${req.b}` });
  if (req.mode !== 'transplant') params.set('mode', req.mode);
  return `/custom?${params}`;
}

/** The diff request as a query string (for links and the API). */
export function diffQuery(req: DiffRequest): string {
  const params = new URLSearchParams({ a: req.a, b: req.b, asOf: req.asOf });
  if (req.mode !== 'transplant') params.set('mode', req.mode);
  if (req.topic) params.set('topic', req.topic);
  if (req.given) {
    params.set('s', req.given.s);
    params.set('flow', req.given.flow);
  }
  return params.toString();
}

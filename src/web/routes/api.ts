/**
 * The JSON API. Reads the same corpus and engine as the pages; POST /api/evaluate
 * returns the contract of `lexflow evaluate --format json` (toJsonContract). Every
 * bad input gets {"error": {"code", "message", "path"}} with a 4xx status.
 */
import express, { Router, type Request } from 'express';
import { renderCondition, inForceOn, type Mode, type Provision, type Scenario } from '../../engine/index.ts';
import { MAX_EXPLAINED_CELLS } from '../budget.ts';
import type { WebContext } from '../context.ts';
import { HttpError, suggest } from '../errors.ts';
import { shown } from '../../corpus/facts.ts';
import { sendMade } from '../send.ts';
import { BODY_LIMIT_BYTES, parseJsonInput, scenarioFrom } from '../input.ts';
import { parseAsOf, parseJurisdictions, parseMode } from '../params.ts';

const EVALUATE_FIELDS = ['scenario', 'scenarioId', 'asOf', 'jurisdictions', 'mode', 'explain'];
const QUESTION_FIELDS = ['scenario', 'scenarioId', 'asOf', 'jurisdictions', 'mode', 'limit'];

function provisionSummary(p: Provision) {
  return {
    id: p.id,
    citation: p.citation,
    title: p.title,
    jurisdiction: p.jurisdiction,
    instrument: p.instrument,
    kind: p.kind,
    inForce: p.inForce,
    topics: p.topics,
  };
}

function provisionDetail(ctx: WebContext, p: Provision) {
  const { origin: _origin, ...rest } = p;
  const liftedBy = ctx.corpus.provisions.filter((x) => x.kind === 'exception' && x.lifts?.includes(p.id)).map((x) => ({ id: x.id, citation: x.citation, inForce: x.inForce }));
  return {
    ...rest,
    liftedBy,
    rendered: { when: renderCondition(p.when, ctx.corpus.vocabulary), ...(p.met !== undefined ? { met: renderCondition(p.met, ctx.corpus.vocabulary) } : {}) },
  };
}

/** The JSON body of a POST, parsed by us so errors say where the JSON breaks. */
function jsonBody(req: Request): unknown {
  if (!req.is('application/json') && !req.is('application/*+json')) {
    throw new HttpError(415, 'unsupported_media_type', `send the request body as JSON (Content-Type: application/json), not ${req.get('content-type') ?? 'nothing'}`);
  }
  return parseJsonInput(typeof req.body === 'string' ? req.body : '');
}

/**
 * `explain`: true (every cell, the default), false (none), or the cells wanted by
 * name, [{"flow": "...", "jurisdiction": "KR"}], at most MAX_EXPLAINED_CELLS.
 */
function explainOption(value: unknown, scenario: Scenario, jurisdictions: string[]): boolean | { flow: string; jurisdiction: string }[] {
  if (value === undefined) return true;
  if (typeof value === 'boolean') return value;
  const expected = 'explain: expected true, false or a list of cells such as [{"flow": "collection", "jurisdiction": "KR"}]';
  if (!Array.isArray(value)) throw new HttpError(422, 'invalid_value', expected, 'explain');
  if (value.length === 0) throw new HttpError(422, 'invalid_value', 'explain: an empty list explains no cell; use explain: false', 'explain');
  if (value.length > MAX_EXPLAINED_CELLS) throw new HttpError(422, 'invalid_value', `explain: at most ${MAX_EXPLAINED_CELLS} cells by name, not ${value.length}; use explain: true for all`, 'explain');
  return value.map((c: unknown, i) => {
    const cell = c as { flow?: unknown; jurisdiction?: unknown } | null;
    const path = `explain[${i}]`;
    if (typeof cell !== 'object' || cell === null || Array.isArray(cell) || typeof cell.flow !== 'string' || typeof cell.jurisdiction !== 'string' || Object.keys(cell).length !== 2) {
      throw new HttpError(422, 'invalid_value', expected, path);
    }
    const { flow, jurisdiction } = cell as { flow: string; jurisdiction: string };
    if (!scenario.flows.some((f) => f.id === flow)) throw new HttpError(422, 'invalid_value', `${path}.flow: no flow ${shown(flow)} in this scenario${suggest(flow, scenario.flows.map((f) => f.id))}`, `${path}.flow`);
    if (!jurisdictions.includes(jurisdiction)) throw new HttpError(422, 'invalid_value', `${path}.jurisdiction: ${shown(jurisdiction)} is not among the jurisdictions evaluated${suggest(jurisdiction, jurisdictions)}`, `${path}.jurisdiction`);
    return { flow, jurisdiction };
  });
}

export function apiRoutes(ctx: WebContext): Router {
  const r = Router();
  const corpus = ctx.corpus;

  r.get('/jurisdictions', (_req, res) => {
    res.json({
      jurisdictions: [...corpus.jurisdictions.values()].map((j) => ({
        code: j.code,
        name: j.name,
        inherits: j.inherits,
        ...(j.note ? { note: j.note } : {}),
        instruments: j.instruments.map((id) => {
          const inst = corpus.instruments.get(id)!;
          return { id, title: inst.title, citation: inst.citation, source: inst.source, provisions: corpus.provisions.filter((p) => p.instrument === id).length };
        }),
      })),
      topics: corpus.topics,
    });
  });

  r.get('/rules', (req, res) => {
    const codes = parseJurisdictions(req.query.jurisdiction, corpus, 400, 'jurisdiction');
    const asOf = req.query.asOf === undefined ? undefined : parseAsOf(req.query.asOf, ctx.today());
    const kind = req.query.kind;
    if (kind !== undefined && !['scope', 'prohibition', 'exception', 'obligation', 'remedy'].includes(String(kind))) {
      throw new HttpError(400, 'invalid_value', `kind: must be scope, prohibition, exception, obligation or remedy, not ${shown(kind)}`, 'kind');
    }
    const topic = req.query.topic;
    if (topic !== undefined && !corpus.topics.some((t) => t.id === topic)) {
      throw new HttpError(400, 'invalid_value', `topic: unknown topic ${shown(topic)}${suggest(String(topic), corpus.topics.map((t) => t.id))}`, 'topic');
    }
    const list = corpus.provisions.filter(
      (p) => (!codes || codes.includes(p.jurisdiction)) && (!asOf || inForceOn(p, asOf)) && (!kind || p.kind === kind) && (!topic || p.topics.includes(String(topic))),
    );
    res.json({ asOf: asOf ?? null, count: list.length, provisions: list.map(provisionSummary) });
  });

  r.get('/rules/:id', (req, res) => {
    const versions = ctx.versions(req.params.id);
    if (!versions.length) {
      throw new HttpError(404, 'not_found', `no provision ${req.params.id}${suggest(req.params.id, new Set(corpus.provisions.map((p) => p.id)))}`, 'id');
    }
    res.json({ id: req.params.id, versions: versions.map((p) => provisionDetail(ctx, p)) });
  });

  r.get('/scenarios', (_req, res) => {
    res.json({
      scenarios: ctx.scenarios.map((s) => ({ id: s.id, title: s.title, date: s.date ?? null, place: s.place ?? null, kind: (s as { kind?: string }).kind ?? null, summary: s.summary, flows: s.flows.map((f) => ({ id: f.id, label: f.label })) })),
    });
  });

  r.get('/scenarios/:id', (req, res) => {
    const s = ctx.scenarioById.get(req.params.id);
    if (!s) throw new HttpError(404, 'not_found', `no scenario ${req.params.id}${suggest(req.params.id, ctx.scenarioById.keys())}`, 'id');
    res.json(s);
  });

  r.get('/vocabulary', (_req, res) => {
    res.json({ groups: corpus.vocabulary.groups, facts: corpus.vocabulary.facts });
  });

  r.post('/evaluate', express.text({ type: () => true, limit: BODY_LIMIT_BYTES }), async (req, res) => {
    const q = evaluationRequest(ctx, req, EVALUATE_FIELDS);
    const explain = explainOption(q.body.explain, q.scenario, q.jurisdictions);
    const v = { asOf: q.asOf, mode: q.mode, jurisdictions: q.jurisdictions };
    const answer = ctx.evaluator.contract(q.scenario, v, explain);
    await sendMade(res, 'application/json; charset=utf-8', answer.bytes, answer.text);
  });

  r.post('/questions', express.text({ type: () => true, limit: BODY_LIMIT_BYTES }), async (req, res) => {
    const q = evaluationRequest(ctx, req, QUESTION_FIELDS);
    const limit = q.body.limit ?? 10;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 10) throw new HttpError(422, 'invalid_value', 'limit: expected a whole number from 1 to 10', 'limit');
    const { questions: ranked } = await ctx.evaluator.page(q.scenario, { asOf: q.asOf, mode: q.mode, jurisdictions: q.jurisdictions });
    if (!ranked) throw new HttpError(422, 'over_budget', 'ranking the questions of this scenario would cost more work than one request may use; ask for fewer flows or jurisdictions, or state more of the facts');
    const questions = ranked.slice(0, limit);
    res.json({ scenario: q.scenario.id, asOf: q.asOf, mode: q.mode, questions });
  });

  r.use((req, _res, next) => next(new HttpError(404, 'not_found', `no API route ${req.method} /api${req.path}`)));
  return r;
}

interface EvaluationRequest {
  body: Record<string, unknown>;
  scenario: Scenario;
  asOf: string;
  mode: Mode;
  jurisdictions: string[];
}

/** The fields every evaluating POST shares: a scenario (or a bundled one's id), the date, the jurisdictions and the mode. */
function evaluationRequest(ctx: WebContext, req: Request, fields: string[]): EvaluationRequest {
  const body = jsonBody(req);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(422, 'invalid_request', 'the body must be a JSON object: {"scenario": {...}, "asOf": "YYYY-MM-DD", "jurisdictions": ["KR"], "mode": "transplant"}');
  }
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (!fields.includes(key)) throw new HttpError(422, 'unknown_field', `unknown field ${shown(key)}${suggest(key, fields)}`, key.slice(0, 100));
  }
  let scenario: Scenario | undefined;
  if (b.scenario !== undefined) scenario = scenarioFrom(b.scenario, ctx.corpus);
  else if (b.scenarioId !== undefined) {
    if (typeof b.scenarioId !== 'string') throw new HttpError(422, 'invalid_value', `scenarioId: expected the id of a bundled scenario as text, not ${shown(b.scenarioId)}`, 'scenarioId');
    scenario = ctx.scenarioById.get(b.scenarioId);
    if (!scenario) throw new HttpError(422, 'unknown_scenario', `scenarioId: no bundled scenario ${shown(b.scenarioId)}${suggest(b.scenarioId, ctx.scenarioById.keys())}`, 'scenarioId');
  } else throw new HttpError(422, 'missing_scenario', 'scenario: give a scenario object (or the scenarioId of a bundled one)', 'scenario');
  const asOf = parseAsOf(b.asOf, ctx.today(), 422);
  const mode = parseMode(b.mode, 422);
  if (b.jurisdictions !== undefined && !Array.isArray(b.jurisdictions) && typeof b.jurisdictions !== 'string') {
    throw new HttpError(422, 'invalid_value', 'jurisdictions: expected a list of codes such as ["KR", "EU"]', 'jurisdictions');
  }
  if (Array.isArray(b.jurisdictions) && b.jurisdictions.length === 0) {
    throw new HttpError(422, 'invalid_value', 'jurisdictions: an empty list selects no jurisdiction; leave the field out to evaluate against all of them', 'jurisdictions');
  }
  const jurisdictions = parseJurisdictions(b.jurisdictions, ctx.corpus, 422) ?? [...ctx.corpus.jurisdictions.keys()];
  return { body: b, scenario, asOf, mode, jurisdictions };
}

/**
 * The JSON API. Reads the same corpus and engine as the pages; POST /api/evaluate
 * returns the contract of `lexflow evaluate --format json` (toJsonContract). Every
 * bad input gets {"error": {"code", "message", "path"}} with a 4xx status.
 */
import express, { Router, type Request } from 'express';
import { evaluateScenario, renderCondition, inForceOn, settlingQuestions, type Mode, type Provision, type Scenario } from '../../engine/index.ts';
import { toJsonContract } from '../../engine/report.ts';
import type { WebContext } from '../context.ts';
import { HttpError, suggest } from '../errors.ts';
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
      throw new HttpError(400, 'invalid_value', `kind: must be scope, prohibition, exception, obligation or remedy, not ${JSON.stringify(kind)}`, 'kind');
    }
    const topic = req.query.topic;
    if (topic !== undefined && !corpus.topics.some((t) => t.id === topic)) {
      throw new HttpError(400, 'invalid_value', `topic: unknown topic ${JSON.stringify(topic)}${suggest(String(topic), corpus.topics.map((t) => t.id))}`, 'topic');
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

  r.post('/evaluate', express.text({ type: () => true, limit: BODY_LIMIT_BYTES }), (req, res) => {
    const q = evaluationRequest(ctx, req, EVALUATE_FIELDS);
    if (q.body.explain !== undefined && typeof q.body.explain !== 'boolean') throw new HttpError(422, 'invalid_value', 'explain: expected true or false', 'explain');
    const result = evaluateScenario(corpus, q.scenario, { asOf: q.asOf, mode: q.mode, jurisdictions: q.jurisdictions, explain: (q.body.explain as boolean | undefined) ?? true }, ctx.cc);
    res.json(toJsonContract(result));
  });

  r.post('/questions', express.text({ type: () => true, limit: BODY_LIMIT_BYTES }), (req, res) => {
    const q = evaluationRequest(ctx, req, QUESTION_FIELDS);
    const limit = q.body.limit ?? 10;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 50) throw new HttpError(422, 'invalid_value', 'limit: expected a whole number from 1 to 50', 'limit');
    const questions = settlingQuestions(corpus, q.scenario, { asOf: q.asOf, mode: q.mode, jurisdictions: q.jurisdictions }, ctx.cc, limit);
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
  jurisdictions: string[] | undefined;
}

/** The fields every evaluating POST shares: a scenario (or a bundled one's id), the date, the jurisdictions and the mode. */
function evaluationRequest(ctx: WebContext, req: Request, fields: string[]): EvaluationRequest {
  const body = jsonBody(req);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(422, 'invalid_request', 'the body must be a JSON object: {"scenario": {...}, "asOf": "YYYY-MM-DD", "jurisdictions": ["KR"], "mode": "transplant"}');
  }
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (!fields.includes(key)) throw new HttpError(422, 'unknown_field', `unknown field "${key}"${suggest(key, fields)}`, key);
  }
  let scenario: Scenario | undefined;
  if (b.scenario !== undefined) scenario = scenarioFrom(b.scenario, ctx.corpus);
  else if (typeof b.scenarioId === 'string') {
    scenario = ctx.scenarioById.get(b.scenarioId);
    if (!scenario) throw new HttpError(422, 'unknown_scenario', `scenarioId: no bundled scenario ${b.scenarioId}${suggest(b.scenarioId, ctx.scenarioById.keys())}`, 'scenarioId');
  } else throw new HttpError(422, 'missing_scenario', 'scenario: give a scenario object (or the scenarioId of a bundled one)', 'scenario');
  const asOf = parseAsOf(b.asOf, ctx.today(), 422);
  const mode = parseMode(b.mode, 422);
  if (b.jurisdictions !== undefined && !Array.isArray(b.jurisdictions) && typeof b.jurisdictions !== 'string') {
    throw new HttpError(422, 'invalid_value', 'jurisdictions: expected a list of codes such as ["KR", "EU"]', 'jurisdictions');
  }
  return { body: b, scenario, asOf, mode, jurisdictions: parseJurisdictions(b.jurisdictions, ctx.corpus, 422) };
}

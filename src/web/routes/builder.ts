/**
 * The scenario builder. The scenario under construction always travels in the
 * URL (`s`, see share.ts), so the page works without JavaScript and every state
 * is a shareable link: the form posts here, the server applies it and redirects
 * to the new link. With JavaScript, builder.js posts the form on every change and
 * swaps in the re-evaluated results without a reload.
 */
import express, { Router, type Request, type Response } from 'express';
import type { Question, Scenario } from '../../engine/index.ts';
import type { WebContext } from '../context.ts';
import { HttpError, suggest } from '../errors.ts';
import { applyForm, blankScenario, fieldId, formModel, type QuestionRanking } from '../builder.ts';
import { BODY_LIMIT_BYTES, parseJsonInput, scenarioFrom } from '../input.ts';
import { controlsModel, matrixModel, type ScenarioRef } from '../model.ts';
import { parseMultipart } from '../multipart.ts';
import { viewOptions, viewQuery, type ViewOptions } from '../params.ts';
import { renderPage, renderView } from '../render.ts';
import { decodeScenario, encodeScenario, shareCode } from '../share.ts';

function builderUrl(s: string, flow: string | undefined, v: ViewOptions): string {
  return `/builder${viewQuery(v, { s, flow }, v.datedExplicitly)}`;
}

async function resultsModel(ctx: WebContext, scenario: Scenario, s: string, flow: string, v: ViewOptions) {
  const ref: ScenarioRef = { scenario, base: '/custom', s, bundled: false };
  const page = await ctx.page(scenario, v);
  const link = builderUrl(s, flow, v);
  return {
    matrix: matrixModel(ctx.corpus, ref, page.matrix, v, page.questions),
    share: {
      builder: link,
      // Never from the Host header, which the client chooses: a configured origin, or the
      // relative link (app.js copies it resolved against the page's own address).
      builderAbsolute: `${ctx.settings.publicOrigin ?? ''}${link}`,
      page: `/custom${viewQuery(v, { s }, v.datedExplicitly)}`,
      download: `/builder/download?s=${s}`,
      length: s.length,
    },
  };
}

/** The settling questions as the form orders its fields: fact key (key@code for a legal-order fact) to cells it could settle. */
function rankingOf(questions: Question[]): QuestionRanking {
  return new Map(questions.map((q) => [q.jurisdiction ? `${q.fact}@${q.jurisdiction}` : q.fact, q.settles]));
}

export function builderRoutes(ctx: WebContext): Router {
  const r = Router();
  const corpus = ctx.corpus;

  r.get('/builder', async (req, res) => {
    const from = typeof req.query.from === 'string' ? req.query.from : undefined;
    const v = viewOptions(req.query, corpus, ctx.today());
    if (from !== undefined) {
      const start = from === 'blank' ? blankScenario() : ctx.scenarioById.get(from);
      if (!start) throw new HttpError(404, 'not_found', `no scenario ${from}${suggest(from, ctx.scenarioById.keys())}`, 'from');
      res.redirect(303, builderUrl(encodeScenario(start), undefined, v));
      return;
    }
    const scenario = req.query.s === undefined ? blankScenario() : decodeScenario(req.query.s, corpus);
    const s = req.query.s === undefined ? encodeScenario(scenario) : String(req.query.s);
    const flow = scenario.flows.find((f) => f.id === req.query.flow) ?? scenario.flows[0];
    const asked = (await ctx.page(scenario, v)).questions ?? [];
    await renderPage(res, 'builder', {
      title: `Builder: ${scenario.title}`,
      nav: 'builder',
      scenario,
      flow,
      s,
      view: v,
      starts: [{ id: 'blank', title: 'A blank scenario' }, ...ctx.scenarios.map((x) => ({ id: x.id, title: x.title }))],
      form: formModel(corpus, scenario, flow, v.jurisdictions, rankingOf(asked)),
      asked: asked.slice(0, 5).map((q) => ({ ...q, anchor: fieldId(q.fact, q.jurisdiction) })),
      controls: controlsModel(corpus, v),
      results: await resultsModel(ctx, scenario, s, flow.id, v),
    });
  });

  r.post('/builder', express.urlencoded({ extended: false, limit: BODY_LIMIT_BYTES, parameterLimit: 5000 }), async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const scenario = decodeScenario(body.s, corpus);
    const v = viewOptions(body, corpus, ctx.today());
    const applied = applyForm(corpus, scenario, body);
    const next = scenarioFrom(applied.scenario, corpus);
    const s = shareCode(next);
    const url = builderUrl(s, applied.flow, v);
    if (req.get('accept')?.includes('application/json')) {
      const results = await resultsModel(ctx, next, s, applied.flow, v);
      res.json({ url, s, html: await renderView(req.app as express.Express, 'partials/builder-results', { results }) });
      return;
    }
    res.redirect(303, url);
  });

  r.post('/builder/upload', express.raw({ type: () => true, limit: BODY_LIMIT_BYTES }), (req, res) => {
    const type = req.get('content-type') ?? '';
    let text = '';
    if (/^multipart\/form-data/i.test(type)) {
      const parts = parseMultipart(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), type);
      const file = parts.get('file');
      text = file && file.text.trim() !== '' ? file.text : (parts.get('json')?.text ?? '');
    } else if (/^application\/x-www-form-urlencoded/i.test(type)) {
      text = new URLSearchParams(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '').get('json') ?? '';
    } else if (/json/i.test(type)) {
      text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    } else {
      throw new HttpError(415, 'unsupported_media_type', 'upload a scenario file with the form (multipart/form-data) or send JSON');
    }
    if (text.trim() === '') throw new HttpError(400, 'invalid_json', 'choose a scenario file (JSON) or paste its text before uploading');
    const scenario = scenarioFrom(parseJsonInput(text, 'uploaded scenario'), corpus);
    res.redirect(303, `/builder?s=${shareCode(scenario)}`);
  });

  r.get('/builder/download', (req, res) => {
    const scenario = decodeScenario(req.query.s, corpus);
    res.set('Content-Disposition', `attachment; filename="${scenario.id}.json"`);
    res.type('application/json; charset=utf-8').send(`${JSON.stringify(scenario, null, 2)}\n`);
  });

  return r;
}

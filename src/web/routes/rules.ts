/**
 * The rule browser (jurisdictions -> instruments -> provisions, each provision with
 * its condition in plain language) and the side-by-side comparison by topic.
 */
import { Router } from 'express';
import type { WebContext } from '../context.ts';
import { HttpError, suggest } from '../errors.ts';
import { compareModel, jurisdictionModel, provisionModel, rulesIndexModel } from '../rules-model.ts';
import { parseAsOf, parseJurisdictions } from '../params.ts';
import { renderPage } from '../render.ts';

export function ruleRoutes(ctx: WebContext): Router {
  const r = Router();
  const corpus = ctx.corpus;

  r.get('/rules', async (_req, res) => {
    await renderPage(res, 'rules', { title: 'Rule browser', nav: 'rules', rules: rulesIndexModel(corpus) });
  });

  r.get('/rules/:code', async (req, res) => {
    const j = corpus.jurisdictions.get(req.params.code);
    if (!j) throw new HttpError(404, 'not_found', `no jurisdiction ${req.params.code}${suggest(req.params.code, corpus.jurisdictions.keys())}`, 'code');
    await renderPage(res, 'jurisdiction', { title: `${j.name} (${j.code}): rules`, nav: 'rules', j: jurisdictionModel(corpus, ctx.cc, j) });
  });

  r.get('/provisions/:id', async (req, res) => {
    const versions = ctx.versions(req.params.id);
    if (!versions.length) throw new HttpError(404, 'not_found', `no provision ${req.params.id}${suggest(req.params.id, new Set(corpus.provisions.map((p) => p.id)))}`, 'id');
    const today = ctx.today();
    const model = provisionModel({
      corpus,
      id: req.params.id,
      versions,
      today,
      provisionAt: (id) => ctx.provisionAt(id, today),
      decided: await ctx.decidedBy(req.params.id),
      scenarioTitle: (id) => ctx.scenarioById.get(id)?.title ?? id,
      flowLabel: (scenario, flow) => ctx.scenarioById.get(scenario)?.flows.find((f) => f.id === flow)?.label ?? flow,
    });
    await renderPage(res, 'provision', { title: model.title, nav: 'rules', provision: model });
  });

  r.get('/compare', async (req, res) => {
    const today = ctx.today();
    const asOf = parseAsOf(req.query.asOf, today);
    const codes = parseJurisdictions(req.query.j, corpus, 400, 'j') ?? [];
    await renderPage(res, 'compare', { title: 'Compare jurisdictions', nav: 'compare', compare: compareModel(corpus, ctx.cc, codes, asOf) });
  });

  return r;
}

/** The home page: what lexflow answers and the library of bundled scenarios. */
import { Router } from 'express';
import type { WebContext } from '../context.ts';
import { homeModel } from '../home-model.ts';
import { renderPage } from '../render.ts';

export function homeRoutes(ctx: WebContext): Router {
  const r = Router();
  r.get('/', async (_req, res) => {
    const asOf = ctx.today();
    const jurisdictions = [...ctx.corpus.jurisdictions.keys()];
    const matrices = await ctx.evaluator.matrices(ctx.scenarios, { asOf, jurisdictions, mode: 'transplant' });
    await renderPage(res, 'home', { title: 'lexflow: which jurisdictions would allow this data flow?', nav: 'home', home: homeModel(ctx.corpus, ctx.scenarios, matrices, asOf) });
  });
  return r;
}

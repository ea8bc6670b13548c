/**
 * Minimal repair: the page `/repair?scenario=ID&flow=F&j=KR,EU&asOf=...` (the
 * smallest doable changes that make a flow allowed in each jurisdiction and in all
 * at once) and the same as JSON at `/api/repair`.
 */
import { Router } from 'express';
import type { WebContext } from '../context.ts';
import { parseRepairRequest, runRepair } from '../repair.ts';
import { repairPageModel } from '../repair-model.ts';
import { renderPage } from '../render.ts';

export function repairRoutes(ctx: WebContext): Router {
  const r = Router();
  const corpus = ctx.corpus;

  r.get('/api/repair', async (req, res) => {
    const q = parseRepairRequest(ctx, req.query as Record<string, unknown>);
    res.json({ scenario: q.scenario.id, mode: q.mode, jurisdictions: q.codes, ...(await runRepair(ctx, q)) });
  });

  r.get('/repair', async (req, res) => {
    const q = parseRepairRequest(ctx, req.query as Record<string, unknown>);
    const result = await runRepair(ctx, q);
    const model = repairPageModel(corpus, q, result);
    await renderPage(res, 'repair', { title: model.title, repair: model });
  });
  return r;
}

/**
 * Minimal repair: the page `/repair?scenario=ID&flow=F&j=KR,EU&asOf=...` (the
 * smallest doable changes that make a flow allowed in each jurisdiction and in all
 * at once) and the same as JSON at `/api/repair`.
 */
import { Router } from 'express';
import { changeLine } from '../../engine/diff/index.ts';
import type { WebContext } from '../context.ts';
import { parseRepairRequest, repairUrl, runRepair } from '../repair.ts';
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
    const flow = q.scenario.flows.find((f) => f.id === q.flow)!;
    const name = (code: string) => corpus.jurisdictions.get(code)?.name ?? code;
    const targets = [...result.perJurisdiction.map((t) => ({ ...t, heading: `${name(t.codes[0])} (${t.codes[0]})`, id: `repair-${t.codes[0]}` })), { ...result.everywhere, heading: `Everywhere at once (${result.everywhere.codes.join(', ') || 'none'})`, id: 'repair-everywhere' }];
    await renderPage(res, 'repair', {
      title: `What would make it lawful: ${flow.label}`,
      scenario: q.scenario,
      flow,
      result,
      asOf: q.asOf,
      targets: targets.map((t) => ({ ...t, repairs: t.repairs.map((x) => ({ ...x, lines: x.changes.map(changeLine) })) })),
      back: 'id' in q.source ? `/scenarios/${encodeURIComponent(q.source.id)}?asOf=${q.asOf}` : `/custom?s=${q.source.s}&asOf=${q.asOf}`,
      json: `/api/repair?${repairUrl(q.source, q.flow, q.asOf, q.codes, q.mode).split('?')[1]}`,
    });
  });
  return r;
}

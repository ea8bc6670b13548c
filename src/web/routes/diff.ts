/**
 * The law diff: the page `/diff?a=KR&b=EU&asOf=...` (reasons, minimal witnesses
 * that open as custom scenarios, provisions aligned side by side) and the same
 * result as JSON at `/api/diff`.
 */
import { Router } from 'express';
import type { WebContext } from '../context.ts';
import { parseDiffRequest, runDiff } from '../diff.ts';
import { diffAnswerModel, diffFormModel } from '../diff-model.ts';
import { renderPage } from '../render.ts';

export function diffRoutes(ctx: WebContext): Router {
  const r = Router();
  const corpus = ctx.corpus;

  r.get('/api/diff', async (req, res) => {
    const d = parseDiffRequest(ctx, req.query as Record<string, unknown>);
    const { result, equivalence } = await runDiff(ctx, d);
    res.json({ ...result, ...(equivalence ? { equivalence } : {}) });
  });

  r.get('/diff', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const form = { a: String(query.a ?? 'KR'), b: String(query.b ?? 'EU'), asOf: String(query.asOf ?? ctx.today()), mode: String(query.mode ?? 'transplant'), topic: String(query.topic ?? '') };
    if (query.a === undefined && query.b === undefined) {
      await renderPage(res, 'diff', { title: 'Law diff', nav: 'diff', form: diffFormModel(corpus, form), answer: undefined });
      return;
    }
    const d = parseDiffRequest(ctx, query);
    const answer = diffAnswerModel(ctx, d, await runDiff(ctx, d));
    await renderPage(res, 'diff', { title: `Law diff: ${d.a} and ${d.b}`, nav: 'diff', form: diffFormModel(corpus, { a: d.a, b: d.b, asOf: d.asOf, mode: d.mode, topic: d.topic ?? '' }), answer });
  });
  return r;
}

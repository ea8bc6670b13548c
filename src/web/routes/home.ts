/** The home page: what lexflow answers and the library of bundled scenarios. */
import { Router } from 'express';
import type { WebContext } from '../context.ts';
import { firstSentence, verdictSummary } from '../model.ts';
import { renderPage } from '../render.ts';

export function homeRoutes(ctx: WebContext): Router {
  const r = Router();
  r.get('/', async (_req, res) => {
    const asOf = ctx.today();
    const jurisdictions = [...ctx.corpus.jurisdictions.keys()];
    const matrices = await ctx.evaluator.matrices(ctx.scenarios, { asOf, jurisdictions, mode: 'transplant' });
    const library = ctx.scenarios.map((s, i) => ({
      id: s.id,
      title: s.title,
      date: s.date,
      place: s.place,
      kind: (s as { kind?: string }).kind,
      summary: firstSentence(s.summary),
      flows: s.flows.length,
      verdicts: verdictSummary(matrices[i]),
    }));
    await renderPage(res, 'home', {
      title: 'lexflow: which jurisdictions would allow this data flow?',
      nav: 'home',
      asOf,
      library,
      stats: { jurisdictions: ctx.corpus.jurisdictions.size, instruments: ctx.corpus.instruments.size, provisions: ctx.corpus.provisions.length },
    });
  });
  return r;
}

/**
 * A scenario's pages: the matrix with its controls, one cell's reasoning, and the
 * briefing exports. Bundled scenarios live at /scenarios/:id; any other scenario
 * travels in a share link at /custom?s=... (see share.ts). Both use the same views.
 */
import { Router, type Request, type Response } from 'express';
import { toCsv, toMarkdown } from '../../engine/report.ts';
import type { WebContext } from '../context.ts';
import { HttpError, suggest } from '../errors.ts';
import { pageUrl, type ScenarioRef } from '../model.ts';
import { scenarioModel } from '../scenario-model.ts';
import type { Question } from '../../engine/index.ts';
import { cellModel } from '../cell-model.ts';
import { withAnswer } from '../answer.ts';
import { viewOptions, type ViewOptions } from '../params.ts';
import { renderPage } from '../render.ts';
import { sendMade, sendText } from '../send.ts';
import { decodeScenario, encodeScenario, SHARE_MAX_CHARS } from '../share.ts';
import { repairUrl } from '../repair.ts';

export function resolveRef(ctx: WebContext, req: Request): ScenarioRef {
  const id = (req.params as { id?: string }).id;
  if (id !== undefined) {
    const scenario = ctx.scenarioById.get(id);
    if (!scenario) throw new HttpError(404, 'not_found', `no scenario ${id}${suggest(id, ctx.scenarioById.keys())}`, 'id');
    return { scenario, base: `/scenarios/${encodeURIComponent(id)}`, bundled: true };
  }
  const scenario = decodeScenario(req.query.s, ctx.corpus);
  return { scenario, base: '/custom', s: String(req.query.s), bundled: false };
}

function fileName(ref: ScenarioRef, v: ViewOptions, ext: string): string {
  return `${ref.scenario.id}-${v.asOf}${v.mode === 'actual' ? '-actual' : ''}.${ext}`;
}

export function scenarioRoutes(ctx: WebContext): Router {
  const r = Router();
  const corpus = ctx.corpus;

  const scenarioPage = async (req: Request, res: Response) => {
    const ref = resolveRef(ctx, req);
    const v = viewOptions(req.query, corpus, ctx.today());
    const s = ref.scenario;
    const { matrix, questions } = await ctx.page(s, v);
    const answerLink = (q: Question, value: unknown) => {
      const code = encodeScenario(withAnswer(s, q.fact, value, q.jurisdiction));
      return code.length > SHARE_MAX_CHARS ? undefined : pageUrl({ scenario: s, base: '/custom', s: code, bundled: false }, v, '', v.datedExplicitly);
    };
    const model = scenarioModel({ corpus, ref, view: v, matrix, questions, answerLink, share: ref.s ?? encodeScenario(s) });
    await renderPage(res, 'scenario', { title: model.title, scenario: model });
  };

  const cellPage = async (req: Request, res: Response) => {
    const ref = resolveRef(ctx, req);
    const v = viewOptions(req.query, corpus, ctx.today());
    const s = ref.scenario;
    const flow = s.flows.find((f) => f.id === req.params.flow);
    if (!flow) throw new HttpError(404, 'not_found', `no flow ${req.params.flow} in this scenario${suggest(String(req.params.flow), s.flows.map((f) => f.id))}`, 'flow');
    const code = String(req.params.code);
    const jurisdiction = corpus.jurisdictions.get(code);
    if (!jurisdiction) throw new HttpError(404, 'not_found', `no jurisdiction ${code}${suggest(code, corpus.jurisdictions.keys())}`, 'jurisdiction');
    const answer = await ctx.evaluator.cell(s, flow.id, code, { asOf: v.asOf, mode: v.mode });
    const repairHref = repairUrl(ref.bundled ? { id: s.id } : { s: ref.s! }, flow.id, v.asOf, [code], v.mode);
    const model = cellModel({ corpus, ref, view: v, flow, jurisdiction, ...answer, provisionAt: (id) => ctx.provisionAt(id, v.asOf), repairHref });
    await renderPage(res, 'cell', { title: model.title, cell: model });
  };

  const NEWLINE = Buffer.from('\n');
  const exportFile = (format: 'md' | 'csv' | 'json') => async (req: Request, res: Response) => {
    const ref = resolveRef(ctx, req);
    const v = viewOptions(req.query, corpus, ctx.today());
    const disposition = req.query.download === '0' ? 'inline' : 'attachment';
    // The JSON export is the API's compact contract, explained cell by cell; the budget bounds its size.
    if (format === 'json') {
      const answer = ctx.evaluator.contract(ref.scenario, v, true);
      const make = async () => {
        const text = [...(await answer.text()), NEWLINE];
        res.set('Content-Disposition', `${disposition}; filename="${fileName(ref, v, format)}"`);
        return text;
      };
      return sendMade(res, 'application/json; charset=utf-8', answer.bytes, make);
    }
    const body = format === 'md' ? `${toMarkdown(await ctx.evaluator.outcomes(ref.scenario, v), ref.scenario)}\n` : toCsv(await ctx.evaluator.outcomes(ref.scenario, v), ref.scenario);
    res.set('Content-Disposition', `${disposition}; filename="${fileName(ref, v, format)}"`);
    await sendText(res, format === 'md' ? 'text/markdown; charset=utf-8' : 'text/csv; charset=utf-8', body);
  };

  for (const base of ['/scenarios/:id', '/custom']) {
    r.get(base, scenarioPage);
    r.get(`${base}/cell/:flow/:code`, cellPage);
    r.get(`${base}/export.md`, exportFile('md'));
    r.get(`${base}/export.csv`, exportFile('csv'));
    r.get(`${base}/export.json`, exportFile('json'));
  }
  r.get('/scenarios', (_req, res) => res.redirect(303, '/#library'));
  return r;
}

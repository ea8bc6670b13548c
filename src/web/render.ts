/**
 * Page rendering: each page's view is rendered, then placed in the layout. The
 * helpers every template may call are gathered here. EJS escapes everything
 * written with <%= %>; templates use <%- %> only for included partials.
 */
import type { Express, Response } from 'express';
import { RECORD_VERDICT, RECORD_VERDICTS, VERDICT, VERDICTS } from '../engine/report.ts';
import { TRUTH_ICON } from './model.ts';

export const helpers = {
  /** Each verdict's look (word, icon, help, css), open reading and on the record, and the order legends list them in (for the legend and chips of pages without a model of their own). */
  VERDICT,
  VERDICTS,
  RECORD_VERDICT,
  RECORD_VERDICTS,
  TRUTH_ICON,
  enc: encodeURIComponent,
};

export function renderView(app: Express, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => app.render(view, { ...helpers, ...locals }, (err, html) => (err ? reject(err) : resolve(html))));
}

export interface PageLocals extends Record<string, unknown> {
  title: string;
  /** Which top navigation entry is current. */
  nav?: 'home' | 'builder' | 'rules' | 'compare' | 'diff';
}

export async function renderPage(res: Response, view: string, locals: PageLocals, status = 200): Promise<void> {
  const app = res.app as Express;
  const body = await renderView(app, view, locals);
  const html = await renderView(app, 'layout', { ...locals, body });
  res.status(status).type('html').send(html);
}

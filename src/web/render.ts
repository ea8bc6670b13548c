/**
 * Page rendering: each page's view is rendered, then placed in the layout. The
 * helpers every template may call are gathered here. EJS escapes everything
 * written with <%= %>; templates use <%- %> only for included partials.
 */
import type { Express, Response } from 'express';
import { RECORD_HELP, RECORD_VERDICTS, TRUTH_ICON, VERDICTS, VERDICT_HELP, recordIcon, recordWord, standingWord, verdictIcon, verdictWord } from './model.ts';

export const helpers = {
  recordWord,
  recordIcon,
  standingWord,
  RECORD_VERDICTS,
  RECORD_HELP,
  verdictWord,
  verdictIcon,
  VERDICTS,
  VERDICT_HELP,
  TRUTH_ICON,
  kindLabel: (kind: string) => ({ scope: 'scope rule', prohibition: 'prohibition', exception: 'exception', obligation: 'obligation', remedy: 'remedy or penalty' })[kind] ?? kind,
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

/**
 * The lexflow web explorer and JSON API: an Express app built from injected
 * dependencies (the loaded corpus and scenarios, the clock). No I/O happens at
 * import time; server.ts loads the data and listens, tests drive the app directly.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { join } from 'node:path';
import { createContext, type WebDeps } from './context.ts';
import { HttpError, errorBody, toHttpError } from './errors.ts';
import { renderPage } from './render.ts';
import { apiRoutes } from './routes/api.ts';
import { homeRoutes } from './routes/home.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { builderRoutes } from './routes/builder.ts';
import { ruleRoutes } from './routes/rules.ts';
import { diffRoutes } from './routes/diff.ts';
import { repairRoutes } from './routes/repair.ts';

export const VIEWS_DIR = join(import.meta.dirname, '..', '..', 'views');

export function createApp(deps: WebDeps): Express {
  const ctx = createContext(deps);
  const app = express();
  app.disable('x-powered-by');
  app.set('views', VIEWS_DIR);
  app.set('view engine', 'ejs');
  app.set('view cache', true);
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
        },
      },
      strictTransportSecurity: false,
    }),
  );
  app.use('/static', express.static(join(VIEWS_DIR, 'static'), { index: false, maxAge: '1h', fallthrough: true }));

  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/static/favicon.svg'));
  app.use(diffRoutes(ctx));
  app.use(repairRoutes(ctx));
  app.use('/api', apiRoutes(ctx));
  app.use(homeRoutes(ctx));
  app.use(scenarioRoutes(ctx));
  app.use(builderRoutes(ctx));
  app.use(ruleRoutes(ctx));

  app.use((req: Request, _res: Response, next: NextFunction) => next(new HttpError(404, 'not_found', `no such page: ${req.method} ${req.path}`)));
  app.use(async (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = toHttpError(err);
    const e = known ?? new HttpError(500, 'internal_error', 'something went wrong on our side; the request was not processed');
    if (!known) console.error(`lexflow web: ${req.method} ${req.originalUrl}:`, err);
    if (res.headersSent) return;
    if (req.originalUrl.startsWith('/api/') || req.originalUrl === '/api' || !req.accepts('html')) {
      res.status(e.status).json(errorBody(e));
      return;
    }
    try {
      await renderPage(res, 'error', { title: e.status === 404 ? 'Not found' : 'Something is wrong with the request', error: e }, e.status);
    } catch {
      res.status(e.status).type('text').send(`${e.status} ${e.message}`);
    }
  });
  return app;
}

/**
 * The lexflow web explorer and JSON API: an Express app built from injected
 * dependencies (the loaded corpus and scenarios, the clock). No I/O happens at
 * import time; server.ts loads the data and listens, tests drive the app directly.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import { join } from 'node:path';
import { createContext, type WebDeps } from './context.ts';
import type { Evaluator } from './evaluator.ts';
import { HttpError, errorBody, errorModel, toHttpError } from './errors.ts';
import { renderPage } from './render.ts';
import { apiRoutes } from './routes/api.ts';
import { homeRoutes } from './routes/home.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { builderRoutes } from './routes/builder.ts';
import { ruleRoutes } from './routes/rules.ts';
import { diffRoutes } from './routes/diff.ts';
import { repairRoutes } from './routes/repair.ts';

export const VIEWS_DIR = join(import.meta.dirname, '..', '..', 'views');

/** Routes that evaluate (and so cost worker time): rate-limited per client. */
const EVALUATING = ['/api/evaluate', '/scenarios/', '/custom', '/builder'];
/** Pages and files that carry a scenario of the user's (share links) or an export: never stored by caches. */
const PRIVATE = /^\/(custom|builder)(\/|$)|\/export\.(md|csv|json)$/;

/** Default requests per minute one client may make to the evaluating routes. */
export const RATE_PER_MINUTE = 120;

export function createApp(deps: WebDeps): Express {
  const ctx = createContext(deps);
  const app = express();
  app.locals.close = () => ctx.evaluator.close();
  app.locals.evaluator = ctx.evaluator;
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
      // Off unless configured (HSTS=1): over plain HTTP, or behind a proxy that sets it, it must not be sent.
      strictTransportSecurity: ctx.settings.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      // The same as frame-ancestors 'none', for browsers that only know the older header.
      xFrameOptions: { action: 'deny' },
    }),
  );
  app.use((req, res, next) => {
    if (PRIVATE.test(req.path)) res.set('Cache-Control', 'private, no-store');
    next();
  });
  const rate = ctx.settings.ratePerMinute ?? RATE_PER_MINUTE;
  if (rate > 0) {
    const limiter = rateLimit({
      windowMs: 60_000,
      limit: rate,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (req, _res, next) => {
        const e = new HttpError(429, 'rate_limited', `too many requests that evaluate (more than ${rate} a minute from one client); try again shortly`);
        const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
        e.retryAfter = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
        next(e);
      },
    });
    app.use((req, res, next) => (EVALUATING.some((p) => req.path === p || req.path.startsWith(p)) ? limiter(req, res, next) : next()));
  }
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
    if (e.retryAfter !== undefined) res.set('Retry-After', String(e.retryAfter));
    if (req.originalUrl.startsWith('/api/') || req.originalUrl === '/api' || !req.accepts('html')) {
      res.status(e.status).json(errorBody(e));
      return;
    }
    try {
      await renderPage(res, 'error', { title: e.status === 404 ? 'Not found' : 'Something is wrong with the request', error: errorModel(e) }, e.status);
    } catch {
      res.status(e.status).type('text').send(`${e.status} ${e.message}`);
    }
  });
  return app;
}

/** Resolves when the app's evaluation workers are loaded and warm (requests before then wait for them). */
export async function appReady(app: Express): Promise<void> {
  await (app.locals.evaluator as Evaluator).ready();
}

/** Stops what createApp started (the evaluation workers); the app answers no evaluation afterwards. */
export async function closeApp(app: Express): Promise<void> {
  await (app.locals.close as () => Promise<void>)();
}

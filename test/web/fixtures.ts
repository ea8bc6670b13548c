/**
 * Fixtures for the web tests: the bundled corpus and the seed scenario (plus any
 * other bundled scenario that loads: other work on the corpus may leave a file
 * transiently invalid, which must not break these tests), and an app served on
 * an ephemeral port on 127.0.0.1.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadCorpus, loadScenarioFile, SCENARIOS_DIR } from '../../src/corpus/load.ts';
import type { Corpus, Scenario } from '../../src/engine/index.ts';
import { appReady, closeApp, createApp } from '../../src/web/app.ts';
import type { WebSettings } from '../../src/web/context.ts';
import type { Evaluator, EvaluatorStats } from '../../src/web/evaluator.ts';
import { createHttpServer, type ServerTimeouts } from '../../src/web/http-server.ts';
import type { Express } from 'express';

export const SEED = 'kr-immigration-faces';
export const TODAY = '2024-06-01';

let cached: { corpus: Corpus; scenarios: Scenario[] } | undefined;

export function webData(): { corpus: Corpus; scenarios: Scenario[] } {
  if (cached) return cached;
  const corpus = loadCorpus();
  const scenarios: Scenario[] = [];
  for (const name of readdirSync(SCENARIOS_DIR).filter((n) => n.endsWith('.json')).sort()) {
    try {
      scenarios.push(loadScenarioFile(join(SCENARIOS_DIR, name), corpus, name));
    } catch (e) {
      if (name === `${SEED}.json`) throw e;
    }
  }
  return (cached = { corpus, scenarios });
}

export function seedScenario(): Scenario {
  return webData().scenarios.find((s) => s.id === SEED)!;
}

export interface Running {
  base: string;
  server: Server;
  app: Express;
  /** A GET of a path on the app. */
  get(path: string, init?: RequestInit): Promise<Response>;
  /** A POST of a body (JSON unless it is already a string) to a path on the app. */
  post(path: string, body: unknown, type?: string, headers?: Record<string, string>): Promise<Response>;
  /** The evaluation pool's counters: the count of work a test bounds (a shared machine's clock says little). */
  stats(): EvaluatorStats;
  close(): Promise<void>;
}

/**
 * The app on an ephemeral port. Two evaluation workers (so the heaviest requests are split
 * in two, as on a machine with three cores or more) and no rate limit by default (tests send
 * hundreds of requests from one address); tests of the limits pass their own.
 */
export async function startApp(today = TODAY, settings: WebSettings = {}, timeouts: ServerTimeouts = {}): Promise<Running> {
  const { corpus, scenarios } = webData();
  const app = createApp({ corpus, scenarios, today: () => today, settings: { workers: 2, ratePerMinute: 0, ...settings } });
  await appReady(app);
  const server = createHttpServer(app, timeouts);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  // Tests block the event loop (CLI runs in-process); a long keep-alive avoids a
  // race where the server drops an idle connection just as fetch reuses it.
  server.keepAliveTimeout = 120_000;
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    server,
    app,
    get: (path, init = {}) => fetch(`${base}${path}`, init),
    post: (path, body, type = 'application/json', headers = {}) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': type, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    stats: () => (app.locals.evaluator as Evaluator).stats(),
    close: async () => {
      await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
      await closeApp(app);
    },
  };
}

/**
 * The app for the tests of one file (or describe block): started before them, closed after
 * them. The handle is bound when the first test runs, so it can be declared at the top level
 * and used as a `Running` inside the tests.
 */
export function serveForTests(...args: Parameters<typeof startApp>): Omit<Running, 'close'> {
  let running: Running | undefined;
  beforeAll(async () => {
    running = await startApp(...args);
  });
  afterAll(async () => {
    await running?.close();
  });
  const started = (): Running => {
    if (!running) throw new Error('the app starts in beforeAll: use it inside a test');
    return running;
  };
  return {
    get base() {
      return started().base;
    },
    get server() {
      return started().server;
    },
    get app() {
      return started().app;
    },
    get: (path, init) => started().get(path, init),
    post: (path, body, type, headers) => started().post(path, body, type, headers),
    stats: () => started().stats(),
  };
}

/** An API error: the status, a JSON {error: {code, message, path}} without a stack trace, and the code. */
export async function expectApiError(res: Response, status: number, code: string, message?: RegExp, path?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const text = await res.text();
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+/); // no stack trace
  const body = JSON.parse(text);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(typeof body.error.path).toBe('string');
  if (message) expect(body.error.message).toMatch(message);
  if (path !== undefined) expect(body.error.path).toBe(path);
  return body;
}

/** Deterministic PRNG (mulberry32), so a fuzz run is the same run every time. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

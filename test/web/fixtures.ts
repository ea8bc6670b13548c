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
import { loadCorpus, loadScenarioFile, SCENARIOS_DIR } from '../../src/corpus/load.ts';
import type { Corpus, Scenario } from '../../src/engine/index.ts';
import { appReady, closeApp, createApp } from '../../src/web/app.ts';
import type { WebSettings } from '../../src/web/context.ts';
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
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    app,
    close: async () => {
      await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
      await closeApp(app);
    },
  };
}

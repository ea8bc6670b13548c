/**
 * Starts the web explorer: loads the bundled rules and scenarios, then listens on
 * PORT (default 3000; 0 picks a free port) and HOST (default: all interfaces).
 * If the data do not load, it says why and exits with status 1.
 * Settings from the environment: LEXFLOW_WORKERS (evaluation threads), LEXFLOW_WORK_BUDGET
 * (work units one request may cost), LEXFLOW_RATE_LIMIT
 * (evaluating requests per minute per client, 0 for none), PUBLIC_ORIGIN (origin of links
 * to copy), HSTS=1 (send Strict-Transport-Security; only behind HTTPS).
 */
import { loadCorpus, loadScenarios } from '../corpus/load.ts';
import { LoadError, formatProblem } from '../corpus/errors.ts';
import { appReady, closeApp, createApp } from './app.ts';
import type { WebSettings } from './context.ts';
import { createHttpServer } from './http-server.ts';

function settingsFromEnv(env: NodeJS.ProcessEnv): WebSettings {
  const count = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) {
      console.error(`lexflow web: ${name} must be a whole number, not "${raw}"`);
      process.exit(1);
    }
    return n;
  };
  const origin = env.PUBLIC_ORIGIN?.replace(/\/+$/, '');
  if (origin && !/^https?:\/\/[^/\s]+$/.test(origin)) {
    console.error(`lexflow web: PUBLIC_ORIGIN must look like https://lexflow.example, not "${env.PUBLIC_ORIGIN}"`);
    process.exit(1);
  }
  const workers = count('LEXFLOW_WORKERS');
  const budget = count('LEXFLOW_WORK_BUDGET');
  return { workers: workers || undefined, workBudget: budget || undefined, ratePerMinute: count('LEXFLOW_RATE_LIMIT'), publicOrigin: origin || undefined, hsts: env.HSTS === '1' || env.HSTS === 'true' };
}

function start(): void {
  let app;
  try {
    const corpus = loadCorpus();
    const scenarios = loadScenarios(corpus);
    app = createApp({ corpus, scenarios, settings: settingsFromEnv(process.env) });
  } catch (e) {
    if (e instanceof LoadError) {
      console.error('lexflow web: the rules or scenarios do not load:');
      for (const p of e.problems) console.error(`  ${formatProblem(p)}`);
    } else {
      console.error(`lexflow web: cannot start: ${(e as Error).message}`);
    }
    process.exit(1);
  }
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 3000 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`lexflow web: PORT must be a port number, not "${process.env.PORT}"`);
    process.exit(1);
  }
  const host = process.env.HOST || undefined;
  const ready = () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`lexflow web explorer listening on http://${host ?? 'localhost'}:${actual}`);
  };
  const server = createHttpServer(app);
  // Listen once the workers are warm, so the first requests are not the slowest.
  void appReady(app).then(() => (host ? server.listen(port, host, ready) : server.listen(port, ready)));
  const stop = () => {
    server.close();
    server.closeIdleConnections();
    void closeApp(app).finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  server.on('error', (e: NodeJS.ErrnoException) => {
    console.error(`lexflow web: cannot listen on port ${port}: ${e.code === 'EADDRINUSE' ? 'the port is in use (set PORT to another one)' : e.message}`);
    process.exit(1);
  });
}

start();

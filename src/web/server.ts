/**
 * Starts the web explorer: loads the bundled rules and scenarios, then listens on
 * PORT (default 3000; 0 picks a free port) and HOST (default: all interfaces).
 * If the data do not load, it says why and exits with status 1.
 */
import { loadCorpus, loadScenarios } from '../corpus/load.ts';
import { LoadError, formatProblem } from '../corpus/errors.ts';
import { createApp } from './app.ts';

function start(): void {
  let app;
  try {
    const corpus = loadCorpus();
    const scenarios = loadScenarios(corpus);
    app = createApp({ corpus, scenarios });
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
  const server = host ? app.listen(port, host, ready) : app.listen(port, ready);
  server.on('error', (e: NodeJS.ErrnoException) => {
    console.error(`lexflow web: cannot listen on port ${port}: ${e.code === 'EADDRINUSE' ? 'the port is in use (set PORT to another one)' : e.message}`);
    process.exit(1);
  });
}

start();

/**
 * The HTTP server around the app, with timeouts: a client that sends its headers
 * or body slowly (or announces a body it never sends) is cut off instead of holding
 * a connection for Node's default of 300 s.
 */
import { createServer, type Server } from 'node:http';
import type { Express } from 'express';

export interface ServerTimeouts {
  /** Whole request, headers and body, must arrive within this (default 30 s). */
  requestMs?: number;
  /** Headers must arrive within this (default 10 s). */
  headersMs?: number;
}

export const REQUEST_TIMEOUT_MS = 30_000;
export const HEADERS_TIMEOUT_MS = 10_000;

/** An http.Server for `app` with the request and headers timeouts set (not yet listening). */
export function createHttpServer(app: Express, t: ServerTimeouts = {}): Server {
  const requestTimeout = t.requestMs ?? REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(t.headersMs ?? HEADERS_TIMEOUT_MS, requestTimeout);
  // Node checks the timeouts every connectionsCheckingInterval (default 30 s): check often enough to keep them.
  const interval = Math.max(100, Math.min(1000, Math.floor(headersTimeout / 4)));
  return createServer({ requestTimeout, headersTimeout, connectionsCheckingInterval: interval }, app);
}

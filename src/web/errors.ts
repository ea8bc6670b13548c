/**
 * Errors the web edge reports to people and programs. Every bad input becomes an
 * HttpError with a 4xx status, a stable code, a message that names the problem
 * and the path inside the input; nothing else (no stack trace) leaves the server.
 */
import type { Problem } from '../corpus/errors.ts';
import { didYouMean } from '../corpus/suggest.ts';

/** Names longer than this get no "did you mean" (edit distance is quadratic in the length). */
export const SUGGEST_MAX_CHARS = 100;

/** "; did you mean X?" for a mistyped name; nothing for a name too long to be a typo. */
export function suggest(name: string, candidates: Iterable<string>): string {
  return name.length > SUGGEST_MAX_CHARS ? '' : didYouMean(name, candidates);
}

/** Most problems one answer lists; the rest are counted ("and N more"). */
export const MAX_PROBLEMS = 50;

export class HttpError extends Error {
  /** Seconds after which a refused request may be retried (503, 429). */
  retryAfter?: number;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path = '',
    readonly problems: Problem[] = [],
    /** Problems found beyond those listed. */
    readonly moreProblems = 0,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The JSON error body of the API: {"error": {"code", "message", "path"}}. */
export function errorBody(e: HttpError): { error: { code: string; message: string; path: string; problems?: { path: string; message: string }[]; moreProblems?: number } } {
  const problems = e.problems.length > 1 ? { problems: e.problems.map((p) => ({ path: p.path, message: p.message })) } : {};
  const more = e.moreProblems > 0 ? { moreProblems: e.moreProblems } : {};
  return { error: { code: e.code, message: e.message, path: e.path, ...problems, ...more } };
}

/** The code of a scenario problem is its kind (set where the problem is found), never read from its wording. */
function codeOf(p: Problem): string {
  return p.kind ?? 'invalid_scenario';
}

/** Scenario problems (schema, vocabulary, jurisdictions) as one 422 error led by the first. */
export function scenarioError(problems: Problem[], prefix = 'scenario', total = problems.length): HttpError {
  const first = problems[0];
  const path = first.path.startsWith('/') ? `${prefix}${first.path.replace(/\//g, '.')}`.replace(/\.$/, '') : `${prefix}.${first.path}`;
  // checkFacts messages repeat the fact key that the path already ends with.
  const key = path.split('.').slice(-2).join('.');
  const message = first.message.startsWith(`${key}: `) ? first.message.slice(key.length + 2) : first.message;
  const more = total > 1 ? ` (and ${total - 1} more problem${total > 2 ? 's' : ''}${total > problems.length ? `; the first ${problems.length} are listed` : ''})` : '';
  const located = problems.slice(0, MAX_PROBLEMS).map((p) => ({ ...p, path: p.path.startsWith('/') ? `${prefix}${p.path.replace(/\//g, '.')}`.replace(/\.$/, '') : `${prefix}.${p.path}` }));
  return new HttpError(422, codeOf(first), `${path}: ${message}${more}`, path, located, Math.max(0, total - located.length));
}

/** The error page's view model: a heading for the kind of failure, the message, and every problem where there are several. */
export function errorModel(e: HttpError) {
  return {
    heading: e.status === 404 ? 'Not found' : 'That request could not be used',
    message: e.message,
    problems: e.problems.length > 1 ? e.problems : [],
    status: e.status,
    code: e.code,
  };
}

/** Errors thrown by body parsers and express itself, mapped to HttpError; anything else is unexpected. */
export function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  const e = err as { status?: number; statusCode?: number; type?: string; message?: string; limit?: number };
  const status = e?.status ?? e?.statusCode;
  if (e?.type === 'entity.too.large') return new HttpError(413, 'payload_too_large', `request body is larger than the limit of ${e.limit ?? '?'} bytes`);
  if (e?.type === 'entity.parse.failed') return new HttpError(400, 'invalid_json', 'malformed request body');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new HttpError(415, 'unsupported_media_type', e.message ?? 'unsupported encoding');
  if (e?.type === 'request.aborted') return new HttpError(400, 'request_aborted', 'the request was aborted');
  if (e?.type === 'parameters.too.many') return new HttpError(413, 'too_many_parameters', 'too many form parameters');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = status === 404 ? 'not found' : e.message && e.message.length < 200 ? e.message : 'bad request';
    return new HttpError(status, status === 404 ? 'not_found' : 'bad_request', message);
  }
  if (err instanceof URIError) return new HttpError(400, 'bad_request', 'malformed URL encoding');
  return undefined;
}

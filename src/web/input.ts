/**
 * Untrusted scenario input from the API, an upload or a share link: parsed with a
 * message that says where JSON breaks, refused when nested too deep, then checked
 * against the schema, the vocabulary and the jurisdiction index (checkScenario).
 */
import type { Corpus, Scenario } from '../engine/index.ts';
import { checkScenario } from '../corpus/load.ts';
import { depthOf, parseJson } from '../corpus/json.ts';
import { HttpError, scenarioError } from './errors.ts';
import { lineColumn, syntaxErrorOffset } from './jsonpos.ts';

/** Request bodies and uploads larger than this are refused with 413. */
export const BODY_LIMIT_BYTES = 256 * 1024;
/** Objects and arrays nested deeper than this are refused (a scenario needs about 6). */
export const DEPTH_LIMIT = 32;

/** Parses JSON text, refusing malformed or too deeply nested input. */
export function parseJsonInput(text: string, what = 'request body'): unknown {
  if (text.trim() === '') throw new HttpError(400, 'invalid_json', `${what} is empty; send a JSON object`);
  const { value, problem } = parseJson(text);
  if (problem) {
    let message = problem.message;
    if (!/ at line \d+/.test(message)) {
      const at = syntaxErrorOffset(text);
      if (at !== undefined) message = message.replace(/^malformed JSON/, `malformed JSON at ${lineColumn(text, at)}`);
    }
    throw new HttpError(400, 'invalid_json', `${what}: ${message}`);
  }
  if (depthOf(value, DEPTH_LIMIT) > DEPTH_LIMIT) {
    throw new HttpError(400, 'too_deep', `${what} is nested deeper than ${DEPTH_LIMIT} levels`);
  }
  return value;
}

/** A validated scenario, or a 422 naming the first problem (all of them in `problems`). */
export function scenarioFrom(raw: unknown, corpus: Corpus, prefix = 'scenario'): Scenario {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new HttpError(422, 'invalid_scenario', `${prefix}: expected a scenario object`, prefix);
  }
  if (depthOf(raw, DEPTH_LIMIT) > DEPTH_LIMIT) throw new HttpError(400, 'too_deep', `${prefix} is nested deeper than ${DEPTH_LIMIT} levels`, prefix);
  const { scenario, problems } = checkScenario(raw, corpus);
  if (!scenario) throw scenarioError(problems, prefix);
  return scenario;
}

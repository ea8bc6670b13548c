/**
 * Untrusted scenario input from the API, an upload or a share link: parsed with a
 * message that says where JSON breaks, refused when nested too deep, then checked
 * against the schema, the vocabulary and the jurisdiction index (checkScenario).
 */
import type { Corpus, Scenario } from '../engine/index.ts';
import { checkScenario } from '../corpus/load.ts';
import { depthOf, parseJson } from '../corpus/json.ts';
import { HttpError, MAX_PROBLEMS, scenarioError } from './errors.ts';
import { lineColumn, syntaxErrorOffset } from './jsonpos.ts';

/** Request bodies and uploads larger than this are refused with 413. */
export const BODY_LIMIT_BYTES = 256 * 1024;
/** Objects and arrays nested deeper than this are refused (a scenario needs about 6). */
export const DEPTH_LIMIT = 32;
/**
 * Most flows a scenario may have (bundled ones have up to 7). Evaluating every
 * jurisdiction with explanations costs about 0.1 s a flow and blocks the server
 * meanwhile, so thousands of flows in one body would stall it for minutes.
 */
export const MAX_FLOWS = 20;
/** Most parties a scenario may have (bundled ones have up to 4). */
export const MAX_PARTIES = 50;
/**
 * Longest object key, party id and party reference (sender, recipient) accepted:
 * checking suggests the nearest valid name for an unknown one, which costs the
 * product of the lengths, so unbounded names would stall the server.
 */
export const NAME_MAX_CHARS = 100;

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
  const { flows, parties } = raw as { flows?: unknown; parties?: unknown };
  const tooMany = (list: unknown, max: number, what: string) => {
    if (Array.isArray(list) && list.length > max) throw new HttpError(422, `too_many_${what}`, `${prefix}.${what}: a scenario may have at most ${max} ${what}, not ${list.length}`, `${prefix}.${what}`);
  };
  tooMany(flows, MAX_FLOWS, 'flows');
  tooMany(parties, MAX_PARTIES, 'parties');
  const names: [unknown, string][] = [];
  if (Array.isArray(parties)) parties.forEach((p: unknown, i) => names.push([(p as Record<string, unknown> | null)?.id, `${prefix}.parties[${i}].id`]));
  if (Array.isArray(flows)) flows.forEach((f: unknown, i) => ['sender', 'recipient'].forEach((side) => names.push([(f as Record<string, unknown> | null)?.[side], `${prefix}.flows[${i}].${side}`])));
  for (const [name, path] of names) {
    if (typeof name === 'string' && name.length > NAME_MAX_CHARS) throw new HttpError(422, 'invalid_value', `${path}: longer than ${NAME_MAX_CHARS} characters`, path);
  }
  const long = longKey(raw, prefix);
  if (long) throw new HttpError(422, 'invalid_scenario', `${long}: a name longer than ${NAME_MAX_CHARS} characters`, long);
  let checked: ReturnType<typeof checkScenario>;
  try {
    checked = checkScenario(raw, corpus, undefined, undefined, { max: MAX_PROBLEMS, total: 0 });
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    // The checks assume JSON-shaped values; an object where text is expected
    // (e.g. {"toString": 1} in a list of values) can make them throw.
    throw new HttpError(422, 'invalid_scenario', `${prefix}: a value has the wrong shape (an object or list where a value was expected)`, prefix);
  }
  const { scenario, problems } = checked;
  if (!scenario) throw scenarioError(problems, prefix, checked.total);
  return scenario;
}

/** Where an object key longer than NAME_MAX_CHARS is ("scenario.facts.<first characters>..."), if any. */
function longKey(value: unknown, at: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = longKey(value[i], `${at}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k.length > NAME_MAX_CHARS) return `${at}.${k.slice(0, 40)}…`;
    const found = longKey(v, `${at}.${k}`);
    if (found) return found;
  }
  return undefined;
}

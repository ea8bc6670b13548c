/**
 * Share links: a scenario travels in the URL, so no server-side storage is needed.
 * Encoding: minified JSON, compressed with raw DEFLATE (zlib deflateRaw, the same
 * format as the browser's CompressionStream('deflate-raw')), in base64url, as the
 * query parameter `s`. Decoding is bounded in both the encoded length and the
 * inflated size, then the scenario is validated like any other input.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Corpus, Scenario } from '../engine/index.ts';
import { HttpError } from './errors.ts';
import { parseJsonInput, scenarioFrom } from './input.ts';

/** Longest `s` accepted (characters); keeps URLs well inside Node's 16 KB header limit. */
export const SHARE_MAX_CHARS = 12000;
/** Largest inflated scenario accepted (bytes). */
export const SHARE_MAX_BYTES = 256 * 1024;

export function encodeScenario(scenario: Scenario): string {
  const { $schema: _ignored, ...rest } = scenario as Scenario & { $schema?: string };
  return deflateRawSync(Buffer.from(JSON.stringify(rest), 'utf8'), { level: 9 }).toString('base64url');
}

/** The share code of a scenario, refused with 413 when the link would be longer than links are accepted. */
export function shareCode(scenario: Scenario): string {
  const s = encodeScenario(scenario);
  if (s.length > SHARE_MAX_CHARS) {
    throw new HttpError(413, 'share_too_long', `the scenario is too large for a share link (${s.length} characters compressed, at most ${SHARE_MAX_CHARS}); shorten its texts or flows`, 's');
  }
  return s;
}

export function decodeScenario(s: unknown, corpus: Corpus): Scenario {
  if (typeof s !== 'string' || s === '') throw new HttpError(400, 'invalid_share', 's: the share link carries no scenario', 's');
  if (s.length > SHARE_MAX_CHARS) throw new HttpError(414, 'share_too_long', `s: the shared scenario is longer than ${SHARE_MAX_CHARS} characters; download it as JSON instead`, 's');
  if (!/^[A-Za-z0-9_-]+$/.test(s)) throw new HttpError(400, 'invalid_share', 's: not a share code (base64url expected)', 's');
  let text: string;
  try {
    text = inflateRawSync(Buffer.from(s, 'base64url'), { maxOutputLength: SHARE_MAX_BYTES }).toString('utf8');
  } catch (e) {
    const tooBig = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new HttpError(tooBig ? 413 : 400, tooBig ? 'payload_too_large' : 'invalid_share', tooBig ? `s: the shared scenario inflates beyond ${SHARE_MAX_BYTES} bytes` : 's: the share code is damaged (cannot be decompressed)', 's');
  }
  return scenarioFrom(parseJsonInput(text, 'shared scenario'), corpus);
}

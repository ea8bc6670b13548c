/**
 * Sending a large text answer with backpressure: written in slices, each after the
 * client has taken the last, so a client that never reads holds one slice of
 * buffered output, not a second copy of the whole answer.
 */
import type { Response } from 'express';
import { HttpError } from './errors.ts';

const SLICE_CHARS = 64 * 1024;
/**
 * Answer bytes that may wait for slow or absent readers at once; past this, an
 * answer is refused with 503 rather than held (ten unread 5 MB exports would
 * otherwise keep 50 MB alive for as long as the clients like).
 */
export const MAX_UNSENT_BYTES = 24 * 2 ** 20;
let unsent = 0;

/** Writes `text` as the body of `res` (status and headers already set, Content-Type given). */
export async function sendText(res: Response, type: string, text: string): Promise<void> {
  const bytes = Buffer.byteLength(text);
  if (bytes > SLICE_CHARS && unsent + bytes > MAX_UNSENT_BYTES) {
    const e = new HttpError(503, 'busy', 'the server is sending as many large answers as it can hold; try again in a moment');
    e.retryAfter = 5;
    throw e;
  }
  unsent += bytes;
  try {
    await write(res, type, text, bytes);
  } finally {
    unsent -= bytes;
  }
}

async function write(res: Response, type: string, text: string, bytes: number): Promise<void> {
  res.type(type);
  res.set('Content-Length', String(bytes));
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  for (let at = 0; at < text.length && !res.destroyed; ) {
    let end = Math.min(text.length, at + SLICE_CHARS);
    // Never split a surrogate pair between slices: each half alone would be encoded as U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    const ok = res.write(text.slice(at, end));
    at = end;
    if (!ok && at < text.length) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  if (!res.destroyed) res.end();
}

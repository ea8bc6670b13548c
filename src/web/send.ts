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
 * answer is refused with 503 rather than held (ten unread 7 MB exports would
 * otherwise keep 70 MB alive for as long as the clients like). About one of the
 * largest answers the work budget admits: with 16 MB, ten unread exports of the
 * seed took the server past the 300 MB the bench holds it to.
 */
export const MAX_UNSENT_BYTES = 8 * 2 ** 20;
let unsent = 0;
/** Bytes expected of answers being made, held for them so they can be sent when ready. */
let reserved = 0;

/** Small answers always fit; a large one fits beside the others held, or alone (the work budget bounds its size). */
function roomFor(bytes: number): boolean {
  return bytes <= SLICE_CHARS || unsent + reserved === 0 || unsent + reserved + bytes <= MAX_UNSENT_BYTES;
}

function busy(): HttpError {
  const e = new HttpError(503, 'busy', 'the server is sending as many large answers as it can hold; try again in a moment');
  e.retryAfter = 5;
  return e;
}

/** An answer's body: text, bytes, or bytes in pieces (sent one after another, never joined into a copy). */
export type Body = string | Uint8Array | readonly Uint8Array[];

function byteLength(body: Body): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.length;
  return body.reduce((n, piece) => n + piece.length, 0);
}

/** Writes `text` as the body of `res` (status and headers already set, Content-Type given). */
export async function sendText(res: Response, type: string, text: Body, options: { admitted?: boolean } = {}): Promise<void> {
  const bytes = byteLength(text);
  if (!options.admitted && !roomFor(bytes)) throw busy();
  unsent += bytes;
  try {
    await write(res, type, text, bytes);
  } finally {
    unsent -= bytes;
  }
}

/**
 * Makes a large answer and sends it, refusing (503) before making it when the room it is
 * expected to take is not there: ten clients that ask for the largest export and never read
 * cost three evaluations and three held answers, not ten evaluations whose answers are dropped.
 */
export async function sendMade(res: Response, type: string, expectedBytes: number, make: () => Promise<Body>): Promise<void> {
  if (!roomFor(expectedBytes)) throw busy();
  reserved += expectedBytes;
  let text: Body;
  try {
    text = await make();
  } finally {
    reserved -= expectedBytes;
  }
  await sendText(res, type, text, { admitted: true });
}

async function write(res: Response, type: string, text: Body, bytes: number): Promise<void> {
  res.type(type);
  res.set('Content-Length', String(bytes));
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  for (const piece of typeof text === 'string' || text instanceof Uint8Array ? [text] : text) {
    if (!(await writeSlices(res, piece))) return;
  }
  if (!res.destroyed) res.end();
}

/** Writes one piece in slices, each after the client has taken the last; false once the client is gone. */
async function writeSlices(res: Response, text: string | Uint8Array): Promise<boolean> {
  for (let at = 0; at < text.length && !res.destroyed; ) {
    let end = Math.min(text.length, at + SLICE_CHARS);
    let slice: string | Uint8Array;
    if (typeof text === 'string') {
      // Never split a surrogate pair between slices: each half alone would be encoded as U+FFFD.
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
      slice = text.slice(at, end);
    } else {
      // Bytes may split a UTF-8 sequence: the client reassembles the body before decoding it.
      slice = text.subarray(at, end);
    }
    const ok = res.write(slice);
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
  return !res.destroyed;
}

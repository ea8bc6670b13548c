/**
 * The scenario upload form without a multipart library: the body (already bounded
 * by the raw body parser) is split on its boundary and the named parts are read
 * as UTF-8 text. Enough for a form of a few text fields and one JSON file.
 */
import { HttpError } from './errors.ts';

export function boundaryOf(contentType: string | undefined): string {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!m) throw new HttpError(400, 'bad_request', 'multipart body without a boundary');
  return m[1] ?? m[2];
}

/** Field name -> text of each part (the last one wins). */
export function parseMultipart(body: Buffer, contentType: string | undefined): Map<string, { text: string; filename?: string }> {
  const boundary = Buffer.from(`--${boundaryOf(contentType)}`);
  const parts = new Map<string, { text: string; filename?: string }>();
  let start = body.indexOf(boundary);
  if (start < 0) throw new HttpError(400, 'bad_request', 'multipart body does not contain its boundary');
  while (start >= 0) {
    const afterBoundary = start + boundary.length;
    if (body.subarray(afterBoundary, afterBoundary + 2).toString() === '--') break;
    const next = body.indexOf(boundary, afterBoundary);
    if (next < 0) break;
    const part = body.subarray(afterBoundary + 2, next - 2); // skip CRLF after boundary, CRLF before next
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0) {
      const head = part.subarray(0, split).toString('utf8');
      const name = /name="([^"]*)"/i.exec(head)?.[1];
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      if (name) parts.set(name, { text: part.subarray(split + 4).toString('utf8'), filename });
    }
    start = next;
  }
  return parts;
}

/**
 * Room for large answers is taken before they are made: a second large answer that would not
 * fit is refused (503, Retry-After) without making it, and the room comes back when the first
 * is done.
 */
import { describe, expect, it } from 'vitest';
import type { Response } from 'express';
import { HttpError } from '../../src/web/errors.ts';
import { MAX_UNSENT_BYTES, sendMade } from '../../src/web/send.ts';

describe('sendMade', () => {
  it('refuses a large answer before making it while the room is held by one being made', async () => {
    let finish!: (text: string) => void;
    const res = { destroyed: true, req: { method: 'HEAD' }, type: () => res, set: () => res, end: () => undefined } as unknown as Response;
    const first = sendMade(res, 'application/json', MAX_UNSENT_BYTES * 0.75, () => new Promise<string>((resolve) => (finish = resolve)));
    let made = false;
    const second = sendMade(res, 'application/json', MAX_UNSENT_BYTES * 0.5, async () => {
      made = true;
      return '{}';
    });
    await expect(second).rejects.toMatchObject({ status: 503, code: 'busy', retryAfter: 5 });
    await second.catch((e) => expect(e).toBeInstanceOf(HttpError));
    expect(made).toBe(false);
    finish('{}');
    await first;
    await sendMade(res, 'application/json', MAX_UNSENT_BYTES * 0.5, async () => {
      made = true;
      return '{}';
    });
    expect(made).toBe(true);
  });

  it('makes an answer larger than the room when nothing else is held, and sends its pieces in order', async () => {
    const written: string[] = [];
    const res = { destroyed: false, req: { method: 'GET' }, type: () => res, set: () => res, write: (b: Uint8Array) => (written.push(Buffer.from(b).toString()), true), end: () => undefined } as unknown as Response;
    await sendMade(res, 'application/json', MAX_UNSENT_BYTES * 1.5, async () => [Buffer.from('{"a":'), Buffer.from('1}')]);
    expect(written.join('')).toBe('{"a":1}');
  });
});

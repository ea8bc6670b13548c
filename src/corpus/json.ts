/** JSON parsing with a message that says where the syntax breaks. */
import type { Problem } from './errors.ts';

export function parseJson(text: string, file?: string): { value?: unknown; problem?: Problem } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    let where = '';
    if (pos) {
      const upto = text.slice(0, Number(pos[1]));
      const line = upto.split('\n').length;
      const col = upto.length - upto.lastIndexOf('\n');
      where = ` at line ${line}, column ${col}`;
    }
    return { problem: { file, path: '', message: `malformed JSON${where}: ${message.replace(/^.*?JSON[^:]*: ?/, '')}` } };
  }
}

/** Deepest nesting of arrays and objects, to refuse pathological input before walking it. */
export function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit) return depth;
  if (value === null || typeof value !== 'object') return depth;
  let max = depth + 1;
  for (const v of Object.values(value)) {
    max = Math.max(max, depthOf(v, limit, depth + 1));
    if (max > limit) return max;
  }
  return max;
}

/**
 * A jurisdiction's legal orders: itself and every jurisdiction it inherits (a US state
 * inherits federal law), ancestors first. The one place inheritance is followed; the
 * loader, the lint and the compiled corpus all ask here.
 */
import type { Jurisdiction } from './types.ts';

/**
 * Ancestors first, each once. An inheritance loop is not followed round again; `onLoop`
 * hears of it (the compiled corpus refuses one, the lint has reported it already).
 */
export function lineage(jurisdictions: ReadonlyMap<string, Jurisdiction>, code: string, onLoop?: (code: string) => void): string[] {
  const visit = (c: string, seen: string[]): string[] => {
    if (seen.includes(c)) {
      onLoop?.(c);
      return [];
    }
    const j = jurisdictions.get(c);
    if (!j) return [];
    const out: string[] = [];
    for (const parent of j.inherits) for (const x of visit(parent, [...seen, c])) if (!out.includes(x)) out.push(x);
    out.push(c);
    return out;
  };
  return visit(code, []);
}

/**
 * The one check of a date given as text, shared by the corpus (date facts), the
 * web (asOf) and the CLI (--as-of), so that a date one of them accepts no other
 * refuses. Pure, like the engine.
 */

/**
 * Whether `value` is a real calendar date written YYYY-MM-DD: the form alone is
 * not enough (2023-02-30 and 2023-13-01 are refused).
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

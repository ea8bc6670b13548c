/**
 * The one place the clock is read: the default as-of date of the edges (web and
 * CLI). It sits outside both so neither imports the other, and outside the
 * engine, which stays pure (it is always given a date).
 */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

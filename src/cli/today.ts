/** The as-of default. The clock is read here, at the edge, never inside the engine. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

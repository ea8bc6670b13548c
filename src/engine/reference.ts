/**
 * The specification of a verdict, for COMPLETE facts: deliberately plain, written apart
 * from the engine (json-logic-js applied to nested data, no three-valued logic, no
 * compiled code). In words: an instrument applies when every scope rule it has lets it
 * (an `excludes` rule lets it when its condition is false; territorial scope is set aside
 * when reading a law as transplanted). A flow is **forbidden** when, under an applying
 * instrument, a prohibition's condition holds and no exception of an applying instrument
 * lifts it, or an obligation is engaged (condition holds, not lifted) and not met. Else it
 * is **allowed** when some applying instrument regulates (holds a prohibition or
 * obligation), and **not covered** when none does.
 *
 * With unknown facts the engine's open verdict (evaluate.ts) is this function over every
 * completion: one verdict if all completions agree, else 'conditional'. The property tests
 * (test/property/completions.test.ts) hold the engine to it; nothing in the engine calls it.
 */
import jsonLogic from 'json-logic-js';
import type { Corpus, Facts, Mode, Provision, Verdict } from './types.ts';

function holds(logic: unknown, data: Facts): boolean {
  return jsonLogic.truthy(jsonLogic.apply(logic as jsonLogic.RulesLogic, data));
}

function chain(corpus: Corpus, code: string): string[] {
  const j = corpus.jurisdictions.get(code)!;
  return [...new Set([...j.inherits.flatMap((p) => chain(corpus, p)), code])];
}

const live = (p: Provision, asOf: string) => p.inForce.from <= asOf && (!p.inForce.to || asOf <= p.inForce.to);

export function referenceVerdict(corpus: Corpus, code: string, asOf: string, mode: Mode, data: Facts): Exclude<Verdict, 'conditional'> {
  const codes = chain(corpus, code);
  const ps = corpus.provisions.filter((p) => codes.includes(p.jurisdiction) && live(p, asOf));
  const instruments = [...new Set(ps.map((p) => p.instrument))];
  const applies = new Map(instruments.map((i) => [i, ps.filter((p) => (p.limits ?? p.instrument) === i && p.kind === 'scope' && !(mode === 'transplant' && p.aspect === 'territorial'))
    .every((p) => holds(p.when, data) !== (p.scope === 'excludes'))]));
  const lifted = (p: Provision) => ps.some((e) => e.kind === 'exception' && e.lifts?.includes(p.id) && applies.get(e.instrument) && holds(e.when, data));
  let forbidden = false;
  for (const p of ps) {
    if (!applies.get(p.instrument)) continue;
    if (p.kind === 'prohibition' && holds(p.when, data) && !lifted(p)) forbidden = true;
    if (p.kind === 'obligation' && holds(p.when, data) && !lifted(p) && !holds(p.met, data)) forbidden = true;
  }
  if (forbidden) return 'forbidden';
  const covered = instruments.some((i) => applies.get(i) && ps.some((p) => p.instrument === i && (p.kind === 'prohibition' || p.kind === 'obligation')));
  return covered ? 'allowed' : 'not-covered';
}

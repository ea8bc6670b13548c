/**
 * A deliberately plain verdict for COMPLETE facts, written apart from the engine:
 * json-logic-js applied to nested data, no three-valued logic, no compiled code.
 * The property tests hold the engine's answers against it.
 */
import jsonLogic from 'json-logic-js';
import type { Corpus, Facts, Mode, Provision, Verdict } from '../../src/engine/index.ts';

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

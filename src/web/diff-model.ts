/**
 * The law diff page's view model: the form, and for an answered diff its summary,
 * the two set questions, the topic equivalence, and each divergence with its
 * witness and the provisions of both sides aligned by topic.
 */
import { notForbidden, witnessLine } from '../engine/diff/index.ts';
import type { Corpus } from '../engine/index.ts';
import { VERDICT } from '../engine/report.ts';
import type { WebContext } from './context.ts';
import { diffQuery, witnessLink, type DiffAnswer, type DiffRequest } from './diff.ts';
import { plural, separated } from './model.ts';

/** The diff form as submitted (or its defaults), each choice marked selected. */
export function diffFormModel(corpus: Corpus, form: { a: string; b: string; asOf: string; mode: string; topic: string }) {
  const choices = (chosen: string) => [...corpus.jurisdictions.values()].map((j) => ({ code: j.code, name: j.name, selected: j.code === chosen }));
  return {
    a: choices(form.a),
    b: choices(form.b),
    asOf: form.asOf,
    modes: (['transplant', 'actual'] as const).map((value) => ({ value, selected: value === 'actual' ? form.mode === 'actual' : form.mode !== 'actual' })),
    topics: corpus.topics.map((t) => ({ id: t.id, label: t.label, selected: t.id === form.topic })),
  };
}

/** An answered diff as the page shows it. */
export function diffAnswerModel(ctx: WebContext, d: DiffRequest, { result, equivalence }: DiffAnswer) {
  const corpus = ctx.corpus;
  const name = (code: string) => corpus.jurisdictions.get(code)?.name ?? code;
  const divergences = result.divergences.map((x, i) => ({
    n: i + 1,
    forbids: x.forbids,
    kind: x.kind,
    rules: separated(x.rules.map((p) => ({ id: p.id, citation: p.citation })), ' + '),
    reading: x.reading,
    chips: [
      { ...VERDICT.forbidden, code: x.forbids, sep: '' },
      { ...VERDICT[x.otherVerdict], code: x.other, sep: ' ' },
    ],
    witnessHeading: `Witness: ${x.witness.facts.length} stated ${plural(x.witness.facts.length, 'fact')}`,
    facts: x.witness.facts,
    link: witnessLink(ctx, d, x.witness, `${x.forbids} forbids, ${x.other} ${x.otherVerdict === 'allowed' ? 'allows' : 'does not cover'}: ${x.rules.map((p) => p.citation).join(' + ')}`),
    aligned: x.aligned.map((t) => ({ label: t.label, sides: [result.a, result.b].map((code) => ({ provisions: t.sides[code], note: t.notes[code] })) })),
  }));
  const setAnswer = (x: string, y: string, s: typeof result.aCoversB) => ({
    question: `Does ${name(x)} forbid everything ${name(y)} forbids?`,
    text: s.counterexample ? `No: some flow ${y} forbids is ${notForbidden(s.counterexample.verdicts[x])} in ${x}.` : s.holds ? 'Yes.' : 'Not answered: the work budget ran out.',
    facts: s.counterexample?.facts ?? [],
    link: s.counterexample ? witnessLink(ctx, d, s.counterexample, `${y} forbids, ${x} does not`) : undefined,
  });
  const givenLabel = d.given ? `${d.given.scenario.title}, flow ${d.given.scenario.flows.find((f) => f.id === d.given!.flow)?.label ?? d.given.flow}` : undefined;
  const n = result.divergences.length;
  return {
    given: d.given && { s: d.given.s, flow: d.given.flow },
    a: { code: result.a, name: name(d.a) },
    b: { code: result.b, name: name(d.b) },
    heading: `${name(d.a)} (${result.a}) and ${name(d.b)} (${result.b}), as of ${result.asOf}`,
    summary: {
      divergences: n,
      divergencesWord: plural(n, 'divergence'),
      reasons: result.reasons.length,
      reasonsWord: plural(result.reasons.length, 'reason'),
      rest: `, ${givenLabel ? `within the facts of ${givenLabel}` : 'over the whole vocabulary'}; territory read as ${result.mode}. ${result.queries} solver queries; every witness re-checked by the engine${result.rejected ? ` (${result.rejected} rejected and left out)` : ''}. `,
    },
    complete: result.complete,
    json: `/api/diff?${diffQuery(d)}`,
    sets: [setAnswer(d.a, d.b, result.aCoversB), setAnswer(d.b, d.a, result.bCoversA)],
    equivalence: equivalence && {
      question: `Are they equivalent on ${corpus.topics.find((t) => t.id === equivalence.topic)?.label ?? equivalence.topic}?`,
      text: `${equivalence.equivalent ? 'Yes: their rules on it forbid the same flows.' : 'No.'}${equivalence.onlyA ? ` Only ${result.a} forbids when ${witnessLine(equivalence.onlyA)}.` : ''}${equivalence.onlyB ? ` Only ${result.b} forbids when ${witnessLine(equivalence.onlyB)}.` : ''}`,
    },
    reasons: result.reasons.map((x, i) => ({ anchor: `reason-${i + 1}`, label: x.label, items: x.divergences.map((k) => divergences[k]) })),
  };
}

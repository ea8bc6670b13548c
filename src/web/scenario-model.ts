/**
 * The scenario page's view model: the scenario's story, the view controls, the
 * questions that settle the most cells, the matrix and its exports, the flows
 * and the parties. Every word and choice the page shows is made here.
 */
import type { Corpus, EvaluationResult, Question } from '../engine/index.ts';
import type { ViewOptions } from './params.ts';
import { controlsModel, factLines, matrixModel, pageUrl, plural, questionModels, type ScenarioRef } from './model.ts';
import { repairUrl } from './repair.ts';

export interface ScenarioPageInput {
  corpus: Corpus;
  ref: ScenarioRef;
  view: ViewOptions;
  matrix: EvaluationResult;
  /** The questions that settle the most cells, or undefined where ranking them was over the budget. */
  questions?: Question[];
  /** The link that opens the scenario with one answer stated (undefined where the link would be too long). */
  answerLink: (q: Question, value: unknown) => string | undefined;
  /** The share code of the scenario, for the builder link. */
  share: string;
}

/** Everything the scenario page shows. */
export function scenarioModel(input: ScenarioPageInput) {
  const { corpus, ref, view: v } = input;
  const s = ref.scenario;
  const asked = input.questions ?? [];
  return {
    title: s.title,
    crumb: ref.bundled ? s.id : 'shared scenario',
    shared: !ref.bundled,
    date: s.date,
    place: s.place,
    kind: (s as { kind?: string }).kind,
    summary: s.summary,
    asOf: v.asOf,
    mode: v.mode,
    controls: controlsModel(corpus, v, { action: ref.base, s: ref.s }),
    matrix: matrixModel(corpus, ref, input.matrix, v, asked),
    questionsRanked: input.questions !== undefined,
    questions: questionModels(asked.slice(0, 5), input.answerLink).map((q) => ({
      ask: q.question.question || q.question.label,
      forJurisdiction: q.question.jurisdiction ? ` (for ${q.question.jurisdiction})` : '',
      reach: `could settle ${q.question.settles} ${plural(q.question.settles, 'cell')} in ${q.question.jurisdictions.length} ${plural(q.question.jurisdictions.length, 'jurisdiction')}`,
      fact: q.question.fact,
      answers: q.answers,
    })),
    exports: {
      markdown: pageUrl(ref, v, '/export.md', true),
      csv: pageUrl(ref, v, '/export.csv', true),
      json: pageUrl(ref, v, '/export.json', true),
    },
    permalink: pageUrl(ref, v, '', true),
    builderUrl: `/builder?s=${input.share}`,
    repairLinks: s.flows.map((f) => ({ label: f.label, href: repairUrl(ref.bundled ? { id: s.id } : { s: ref.s! }, f.id, v.asOf, v.subset ? v.jurisdictions : undefined, v.mode) })),
    sources: s.sources,
    flows: s.flows.map((f) => ({
      label: f.label,
      note: f.note,
      sender: s.parties.find((p) => p.id === f.sender)?.name,
      recipient: s.parties.find((p) => p.id === f.recipient)?.name,
      facts: factLines(corpus, f.facts),
    })),
    sharedFacts: factLines(corpus, s.facts),
    parties: s.parties.map((p) => ({ name: p.name, sector: p.sector || 'unknown', kind: (p.kind || 'unknown').replace(/_/g, ' '), country: p.country || 'unknown' })),
  };
}

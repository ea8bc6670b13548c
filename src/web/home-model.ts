/**
 * The home page's view model: what lexflow answers, and the library of bundled
 * scenarios, each with its verdicts per jurisdiction as counted chips.
 */
import { VERDICT, VERDICTS } from '../engine/report.ts';
import type { Corpus, EvaluationResult, Scenario } from '../engine/index.ts';
import { firstSentence, plural } from './model.ts';

/** Per jurisdiction, how many flows get each verdict, as chips (icon, count, word for screen readers). */
export function verdictSummary(result: EvaluationResult) {
  return result.jurisdictions.map((code) => {
    const mine = result.results.filter((r) => r.jurisdiction === code);
    const counts = VERDICTS.map((verdict) => ({ verdict, n: mine.filter((r) => r.verdict === verdict).length })).filter((c) => c.n > 0);
    return { code, chips: counts.map(({ verdict, n }) => ({ n, css: VERDICT[verdict].css, icon: VERDICT[verdict].icon, word: VERDICT[verdict].name.toLowerCase() })) };
  });
}

/** Everything the home page shows; `matrices` are the scenarios' matrices as of `asOf`, in the same order. */
export function homeModel(corpus: Corpus, scenarios: Scenario[], matrices: EvaluationResult[], asOf: string) {
  return {
    asOf,
    stats: { jurisdictions: corpus.jurisdictions.size, instruments: corpus.instruments.size, provisions: corpus.provisions.length },
    library: scenarios.map((s, i) => ({
      id: s.id,
      title: s.title,
      date: s.date,
      place: s.place,
      kind: (s as { kind?: string }).kind,
      summary: firstSentence(s.summary),
      flows: `${s.flows.length} ${plural(s.flows.length, 'flow')}`,
      verdicts: verdictSummary(matrices[i]),
    })),
  };
}

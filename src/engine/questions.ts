/**
 * The questions that settle a matrix: for a scenario and its jurisdictions, the
 * unknown facts ranked by how many cells' open verdicts one answer could settle,
 * with, for each answer, the cells that move and where to. A legal-order fact is
 * asked per jurisdiction ("does a statute of the EU authorise it?"), a flow fact
 * once for the whole scenario (it fills every flow that leaves it unstated).
 */
import { foldPlan } from './fold.ts';
import type { Corpus, EvaluateOptions, FactDef, Scenario, Verdict } from './types.ts';
import type { CompiledCorpus } from './compiled.ts';
import { compileCorpus } from './compiled.ts';
import { evaluateCell } from './cell.ts';
import { cellInputs } from './evaluate.ts';

export interface CellMove {
  flow: string;
  jurisdiction: string;
  to: Exclude<Verdict, 'conditional'>;
}

export interface QuestionAnswer {
  /** The value to state (for an enum's "any other value", a representative one). */
  value: unknown;
  text: string;
  moves: CellMove[];
}

export interface Question {
  fact: string;
  label: string;
  question: string;
  /** For a legal-order fact: the jurisdiction whose law it asks about. */
  jurisdiction?: string;
  /** Conditional cells that at least one answer settles. */
  settles: number;
  /** Conditional cells that every answer settles. */
  settlesAlways: number;
  jurisdictions: string[];
  answers: QuestionAnswer[];
}

/** Fact kinds a single answer can state; a set is stated whole, so it is asked in the builder. */
const ASKABLE = new Set<FactDef['type']>(['boolean', 'enum', 'number', 'date']);

/**
 * Ranks the unknown facts of a scenario's conditional cells by how many cells one
 * answer could settle (then by how many every answer settles). Each answer is
 * checked exactly, by the same verdict search as the matrix.
 */
export function settlingQuestions(corpus: Corpus, scenario: Scenario, options: EvaluateOptions, cc: CompiledCorpus = compileCorpus(corpus), limit = 10): Question[] {
  const { cells } = cellInputs(corpus, scenario, options, cc);
  const byKey = new Map<string, Question & { settled: Map<string, number> }>();
  for (const { flow, code, plan, assignment } of cells) {
    if (evaluateCell(cc, plan, assignment, { detail: 'verdict' }).verdict !== 'conditional') continue;
    const slots = plan.atoms.filter((slot) => assignment[slot] === undefined && ASKABLE.has(cc.atomInfo[slot].fact.type));
    // Every answer extends this cell's facts, so the plan folded against them gives the same verdicts for less (fold.ts).
    const folded = foldPlan(plan, assignment);
    for (const slot of slots) {
      const info = cc.atomInfo[slot];
      const fact = info.fact;
      const perJurisdiction = fact.scope === 'jurisdiction';
      const key = perJurisdiction ? `${fact.key}@${code}` : fact.key;
      let q = byKey.get(key);
      if (!q) {
        q = {
          fact: fact.key, label: fact.label, question: fact.question, ...(perJurisdiction ? { jurisdiction: code } : {}),
          settles: 0, settlesAlways: 0, jurisdictions: [], settled: new Map(),
          answers: info.distinctions.map((d) => ({ value: d.value, text: d.text, moves: [] })),
        };
        byKey.set(key, q);
      }
      const cellKey = `${flow}|${code}`;
      let settledBy = 0;
      info.distinctions.forEach((d, i) => {
        const a = assignment.slice();
        a[slot] = d.value;
        const v = evaluateCell(cc, folded, a, { detail: 'verdict' }).verdict;
        if (v === 'conditional') return;
        settledBy++;
        q!.answers[i].moves.push({ flow, jurisdiction: code, to: v });
      });
      if (settledBy === 0) continue;
      q.settled.set(cellKey, settledBy);
      if (!q.jurisdictions.includes(code)) q.jurisdictions.push(code);
      q.settles++;
      if (settledBy === info.distinctions.length) q.settlesAlways++;
    }
  }
  return [...byKey.values()]
    .filter((q) => q.settles > 0)
    .sort((x, y) => y.settles - x.settles || y.settlesAlways - x.settlesAlways || x.fact.localeCompare(y.fact) || (x.jurisdiction ?? '').localeCompare(y.jurisdiction ?? ''))
    .slice(0, limit)
    .map(({ settled: _settled, ...q }) => q);
}

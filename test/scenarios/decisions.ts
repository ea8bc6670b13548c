/**
 * How a recorded decision compares with lexflow's cell for the same flow,
 * jurisdiction and date. One function holds the comparison, so that the reading it
 * compares against (today the open verdict and its decisive provisions) can change
 * in one place.
 */
import type { Decision, Verdict } from '../../src/engine/index.ts';

export interface DecisionCheck {
  /** The cell's verdict. */
  verdict: Verdict;
  /** Whether the cell gives the decision's outcome. */
  outcomeMatches: boolean;
  /** Breached provisions the decision named that are among the cell's decisive provisions. */
  shown: string[];
  /** Breached provisions the decision named that are not. */
  missing: string[];
}

/** Compares a cell (its verdict and decisive provisions) with a recorded decision. */
export function decisionCheck(cell: { verdict: Verdict; decisive: { id: string }[] }, decision: Decision): DecisionCheck {
  const decisive = new Set(cell.decisive.map((d) => d.id));
  return {
    verdict: cell.verdict,
    outcomeMatches: cell.verdict === decision.outcome,
    shown: decision.breached.filter((id) => decisive.has(id)),
    missing: decision.breached.filter((id) => !decisive.has(id)),
  };
}

/** A stable name for a decision: scenario, flow, jurisdiction and date. */
export function decisionKey(scenario: string, d: Decision): string {
  return `${scenario}/${d.flow}/${d.jurisdiction}/${d.date}`;
}

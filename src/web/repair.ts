/**
 * Minimal repair at the web edge: which scenario and flow (a bundled scenario by
 * id, or a share code), which jurisdictions, validated with 4xx errors; a work
 * budget in solver queries; a small cache; and the link each cell and matrix row uses.
 */
import type { CompiledCorpus, Mode, Scenario } from '../engine/index.ts';
import { Budget, repairFlow, type FlowRepair } from '../engine/diff/index.ts';
import type { WebContext } from './context.ts';
import { scenarioKey } from './context.ts';
import { HttpError, suggest } from './errors.ts';
import { parseAsOf, parseJurisdictions, parseMode } from './params.ts';
import { decodeScenario } from './share.ts';

/** Most solver queries one repair request may spend (the seed's flows in all 17 jurisdictions stay within it). */
export const REPAIR_QUERY_BUDGET = 6000;

export interface RepairRequest {
  scenario: Scenario;
  /** The bundled scenario's id, or the share code of a custom one. */
  source: { id: string } | { s: string };
  flow: string;
  codes: string[];
  asOf: string;
  mode: 'transplant' | 'actual';
}

export function parseRepairRequest(ctx: WebContext, q: Record<string, unknown>): RepairRequest {
  let scenario: Scenario | undefined;
  let source: RepairRequest['source'];
  if (typeof q.scenario === 'string' && q.scenario !== '') {
    scenario = ctx.scenarioById.get(q.scenario);
    if (!scenario) throw new HttpError(404, 'unknown_scenario', `scenario: no bundled scenario ${q.scenario}${suggest(q.scenario, ctx.scenarioById.keys())}`, 'scenario');
    source = { id: q.scenario };
  } else if (q.s !== undefined) {
    scenario = decodeScenario(q.s, ctx.corpus);
    source = { s: String(q.s) };
  } else throw new HttpError(400, 'missing_scenario', 'scenario: give scenario=ID of a bundled scenario, or s=share code', 'scenario');
  const flows = scenario.flows.map((f) => f.id);
  if (typeof q.flow !== 'string' || q.flow === '') throw new HttpError(400, 'missing_parameter', `flow: choose one of ${flows.join(', ')}`, 'flow');
  if (!flows.includes(q.flow)) throw new HttpError(400, 'unknown_flow', `flow: no flow ${q.flow} in ${scenario.id}${suggest(q.flow, flows)}`, 'flow');
  const codes = parseJurisdictions(q.j, ctx.corpus, 400, 'j') ?? [...ctx.corpus.jurisdictions.keys()];
  return { scenario, source, flow: q.flow, codes, asOf: parseAsOf(q.asOf, ctx.today()), mode: parseMode(q.mode) };
}

/** The repairs of a request, in the evaluation pool (solver time must not hold the event loop), cached. */
export function runRepair(ctx: WebContext, req: RepairRequest): Promise<FlowRepair> {
  return ctx.evaluator.analyse<FlowRepair>(
    ['repair', scenarioKey(req.scenario), req.flow, req.codes.join(','), req.asOf, req.mode].join('|'),
    { kind: 'repair', scenario: req.scenario, flow: req.flow, codes: req.codes, asOf: req.asOf, mode: req.mode, budget: REPAIR_QUERY_BUDGET },
  );
}

/** The repairs themselves, as the pool's worker runs them. */
export function repairAnswer(cc: CompiledCorpus, t: { scenario: Scenario; flow: string; codes: string[]; asOf: string; mode: Mode; budget: number }): FlowRepair {
  return repairFlow(cc, t.scenario, t.flow, t.codes, { asOf: t.asOf, mode: t.mode, budget: new Budget(t.budget) });
}

/** The repair page of one flow (for `codes`, all when omitted), for a bundled scenario or a share code. */
export function repairUrl(source: { id: string } | { s: string }, flow: string, asOf: string, codes?: string[], mode = 'transplant'): string {
  const params = new URLSearchParams('id' in source ? { scenario: source.id } : { s: source.s });
  params.set('flow', flow);
  if (codes) params.set('j', codes.join(','));
  params.set('asOf', asOf);
  if (mode !== 'transplant') params.set('mode', mode);
  return `/repair?${params}`;
}

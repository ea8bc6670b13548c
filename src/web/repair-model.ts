/**
 * The repair page's view model: per jurisdiction, and for all at once, the
 * verdicts now and the smallest sets of changes that make the flow allowed.
 */
import { changeLine, type FlowRepair } from '../engine/diff/index.ts';
import type { Corpus } from '../engine/index.ts';
import { RECORD_VERDICT, VERDICT } from '../engine/report.ts';
import { repairUrl, type RepairRequest } from './repair.ts';
import { plural, separated } from './model.ts';

/** Everything the repair page shows for one flow's repairs. */
export function repairPageModel(corpus: Corpus, q: RepairRequest, result: FlowRepair) {
  const flow = q.scenario.flows.find((f) => f.id === q.flow)!;
  const name = (code: string) => corpus.jurisdictions.get(code)?.name ?? code;
  const targets = [
    ...result.perJurisdiction.map((t) => ({ ...t, heading: `${name(t.codes[0])} (${t.codes[0]})`, id: `repair-${t.codes[0]}` })),
    { ...result.everywhere, heading: `Everywhere at once (${result.everywhere.codes.join(', ') || 'none'})`, id: 'repair-everywhere' },
  ];
  return {
    title: `What would make it lawful: ${flow.label}`,
    scenarioTitle: q.scenario.title,
    flowLabel: flow.label,
    asOf: q.asOf,
    complete: result.complete,
    targets: targets.map((t) => ({
      id: t.id,
      heading: t.heading,
      codes: t.codes.join(','),
      now: t.codes.map((c) => ({ code: c, ...RECORD_VERDICT[t.beforeRecord[c]], open: t.beforeRecord[c] === t.before[c] ? '' : `open reading: ${VERDICT[t.before[c]].word}` })),
      note: t.note,
      repairs: t.repairs.map((x) => ({
        count: x.changes.length,
        changes: `${x.changes.length} ${plural(x.changes.length, 'change')}`,
        lines: x.changes.map(changeLine),
        stopFiring: separated(x.stopFiring),
        lifting: separated(x.lifting),
      })),
    })),
    back: 'id' in q.source ? `/scenarios/${encodeURIComponent(q.source.id)}?asOf=${q.asOf}` : `/custom?s=${q.source.s}&asOf=${q.asOf}`,
    json: `/api/repair?${repairUrl(q.source, q.flow, q.asOf, q.codes, q.mode).split('?')[1]}`,
  };
}

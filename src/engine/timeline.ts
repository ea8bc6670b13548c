/**
 * A cell across time, and what changed between two readings of a cell.
 *
 * Timeline: a plan only changes on a date some provision of the jurisdiction (or
 * one it inherits) enters into force or ceases, so the verdict is evaluated once
 * per such period, and each change of verdict is tied to the provisions that
 * entered or left on that date and to the instrument version (amendment or
 * commencement) that begins then.
 *
 * Delta: between two readings (two dates, or two fact sets, as in a what-if), the
 * provisions whose status changed (forbids, lifted, not engaged, met, breached,
 * not in force) and the verdicts on each side.
 */
import { evaluateCell } from './cell.ts';
import { readOnRecord, type RecordVerdict } from './record.ts';
import type { ProvisionRef } from './attribution.ts';
import type { CompiledCorpus } from './compiled.ts';
import { planFor } from './plan.ts';
import { statuses } from './statuswords.ts';
import type { Mode, Provision, Verdict } from './types.ts';

export interface TimelinePeriod {
  /** First day of the period; absent for the time before any encoded provision of the jurisdiction. */
  from?: string;
  /** Last day of the period; absent for the one still running. */
  to?: string;
  verdict: Verdict;
  decisive: ProvisionRef[];
}

export interface TimelineChange {
  date: string;
  from: Verdict;
  to: Verdict;
  /** Provisions (versions) that entered into force on the date, and those that ceased the day before. */
  entered: ProvisionRef[];
  ended: ProvisionRef[];
  /** Instrument versions that begin on the date: the amendment or commencement behind the change. */
  versions: { instrument: string; title: string; label: string }[];
  /** The provisions whose status changed across the date (see `delta`). */
  delta: DeltaEntry[];
}

/** A period or a change of the on-record reading: the same dates and provisions, the record's verdict. */
export type RecordPeriod = Omit<TimelinePeriod, 'verdict' | 'decisive'> & { verdict: RecordVerdict; decisive: { id: string; citation: string; title: string }[] };
export type RecordChange = Omit<TimelineChange, 'from' | 'to'> & { from: RecordVerdict; to: RecordVerdict };

export interface Timeline {
  jurisdiction: string;
  /** The open reading (every completion of the unknown facts). */
  periods: TimelinePeriod[];
  changes: TimelineChange[];
  /** The reading on the record (a defence counts only when its facts are stated), period by period. */
  record: { periods: RecordPeriod[]; changes: RecordChange[] };
}

export interface DeltaEntry {
  id: string;
  citation: string;
  title: string;
  before: string;
  after: string;
}

export interface Delta {
  before: Verdict;
  after: Verdict;
  /** The on-record verdicts of the two readings. */
  record: { before: RecordVerdict; after: RecordVerdict };
  changed: DeltaEntry[];
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const ref = (p: Provision): ProvisionRef => ({ id: p.id, citation: p.citation, title: p.title, instrument: p.instrument, role: p.kind === 'exception' ? 'exception' : p.kind === 'obligation' ? 'obligation' : p.kind === 'scope' ? 'scope' : 'prohibition', status: p.kind });

/** The status of every provision in force under a reading, with the verdict. */
function reading(cc: CompiledCorpus, code: string, asOf: string, mode: Mode, a: unknown[]) {
  const plan = planFor(cc, code, asOf, mode);
  const cell = evaluateCell(cc, plan, a, { detail: 'decisive' });
  return { cell, record: readOnRecord(cc, plan, a, {}, cell.state), words: statuses(plan, a, true) };
}

type Words = ReturnType<typeof statuses>;

/** The provisions whose status differs between two readings' status words. */
function changedStatuses(x: Words, y: Words): DeltaEntry[] {
  const changed: DeltaEntry[] = [];
  for (const id of new Set([...x.keys(), ...y.keys()])) {
    const p = (y.get(id) ?? x.get(id))!.p;
    const b = x.get(id)?.status ?? 'not in force';
    const c = y.get(id)?.status ?? 'not in force';
    // A provision that is neither in force nor engaged on either side says nothing.
    if (b === c || (b === 'not in force' && c === 'not engaged') || (b === 'not engaged' && c === 'not in force')) continue;
    changed.push({ id, citation: p.citation, title: p.title, before: b, after: c });
  }
  return changed;
}

/**
 * What changed between two readings of one cell: the same jurisdiction on two
 * dates, or two assignments (a what-if). Provisions not in force on one side read
 * "not in force".
 */
export function delta(cc: CompiledCorpus, code: string, mode: Mode, before: { asOf: string; assignment: unknown[] }, after: { asOf: string; assignment: unknown[] }): Delta {
  const x = reading(cc, code, before.asOf, mode, before.assignment);
  const y = reading(cc, code, after.asOf, mode, after.assignment);
  return { before: x.cell.verdict, after: y.cell.verdict, record: { before: x.record.verdict, after: y.record.verdict }, changed: changedStatuses(x.words, y.words) };
}

/** One date on which either reading of a timeline changes: the change of each (where there is one), and what began and changed. */
export interface DatedChange {
  date: string;
  record?: RecordChange;
  open?: TimelineChange;
  versions: TimelineChange['versions'];
  delta: DeltaEntry[];
}

/** The changes of both readings of a timeline, by date: one entry per date, for the reports to word. */
export function changesByDate(t: Timeline): DatedChange[] {
  const dates = [...new Set([...t.record.changes, ...t.changes].map((c) => c.date))].sort();
  return dates.map((date) => {
    const record = t.record.changes.find((c) => c.date === date);
    const open = t.changes.find((c) => c.date === date);
    const { versions, delta } = (record ?? open)!;
    return { date, record, open, versions, delta };
  });
}

/**
 * The verdict of one cell over time: one period per stretch in which no provision of
 * the jurisdiction enters or leaves force, merged where the verdict stays the same.
 */
export function timeline(cc: CompiledCorpus, code: string, mode: Mode, a: unknown[]): Timeline {
  const chain = cc.chains.get(code) ?? [code];
  const mine = cc.provisions.filter((cp) => chain.includes(cp.p.jurisdiction)).map((cp) => cp.p);
  const dates = new Set<string>();
  for (const p of mine) {
    dates.add(p.inForce.from);
    if (p.inForce.to) dates.add(addDays(p.inForce.to, 1));
  }
  const sorted = [...dates].sort();
  // The day before anything is in force opens the timeline (not covered, by construction).
  const starts = sorted.length ? [addDays(sorted[0], -1), ...sorted] : [];
  const readings = starts.map((from) => {
    const plan = planFor(cc, code, from, mode);
    const cell = evaluateCell(cc, plan, a, { detail: 'decisive' });
    return { from, plan, cell, record: readOnRecord(cc, plan, a, {}, cell.state) };
  });
  // What began and what changed on a reading's first day, once for both readings (status words only where a reading changes).
  const words = new Map<number, Words>();
  const wordsAt = (i: number) => {
    let w = words.get(i);
    if (!w) words.set(i, (w = statuses(readings[i].plan, a, true)));
    return w;
  };
  const dated = new Map<number, Pick<TimelineChange, 'entered' | 'ended' | 'versions' | 'delta'>>();
  const dateAt = (i: number) => {
    let d = dated.get(i);
    if (!d) {
      const from = readings[i].from;
      d = {
        entered: mine.filter((p) => p.inForce.from === from).map(ref),
        ended: mine.filter((p) => p.inForce.to !== undefined && addDays(p.inForce.to, 1) === from).map(ref),
        versions: [...cc.corpus.instruments.values()]
          .filter((inst) => chain.includes(inst.jurisdiction))
          .flatMap((inst) => inst.versions.filter((x) => x.from === from).map((x) => ({ instrument: inst.id, title: inst.title, label: x.label }))),
        delta: changedStatuses(wordsAt(i - 1), wordsAt(i)),
      };
      dated.set(i, d);
    }
    return d;
  };
  // One walk serves both readings: a period ends where its reading's verdict changes.
  const walk = <V extends string, D>(verdictOf: (r: (typeof readings)[number]) => V, decisiveOf: (r: (typeof readings)[number]) => D) => {
    const periods: { from?: string; to?: string; verdict: V; decisive: D }[] = [];
    const changes: (Omit<TimelineChange, 'from' | 'to'> & { from: V; to: V })[] = [];
    readings.forEach((r, i) => {
      const last = periods[periods.length - 1];
      const v = verdictOf(r);
      if (last && last.verdict === v) return;
      if (last) {
        last.to = addDays(r.from, -1);
        changes.push({ date: r.from, from: last.verdict, to: v, ...dateAt(i) });
      }
      periods.push({ ...(i === 0 ? {} : { from: r.from }), verdict: v, decisive: decisiveOf(r) });
    });
    return { periods, changes };
  };
  const open = walk((r) => r.cell.verdict, (r) => r.cell.decisive);
  return { jurisdiction: code, periods: open.periods, changes: open.changes, record: walk((r) => r.record.verdict, (r) => r.record.decisive) };
}

/**
 * The cell page's view model: one cell of a scenario's matrix with both readings,
 * the checklist of what the law asks, what would change it, the reasoning part by
 * part and its timeline. Every word and choice the page shows is made here; the
 * template (views/cell.ejs) only lays it out.
 */
import { RECORD_VERDICT, STANDING_WORD, VERDICT, type VerdictLook } from '../engine/report.ts';
import type { CellResult, ChecklistItem, ConditionPart, Corpus, Explanation, Flow, Jurisdiction, Provision, Scenario, Standing, Verdict } from '../engine/index.ts';
import { changesByDate, type Timeline } from '../engine/timeline.ts';
import type { ViewOptions } from './params.ts';
import { cellUrl, describeValue, kindLabel, pageUrl, plural, separated, type ScenarioRef } from './model.ts';
import type { Alternative, WhatIf } from './cell-changes.ts';

/** A provision as the page links it. */
interface Cited {
  id: string;
  citation: string;
  title: string;
}

/** A verdict with its look, as a box or chip shows it. */
type Shown<V extends string> = { verdict: V } & VerdictLook;

export interface RecordModel extends Shown<NonNullable<CellResult['record']>['verdict']> {
  /** The record's reading in a sentence: a lead, the provisions it rests on (each with the separator before it), a tail. */
  reading: { lead: string; cites: (Cited & { sep: string })[]; tail: string };
  /** The open reading set against the record's: what could still move it. */
  open: string;
  missing: (Cited & { what: string; questions: string })[];
  presumptions: { open: boolean; summary: string; items: (Cited & { note: string; answers: string })[] };
}

const MISSING_PART = {
  element: 'an element of the prohibition',
  engagement: 'whether the duty is engaged',
  performance: 'whether the duty was performed',
  scope: 'a requirement of scope',
} as const;

/** The on-record reading of a cell as its page shows it. */
export function recordModel(corpus: Corpus, cell: CellResult, jurisdiction: Jurisdiction): RecordModel {
  const r = cell.record!;
  const look = RECORD_VERDICT[r.verdict];
  const shown = r.presumptions.map((p) => p.citation);
  const open =
    cell.verdict !== 'conditional' ? `${VERDICT[cell.verdict].name} whatever the unknown facts are.`
    : r.verdict === 'undetermined' ? 'Unknown facts decide it: see what the law asks, below.'
    : shown.length === 1 ? `Could change only if ${shown[0]}, presumed above, were shown.`
    : `Could change only if one of the ${shown.length} defences presumed above were shown.`;
  const cites = separated(r.decisive.map((d) => ({ id: d.id, citation: d.citation, title: d.title })));
  const reading =
    r.verdict === 'forbidden' ? { lead: `${look.name} by `, cites, tail: ', and no defence is established.' }
    : r.verdict === 'allowed' && cites.length ? { lead: `${look.name}: `, cites, tail: ` ${cites.length === 1 ? 'lifts' : 'lift'} what would forbid it.` }
    : r.verdict === 'not-covered' ? { lead: `${look.name}: no encoded instrument of ${jurisdiction.name} applies to this flow (this is not "allowed").`, cites: [], tail: '' }
    : { lead: `${look.headline}.`, cites: [], tail: '' };
  const presumedAs = r.presumptions.every((p) => p.reading === 'not-established') ? 'not established' : 'as the law presumes';
  const n = r.presumptions.length;
  return {
    verdict: r.verdict,
    ...look,
    reading,
    open,
    missing: r.missing.map((m) => ({ id: m.id, citation: m.citation, title: m.title, what: MISSING_PART[m.part], questions: m.facts.map((k) => corpus.vocabulary.byKey.get(k)?.question ?? k).join(' ') })),
    presumptions: {
      open: n <= 3,
      summary: `Presumed ${presumedAs} (the party relying on it has not shown it): ${n} ${plural(n, 'defence')}`,
      items: r.presumptions.map((p) => ({ id: p.id, citation: p.citation, title: p.title, note: p.reading === 'holds' ? ` (presumed to hold: ${p.basis})` : '', answers: p.answers.join('; ') })),
    },
  };
}

/** Where the record stands on one part of a rule, as a labelled chip. */
interface StandingChip {
  /** Text before the chip ("Elements: ", "; performed: "). */
  label: string;
  standing: Standing;
  word: string;
}

export interface ChecklistModel extends Cited {
  /** The word for what it does here ("forbids", "may forbid", "duty breached"). */
  verb: string;
  mark: string;
  tone: 'forbidden' | 'undetermined' | 'allowed';
  standings: StandingChip[];
  /** The questions that would settle its elements (and performance). */
  asks: string[];
  unlessHeading: string;
  unless: (Cited & { standing: Standing; word: string; asks: string[] })[];
}

const CHECK_MARK = { forbids: '✖', breached: '✖', open: '?', lifted: '✔', met: '✔' } as const;

const chip = (label: string, standing: Standing): StandingChip => ({ label, standing, word: STANDING_WORD[standing] });

/** The checklist's rules, each with the words and tone its line is shown with. */
export function checklistModel(items: ChecklistItem[]): ChecklistModel[] {
  return items.map((item) => {
    const prohibition = item.kind === 'prohibition';
    return {
      id: item.id,
      citation: item.citation,
      title: item.title,
      verb: prohibition
        ? { forbids: 'forbids', lifted: 'lifted', open: 'may forbid', breached: 'forbids', met: 'lifted' }[item.outcome]
        : { breached: 'duty breached', met: 'duty met', lifted: 'duty lifted', open: 'duty open', forbids: 'duty breached' }[item.outcome],
      mark: CHECK_MARK[item.outcome],
      tone: item.outcome === 'forbids' || item.outcome === 'breached' ? 'forbidden' : item.outcome === 'open' ? 'undetermined' : 'allowed',
      standings: prohibition ? [chip('Elements: ', item.elements)] : [chip('Engaged: ', item.elements), chip('; performed: ', item.performed!)],
      asks: item.elementFacts.concat(item.performanceFacts ?? []).map((f) => f.question),
      unlessHeading: prohibition ? 'Unless one of:' : 'Unless exempt by one of:',
      unless: item.unless.map((d) => ({ id: d.id, citation: d.citation, title: d.title, standing: d.standing, word: STANDING_WORD[d.standing], asks: d.facts.map((f) => f.question) })),
    };
  });
}

type Combinations = Omit<Alternative, 'word' | 'icon'> & Shown<Verdict> & { moreText: string };

const combinations = (a: Alternative): Combinations => ({ ...a, ...VERDICT[a.verdict], moreText: a.more ? `… and ${a.more} more ${plural(a.more, 'combination')}.` : '' });

/** "What would change this" below the checklist: the outcome map, or per fact the values that lead elsewhere. */
function changesModel(changes: WhatIf, cell: CellResult, jurisdiction: Jurisdiction, checklist: ChecklistModel[]) {
  return {
    /** Open when there is no checklist above it to read first. */
    open: checklist.length === 0,
    outcomes: changes.outcomes.map(combinations),
    changes: changes.changes.map((c) => ({ ...c, alternatives: c.alternatives.map(combinations) })),
    none: `No single fact of this flow that the deciding provisions read would move the verdict${cell.verdict === 'not-covered' ? `; for a verdict here an encoded instrument of ${jurisdiction.name} would have to apply` : ''}.`,
    steady: changes.steady.length ? `Also read, but no change of it alone moves the verdict: ${changes.steady.map((s) => `${s.label} (now: ${s.current})`).join('; ')}.` : '',
  };
}

/** A condition as the partial draws it, with the label that names it for screen readers. */
const condition = (part: ConditionPart, label: string) => ({ part, label });

/** The reasoning, part by part: instruments and their scope, prohibitions, obligations. */
function reasoningModel(e: Explanation, jurisdiction: Jurisdiction, asOf: string) {
  const exception = (x: Explanation['prohibitions'][number]['exceptions'][number]) => ({ ...x.provision, holds: x.holds, condition: condition(x.condition, `${x.provision.citation} condition`) });
  return {
    none: e.instruments.length ? '' : `No encoded instrument of ${jurisdiction.name} is in force on ${asOf}.`,
    notInForce: (e.notInForce ?? []).map((d) => `${d.title}: not in force on ${asOf} (in force ${d.to ? `${d.from} to ${d.to}` : `from ${d.from}`}).`),
    instruments: e.instruments.map((inst) => ({
      title: inst.title,
      applies: inst.applies,
      inherited: inst.jurisdiction !== jurisdiction.code ? `Inherited from ${inst.jurisdiction}.` : '',
      exceptionsOnly: !inst.regulates,
      scope: inst.scope.map((sc) => ({
        ...sc.provision,
        effect: sc.effect === 'requires' ? 'applies only if' : 'does not apply if',
        setAside: sc.setAside,
        condition: condition(sc.condition, `${sc.provision.citation} condition`),
      })),
    })),
    prohibitions: e.prohibitions.map((p) => ({
      ...p.provision,
      status: p.status,
      condition: condition(p.condition, `${p.provision.citation} condition`),
      exceptions: p.exceptions.map(exception),
      exceptionsOpen: p.status !== 'not-engaged',
    })),
    obligations: e.obligations.map((o) => ({
      ...o.provision,
      status: o.status,
      engaged: condition(o.engaged, `${o.provision.citation} engaged when`),
      met: condition(o.met, `${o.provision.citation} met when`),
      exceptions: (o.exceptions ?? []).map(exception),
      exceptionsOpen: o.status === 'lifted',
    })),
  };
}

/** The verdict across time, on the record and in the open reading: periods, and what changed on each date. */
function historyModel(t: Timeline) {
  const when = (p: { from?: string; to?: string }) => (p.from ? `from ${p.from}${p.to ? ` to ${p.to}` : ' on'}` : `until ${p.to}, before anything encoded was in force`);
  return {
    record: t.record.periods.map((p) => ({ verdict: p.verdict, ...RECORD_VERDICT[p.verdict], when: when(p) })),
    periods: t.periods.map((p) => ({ verdict: p.verdict, ...VERDICT[p.verdict], when: when(p) })),
    changes: changesByDate(t).map((c) => {
      const { date, record: r, open: o } = c;
      const rec = r && `${RECORD_VERDICT[r.from].word} → ${RECORD_VERDICT[r.to].word}`;
      const opn = o && `${VERDICT[o.from].word} → ${VERDICT[o.to].word}`;
      const moves = rec === opn ? `${rec} (both readings)` : [rec && `on the record ${rec}`, opn && `open reading ${opn}`].filter(Boolean).join('; ');
      return {
        summary: `${date}: ${moves}${c.versions.length ? ` (${c.versions.map((x) => `${x.title}: ${x.label}`).join('; ')})` : ''}`,
        delta: c.delta.slice(0, 12),
        more: c.delta.length > 12 ? `and ${c.delta.length - 12} more` : '',
      };
    }),
  };
}

export interface CellPageInput {
  corpus: Corpus;
  ref: ScenarioRef;
  view: ViewOptions;
  flow: Flow;
  jurisdiction: Jurisdiction;
  cell: CellResult;
  /** The flow's facts as the engine read them, by key. */
  facts: Record<string, unknown>;
  changes: WhatIf;
  history: Timeline;
  /** The version of a provision in force on the view's date. */
  provisionAt: (id: string) => Provision | undefined;
  repairHref: string;
}

/** Everything the cell page shows. */
export function cellModel(input: CellPageInput) {
  const { corpus, ref, view: v, flow, jurisdiction, cell } = input;
  const s: Scenario = ref.scenario;
  const code = jurisdiction.code;
  const record = recordModel(corpus, cell, jurisdiction);
  const checklist = checklistModel(cell.checklist ?? []);
  const conditional = cell.verdict === 'conditional';
  const decisiveHeading = `${conditional ? 'Provisions that may decide it' : 'Decided by'} (open reading)`;
  const backUrl = pageUrl(ref, v, '', v.datedExplicitly);
  return {
    title: `${VERDICT[cell.verdict].word}: ${flow.label} (${jurisdiction.name})`,
    scenarioTitle: s.title,
    flowLabel: flow.label,
    jurisdiction: { code, name: jurisdiction.name },
    record,
    /** Said under the record's box: the date, the territory reading, and whether the search ran out. */
    meta: `As of ${v.asOf}; territory read as ${v.mode}${v.mode === 'transplant' ? ` (as if the flow happened inside ${jurisdiction.name})` : ''}.${cell.complete ? '' : ' The search for a settled answer ran out of budget, so this cell may be more settled than it says.'}`,
    open: { verdict: cell.verdict, ...VERDICT[cell.verdict] },
    decisiveHeading,
    checklist,
    changes: changesModel(input.changes, cell, jurisdiction, checklist),
    depends: cell.dependsOn.map((key) => {
      const f = corpus.vocabulary.byKey.get(key);
      const value = describeValue(f, input.facts[key]);
      return { label: f?.label ?? key, question: f?.question ?? '', value, css: value === 'unknown' ? 'unknown' : '' };
    }),
    decisive: {
      none: cell.decisive.length ? '' : `No provision decides this cell${cell.verdict === 'allowed' ? ': no prohibition of an applicable instrument is engaged' : ''}.`,
      items: cell.decisive.map((d) => ({ ref: d, role: kindLabel(d.role), provision: input.provisionAt(d.id) })),
    },
    obligations: cell.obligations.map((o) => ({ ...o, note: o.status === 'open' ? ', the facts do not say whether it was met' : '' })),
    remedies: {
      heading: `Remedies and penalties ${conditional ? 'if it turns out forbidden' : 'that follow'}`,
      items: (cell.remedies ?? []).map((r) => ({ ...r, note: r.status === 'possible' ? ': if the unknown facts allow it' : '' })),
    },
    reasoning: reasoningModel(cell.explanation!, jurisdiction, v.asOf),
    history: historyModel(input.history),
    backUrl,
    permalink: cellUrl(ref, v, flow.id, code),
    repairHref: input.repairHref,
    others: s.flows.filter((f) => f.id !== flow.id).map((f) => ({ label: f.label, href: cellUrl(ref, v, f.id, code) })),
  };
}

export type CellModel = ReturnType<typeof cellModel>;

/**
 * The scenario builder's form, generated from the vocabulary, and the way a
 * submitted form changes a scenario. The form edits one flow at a time and shows
 * the values the engine would read for it (shared facts included); a value that
 * differs from the shared one is written to the flow, and "unknown" over a shared
 * value is written as null (explicitly unknown). Legal-order facts are edited per
 * jurisdiction.
 */
import type { Corpus, FactDef, Flow, Scenario } from '../engine/index.ts';
import { flattenFacts, isOpenSet } from '../engine/index.ts';
import { HttpError } from './errors.ts';
import { shown } from '../corpus/facts.ts';
import { isIsoDate } from '../dates.ts';
import { plural } from './model.ts';

export function blankScenario(): Scenario {
  return {
    id: 'my-scenario',
    title: 'Untitled scenario',
    summary: 'Describe what happens in your own words.',
    sources: [],
    parties: [],
    facts: {},
    flows: [{ id: 'flow-1', label: 'First flow', facts: {} }],
  };
}

export interface FieldOption {
  value: string;
  label: string;
  selected: boolean;
}

export interface FieldModel {
  key: string;
  name: string;
  id: string;
  type: FactDef['type'];
  label: string;
  question: string;
  help?: string;
  /** Text inputs (number, date). */
  value: string;
  /** Selects (boolean, enum). */
  options: FieldOption[];
  /** Sets: whether the list is stated, and which members are in it. */
  known: boolean;
  members: FieldOption[];
  /** Sets stated in part: the rest is unknown, and these members are known to be out. */
  open: boolean;
  nonMembers: FieldOption[];
  /** Where the shown value comes from. */
  from: 'flow' | 'shared' | 'none';
  /** Whether the value shown is the one every flow shares. */
  shared: boolean;
  /** The control that states it: a set's fieldset, a select, a number or a date input. */
  widget: 'set' | 'select' | 'number' | 'date';
  /** Sets: the three states of the list (unknown, exactly as ticked, ticked ones in and others unknown), one checked. */
  states: { value: 'unknown' | 'known' | 'open'; label: string; checked: boolean }[];
  /** Sets: whether the known non-members are shown unfolded (some are ticked). */
  nonMembersOpen: boolean;
  /** What the help line adds after the label ("Leave empty for unknown." for a text input). */
  helpNote: string;
  /** For a question that settles cells of the matrix: how many one answer could settle. */
  settles?: number;
  /** The same in words, beside the question. */
  settlesText?: string;
}

/** The questions that settle the most cells, by fact key (a legal-order fact as key@code), best first. */
export type QuestionRanking = Map<string, number>;

export interface GroupModel {
  id: string;
  label: string;
  help?: string;
  fields: FieldModel[];
}

export interface LawModel {
  code: string;
  name: string;
  stated: boolean;
  /** The heading of its fold: name, code, and whether facts are stated. */
  summary: string;
  fields: FieldModel[];
}

const idOf = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '-');

/** The id of a fact's form field: a flow fact, or a legal-order fact of one jurisdiction. */
export function fieldId(fact: string, jurisdiction?: string): string {
  return idOf(jurisdiction ? `j:${jurisdiction}:${fact}` : `f:${fact}`);
}

function field(fact: FactDef, name: string, value: unknown, from: FieldModel['from']): FieldModel {
  const known = value !== undefined && value !== null;
  const base: FieldModel = {
    key: fact.key,
    name,
    id: idOf(name),
    type: fact.type,
    label: fact.label,
    question: fact.question,
    help: fact.help,
    value: '',
    options: [],
    known,
    members: [],
    open: false,
    nonMembers: [],
    from: known ? from : 'none',
    shared: known && from === 'shared',
    widget: fact.type === 'set' ? 'set' : fact.type === 'boolean' || fact.type === 'enum' ? 'select' : fact.type === 'number' ? 'number' : 'date',
    states: [],
    nonMembersOpen: false,
    helpNote: fact.type === 'number' || fact.type === 'date' ? ' Leave empty for unknown.' : '',
  };
  switch (fact.type) {
    case 'boolean':
      base.options = [
        { value: '', label: 'unknown', selected: !known },
        { value: 'true', label: 'yes', selected: value === true },
        { value: 'false', label: 'no', selected: value === false },
      ];
      break;
    case 'enum':
      base.options = [{ value: '', label: 'unknown', selected: !known }, ...(fact.values ?? []).map((v) => ({ value: v.value, label: v.label, selected: value === v.value }))];
      break;
    case 'set': {
      const open = isOpenSet(value) ? value : undefined;
      const inSet = (m: string) => (open ? (open.includes ?? []).includes(m) : Array.isArray(value) && value.includes(m));
      base.open = open !== undefined;
      base.members = (fact.values ?? []).map((v) => ({ value: v.value, label: v.label, selected: inSet(v.value) }));
      base.nonMembers = (fact.values ?? []).map((v) => ({ value: v.value, label: v.label, selected: (open?.excludes ?? []).includes(v.value) }));
      base.nonMembersOpen = base.nonMembers.some((m) => m.selected);
      base.states = [
        { value: 'unknown', label: 'unknown', checked: !known },
        { value: 'known', label: 'exactly as ticked below', checked: known && !base.open },
        { value: 'open', label: 'ticked ones in, others unknown', checked: base.open },
      ];
      break;
    }
    default:
      base.value = known ? String(value) : '';
  }
  return base;
}

/** The form for one flow: flow facts by group, then legal-order facts per jurisdiction. */
/** Fields in the order of the ranking (the questions that settle the most cells first), the rest as the vocabulary has them. */
function ranked(fields: FieldModel[], ranking: QuestionRanking, key: (f: FieldModel) => string): FieldModel[] {
  const order = [...ranking.keys()];
  for (const f of fields) {
    if (!ranking.has(key(f))) continue;
    f.settles = ranking.get(key(f))!;
    f.settlesText = `asked first: could settle ${f.settles} ${plural(f.settles, 'cell')}`;
  }
  const rank = (f: FieldModel) => (ranking.has(key(f)) ? order.indexOf(key(f)) : order.length);
  return fields.map((f, i) => ({ f, i })).sort((x, y) => rank(x.f) - rank(y.f) || x.i - y.i).map((x) => x.f);
}

export function formModel(corpus: Corpus, scenario: Scenario, flow: Flow, codes: string[], ranking: QuestionRanking = new Map()): { groups: GroupModel[]; law: LawModel[] } {
  const shared = flattenFacts(scenario.facts);
  const own = flattenFacts(flow.facts);
  const groups: GroupModel[] = [];
  for (const g of corpus.vocabulary.groups) {
    const facts = corpus.vocabulary.facts.filter((f) => f.group === g.id && f.scope === 'flow');
    if (!facts.length) continue;
    groups.push({
      id: g.id,
      label: g.label,
      help: g.help,
      fields: ranked(facts.map((f) => (f.key in own ? field(f, `f:${f.key}`, own[f.key], 'flow') : field(f, `f:${f.key}`, shared[f.key], 'shared'))), ranking, (x) => x.key),
    });
  }
  const lawFacts = corpus.vocabulary.facts.filter((f) => f.scope === 'jurisdiction');
  const law = codes.map((code) => {
    const sharedJ = flattenFacts(scenario.jurisdictionFacts?.[code]);
    const ownJ = flattenFacts(flow.jurisdictionFacts?.[code]);
    const fields = ranked(lawFacts.map((f) => (f.key in ownJ ? field(f, `j:${code}:${f.key}`, ownJ[f.key], 'flow') : field(f, `j:${code}:${f.key}`, sharedJ[f.key], 'shared'))), ranking, (x) => `${x.key}@${code}`);
    const stated = fields.some((x) => x.known);
    return { code, name: corpus.jurisdictions.get(code)?.name ?? code, stated, summary: `${corpus.jurisdictions.get(code)?.name ?? code} (${code})${stated ? ': some facts stated' : ''}`, fields };
  });
  return { groups, law };
}

type Body = Record<string, unknown>;

const one = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '');
const many = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : []);

/** The value a form field states for a fact (undefined = unknown). */
function readField(fact: FactDef, body: Body, name: string): unknown {
  const raw = one(body[name]).trim();
  switch (fact.type) {
    case 'boolean':
      if (raw === '') return undefined;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      break;
    case 'enum':
      if (raw === '') return undefined;
      if ((fact.values ?? []).some((v) => v.value === raw)) return raw;
      break;
    case 'number': {
      if (raw === '') return undefined;
      const n = Number(raw);
      if (Number.isFinite(n)) return n;
      break;
    }
    case 'date':
      if (raw === '') return undefined;
      if (isIsoDate(raw)) return raw;
      break;
    case 'set': {
      const members = many(body[name]);
      const domain = new Set((fact.values ?? []).map((v) => v.value));
      const bad = members.find((m) => !domain.has(m));
      if (bad !== undefined) throw new HttpError(422, 'invalid_value', `${fact.key}: ${shown(bad)} is not one of its values`, fact.key);
      const key = name.slice(2);
      const choice = one(body[`k:${key}`]);
      const inOrder = (list: string[]) => (fact.values ?? []).map((v) => v.value).filter((v) => list.includes(v));
      if (choice === 'open') {
        const out = many(body[`n:${key}`]);
        const badOut = out.find((m) => !domain.has(m));
        if (badOut !== undefined) throw new HttpError(422, 'invalid_value', `${fact.key}: ${shown(badOut)} is not one of its values`, fact.key);
        const both = members.find((m) => out.includes(m));
        if (both !== undefined) throw new HttpError(422, 'invalid_value', `${fact.key}: ${shown(both)} is ticked as both in and out`, fact.key);
        if (!members.length && !out.length) return undefined;
        const partial: Record<string, string[]> = {};
        if (members.length) partial.includes = inOrder(members);
        if (out.length) partial.excludes = inOrder(out);
        return partial;
      }
      const stated = choice === '' ? members.length > 0 : choice === 'known';
      return stated ? inOrder(members) : undefined;
    }
  }
  throw new HttpError(422, 'invalid_value', `${fact.key}: ${shown(raw)} is not a valid ${fact.type === 'enum' ? 'choice' : fact.type}`, fact.key);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function setNested(target: Record<string, unknown>, key: string, value: unknown): void {
  const dot = key.indexOf('.');
  const group = key.slice(0, dot);
  const name = key.slice(dot + 1);
  const inner = { ...((target[group] as Record<string, unknown>) ?? {}) };
  if (value === undefined) delete inner[name];
  else inner[name] = value;
  if (Object.keys(inner).length) target[group] = inner;
  else delete target[group];
}

/** Writes `want` for a fact into a flow's own facts, relative to the shared value. */
function write(own: Record<string, unknown>, key: string, want: unknown, shared: unknown): void {
  if (same(want, shared)) setNested(own, key, undefined);
  else setNested(own, key, want === undefined ? null : want);
}

const text = (v: unknown, fallback: string, max: number) => {
  const s = one(v).trim();
  return (s === '' ? fallback : s).slice(0, max);
};

/** A new scenario from the submitted form; the edited flow and action decide which flow is shown next. */
export function applyForm(corpus: Corpus, scenario: Scenario, body: Body): { scenario: Scenario; flow: string } {
  const next = structuredClone(scenario);
  const flowId = one(body.flow);
  const flow = next.flows.find((f) => f.id === flowId) ?? next.flows[0];
  next.title = text(body.title, next.title, 300);
  next.summary = text(body.summary, next.summary, 4000);
  flow.label = text(body.flowLabel, flow.label, 300);

  const shared = flattenFacts(next.facts);
  const own: Record<string, unknown> = structuredClone(flow.facts ?? {});
  for (const fact of corpus.vocabulary.facts) {
    if (fact.scope !== 'flow') continue;
    const name = `f:${fact.key}`;
    if (!(name in body) && !(fact.type === 'set' && (`k:${fact.key}` in body || `n:${fact.key}` in body))) continue;
    write(own, fact.key, readField(fact, body, name), shared[fact.key]);
  }
  flow.facts = own;

  const codes = many(body.jcodes).flatMap((c) => c.split(',')).filter((c) => corpus.jurisdictions.has(c));
  for (const code of codes) {
    const sharedJ = flattenFacts(next.jurisdictionFacts?.[code]);
    const ownJ: Record<string, unknown> = structuredClone(flow.jurisdictionFacts?.[code] ?? {});
    for (const fact of corpus.vocabulary.facts) {
      if (fact.scope !== 'jurisdiction') continue;
      const name = `j:${code}:${fact.key}`;
      if (!(name in body)) continue;
      write(ownJ, fact.key, readField(fact, body, name), sharedJ[fact.key]);
    }
    flow.jurisdictionFacts ??= {};
    if (Object.keys(ownJ).length) flow.jurisdictionFacts[code] = ownJ;
    else delete flow.jurisdictionFacts[code];
  }
  if (flow.jurisdictionFacts && !Object.keys(flow.jurisdictionFacts).length) delete flow.jurisdictionFacts;

  let show = flow.id;
  const action = one(body.action);
  if (action === 'add-flow') {
    let n = next.flows.length + 1;
    while (next.flows.some((f) => f.id === `flow-${n}`)) n++;
    next.flows.push({ id: `flow-${n}`, label: `Flow ${n}`, facts: {} });
    show = `flow-${n}`;
  } else if (action === 'remove-flow' && next.flows.length > 1) {
    next.flows = next.flows.filter((f) => f.id !== flow.id);
    show = next.flows[0].id;
  } else if (action.startsWith('goto:') && next.flows.some((f) => f.id === action.slice(5))) {
    show = action.slice(5);
  }
  return { scenario: next, flow: show };
}

/**
 * On the record: the reading a court or regulator gives a flow. The open reading
 * (cell.ts) asks what every completion of the unknown facts would give; a
 * decision-maker instead holds each party to its burden. The elements of a
 * prohibition, the requirements of an instrument's scope and the engagement and
 * performance of a duty must be established to count; an exception, an exemption
 * from a duty or a scope exclusion counts only when its own facts are established,
 * since the party relying on it has to show it (GDPR art. 5(2) accountability,
 * BIPA's affirmative defences, PIPA's grounds for public institutions). So an
 * unknown defence is presumed not established, and says so, while an unknown
 * element leaves the cell undetermined, and says which element is missing.
 *
 * The reading is the open engine run on a derived plan in which every defence is
 * replaced by "established": a leaf that is true only where Kleene evaluation says
 * its condition holds. A provision's `presumption` overrides that default where the
 * law itself presumes otherwise.
 */
import type { Provision } from './types.ts';
import { type CNode, eval3 } from './kleene.ts';
import { type Assignment } from './assignment.ts';
import type { CompiledCorpus, CompiledProvision } from './compiled.ts';
import { collectAtoms, type Plan, type PlanInstrument } from './plan.ts';
import { CONSTANT } from './fold.ts';
import { type Settled, settledFor } from './settled.ts';
import { type PlanState, stateOf } from './status.ts';
import { evaluateCell } from './cell.ts';
import type { ProvisionRef } from './attribution.ts';

const F = 0, T = 1, U = 2;

/** The on-record verdict: what the record settles, or 'undetermined' where an element is itself unknown. */
export type RecordVerdict = 'forbidden' | 'allowed' | 'not-covered' | 'undetermined';

/** An unknown fact read one way because of who has to establish it. */
export interface Presumption {
  id: string;
  citation: string;
  title: string;
  /** What the provision would do if it were established. */
  role: 'exception' | 'exemption' | 'exclusion' | 'element';
  /** 'not-established' (the default for a defence) or 'holds' (where the provision's own presumption says so). */
  reading: 'not-established' | 'holds';
  /** Citations of the rules it would lift (for an exclusion, the title of the instrument it would take the flow out of). */
  answers: string[];
  /** The unknown facts its condition reads. */
  facts: string[];
  /** For an override: the law that presumes it. */
  basis?: string;
}

/** A fact the record must establish before the cell can be settled. */
export interface MissingElement {
  id: string;
  citation: string;
  title: string;
  role: 'prohibition' | 'obligation' | 'scope';
  /** An element of a prohibition, whether a duty is engaged, whether an engaged duty was performed, or a requirement of scope. */
  part: 'element' | 'engagement' | 'performance' | 'scope';
  facts: string[];
}

export interface RecordReading {
  verdict: RecordVerdict;
  /** The provisions that settle it (for an undetermined cell, those that may). */
  decisive: ProvisionRef[];
  presumptions: Presumption[];
  /** Empty unless the verdict is undetermined. */
  missing: MissingElement[];
  /** False when the search budget ran out (the verdict is then reported as undetermined). */
  complete: boolean;
}

export interface RecordOptions {
  /** Ids of defences to read as established ("if this were shown"), whatever the facts. */
  establish?: ReadonlySet<string>;
}

const ALWAYS = CONSTANT[1];

/**
 * A condition as the record reads it: 'not-established' is true only where the facts
 * settle it true; 'holds' is true unless they settle it false. The leaf reads no atom
 * of its own, so the search never splits on a fact only a defence mentions.
 */
function asRecorded(node: CNode, reading: 'not-established' | 'holds'): CNode {
  return reading === 'holds'
    ? { op: 'leaf', logic: node.logic, atoms: [], vars: [], test: (a) => eval3(node, a) !== F }
    : { op: 'leaf', logic: node.logic, atoms: [], vars: [], test: (a) => eval3(node, a) === T };
}

const ref = (p: Provision) => ({ id: p.id, citation: p.citation, title: p.title });

/** Every defence of a plan: exceptions, exemptions and scope exclusions. */
function defencesOf(plan: Plan): CompiledProvision[] {
  const out: CompiledProvision[] = [];
  for (const pi of plan.instruments) for (const cp of pi.scopes) if (cp.p.scope === 'excludes') out.push(cp);
  for (const r of [...plan.prohibitions, ...plan.obligations]) for (const e of r.exceptions) out.push(e.cp);
  return out;
}

/**
 * The plan the record reads: each defence replaced by its recorded leaf (or by "always"
 * where it is in `shown`), each element with a presumption of its own by its leaf.
 */
function derive(plan: Plan, shown: ReadonlySet<CompiledProvision>): Plan {
  const recorded = (cp: CompiledProvision, reading: 'not-established' | 'holds'): CompiledProvision => ({ ...cp, when: shown.has(cp) ? ALWAYS : asRecorded(cp.when, reading) });
  const element = (cp: CompiledProvision): CompiledProvision => (cp.p.presumption ? recorded(cp, cp.p.presumption.reading) : cp);
  const defence = (cp: CompiledProvision): CompiledProvision => recorded(cp, cp.p.presumption?.reading ?? 'not-established');
  const instruments: PlanInstrument[] = plan.instruments.map((pi) => ({
    ...pi,
    scopes: pi.scopes.map((cp) => (cp.p.scope === 'excludes' ? defence(cp) : element(cp))),
  }));
  const rules = <R extends { cp: CompiledProvision; exceptions: { cp: CompiledProvision; ii: number }[] }>(list: R[]): R[] =>
    list.map((r) => ({ ...r, cp: element(r.cp), exceptions: r.exceptions.map((e) => ({ cp: defence(e.cp), ii: e.ii })) }));
  const prohibitions = rules(plan.prohibitions);
  const obligations = rules(plan.obligations);
  const atoms = new Set<number>();
  for (const pi of instruments) for (const cp of pi.scopes) collectAtoms(cp.when, atoms);
  for (const r of [...prohibitions, ...obligations]) {
    collectAtoms(r.cp.when, atoms);
    if (r.cp.met) collectAtoms(r.cp.met, atoms);
    for (const e of r.exceptions) collectAtoms(e.cp.when, atoms);
  }
  return { ...plan, instruments, prohibitions, obligations, atoms: [...atoms] };
}

const recordPlans = new WeakMap<Plan, Plan>();

/** The record's plan with no defence shown outright: the same for every cell of a plan. */
function recordPlan(plan: Plan): Plan {
  let derived = recordPlans.get(plan);
  if (!derived) recordPlans.set(plan, (derived = derive(plan, new Set())));
  return derived;
}

/**
 * Reads one cell on the record. `open` is the open reading's Kleene state under the
 * same facts (computed if absent).
 */
export function readOnRecord(cc: CompiledCorpus, plan: Plan, a: Assignment, options: RecordOptions = {}, open?: PlanState, settled: Settled = settledFor(cc, a)): RecordReading {
  const s = open ?? stateOf(plan, a);
  const establish = options.establish ?? new Set<string>();
  // A defence the facts establish although Kleene logic cannot see it (or one the caller
  // takes as shown) holds outright; every other defence is read by its recorded leaf.
  const shown = new Set<CompiledProvision>();
  for (const cp of defencesOf(plan)) {
    if (establish.has(cp.p.id) || (cp.p.presumption?.reading !== 'holds' && eval3(cp.when, a) === U && settled.exact(cp.when) === T)) shown.add(cp);
  }
  const derived = shown.size ? derive(plan, shown) : recordPlan(plan);
  // INVARIANT: with nothing presumed the derived plan agrees with the open one on every
  // completion, so the two readings agree (test/property/record.test.ts checks it).
  const cell = evaluateCell(cc, derived, a, { detail: 'decisive' });
  const verdict: RecordVerdict = cell.verdict === 'conditional' ? 'undetermined' : cell.verdict;
  return {
    verdict,
    decisive: cell.decisive,
    presumptions: presumptionsOf(plan, s, settled, establish),
    missing: verdict === 'undetermined' ? missingOf(derived, cell.state!, settled) : [],
    complete: cell.complete,
  };
}

function presumptionsOf(plan: Plan, s: PlanState, settled: Settled, establish: ReadonlySet<string>): Presumption[] {
  const out = new Map<string, Presumption>();
  const note = (cp: CompiledProvision, role: Presumption['role'], answers: string) => {
    if (establish.has(cp.p.id) || settled.exact(cp.when) !== U) return;
    const hit = out.get(cp.p.id);
    if (hit) {
      if (!hit.answers.includes(answers)) hit.answers.push(answers);
      return;
    }
    out.set(cp.p.id, {
      ...ref(cp.p),
      role,
      reading: cp.p.presumption?.reading ?? (role === 'element' ? 'holds' : 'not-established'),
      answers: [answers],
      facts: settled.unknownFacts(cp.when),
      ...(cp.p.presumption ? { basis: cp.p.presumption.basis } : {}),
    });
  };
  plan.instruments.forEach((pi, ii) => {
    if (s.applies[ii] === F) return;
    pi.scopes.forEach((cp, k) => {
      if (s.scopes[ii][k] !== U) return;
      if (cp.p.scope === 'excludes') note(cp, 'exclusion', pi.inst.title);
      else if (cp.p.presumption) note(cp, 'element', pi.inst.title);
    });
  });
  for (const [list, states, role] of [
    [plan.prohibitions, s.prohibitions, 'exception'],
    [plan.obligations, s.obligations, 'exemption'],
  ] as const) {
    list.forEach((rule, k) => {
      const st = states[k];
      if (st.cond === F || st.lifted === T) return;
      if (rule.cp.p.presumption && st.cond === U) note(rule.cp, 'element', rule.cp.p.citation);
      rule.exceptions.forEach((e, i) => st.exceptions[i] === U && note(e.cp, role, rule.cp.p.citation));
    });
  }
  return [...out.values()];
}

function missingOf(plan: Plan, s: PlanState, settled: Settled): MissingElement[] {
  const out: MissingElement[] = [];
  const seen = new Set<string>();
  const add = (p: Provision, role: MissingElement['role'], part: MissingElement['part'], node: CNode | undefined) => {
    const key = `${p.id}|${part}`;
    const facts = settled.unknownFacts(node);
    if (seen.has(key) || facts.length === 0) return;
    seen.add(key);
    out.push({ ...ref(p), role, part, facts });
  };
  const scopeOf = (ii: number) =>
    plan.instruments[ii].scopes.forEach((cp, k) => s.scopes[ii][k] === U && add(cp.p, 'scope', 'scope', cp.when));
  plan.prohibitions.forEach((pr, k) => {
    const st = s.prohibitions[k];
    if (st.fires !== U) return;
    if (s.applies[pr.ii] === U) scopeOf(pr.ii);
    if (st.cond === U) add(pr.cp.p, 'prohibition', 'element', pr.cp.when);
  });
  plan.obligations.forEach((ob, k) => {
    const st = s.obligations[k];
    if (st.breached !== U) return;
    if (s.applies[ob.ii] === U) scopeOf(ob.ii);
    if (st.cond === U) add(ob.cp.p, 'obligation', 'engagement', ob.cp.when);
    else if (st.met === U) add(ob.cp.p, 'obligation', 'performance', ob.cp.met);
  });
  plan.instruments.forEach((pi, ii) => pi.regulates && s.applies[ii] === U && s.forbidden !== T && scopeOf(ii));
  return out;
}

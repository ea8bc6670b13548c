/**
 * The law diff: which kinds of flow one jurisdiction forbids and another allows,
 * or leaves uncovered, on a date, over the whole vocabulary or within the facts a
 * scenario fixes. Asked of the solver rule by rule ("this prohibition of A fires
 * and B allows"), so each divergence comes with its reason; every witness is
 * minimal and re-checked by the engine, and the provisions on both sides are
 * aligned by topic. Also the set questions: does A forbid all that B forbids, and
 * do two laws forbid the same flows on one topic.
 */
import type { CompiledCorpus } from '../compiled.ts';
import type { ProvisionRef } from '../attribution.ts';
import { statuses } from '../statuswords.ts';
import type { Provision, Verdict } from '../types.ts';
import { pand, pnot, por, type Prop } from './prop.ts';
import { type Checked, Query, type QueryOptions, type Witness } from './query.ts';
import { conceptOf } from './concepts.ts';
import { BudgetExceeded, type StatedUnit } from './witness.ts';

export type DivergenceKind = 'forbidden-allowed' | 'forbidden-not-covered';

export interface AlignedProvision {
  id: string;
  citation: string;
  title: string;
  /** What it does on the witness: forbids, lifted, breached, met, lifts, exempts. */
  status: string;
}

export interface AlignedTopic {
  topic: string;
  label: string;
  /** Per jurisdiction compared: its provisions on the topic that act on the witness. */
  sides: Record<string, AlignedProvision[]>;
  /** Per jurisdiction where none acts: why ("3 provisions on it, none engaged", "none in force"). */
  notes: Record<string, string>;
}

/** One reason two laws part: the rule(s) that forbid on one side, a minimal witness, and the aligned provisions. */
export interface Divergence {
  kind: DivergenceKind;
  /** The jurisdiction that forbids. */
  forbids: string;
  /** The one that allows, or leaves the flow uncovered. */
  other: string;
  otherVerdict: Exclude<Verdict, 'conditional' | 'forbidden'>;
  /** The forbidding side's rules this witness shows (a prohibition that fires, or an obligation breached). */
  rules: ProvisionRef[];
  witness: Witness;
  /** The other side's provisions that decide its verdict on the witness. */
  otherDecisive: ProvisionRef[];
  aligned: AlignedTopic[];
  reading: string;
}

export interface SetAnswer {
  holds: boolean;
  /** Where it fails: a minimal witness. */
  counterexample?: Witness;
}

/** Divergences with one cause: the same side forbids, the other allows (or leaves uncovered), on one topic. */
export interface Reason {
  kind: DivergenceKind;
  forbids: string;
  other: string;
  /** The concept (concepts.ts) its forbidding rules are about. */
  topic: string;
  label: string;
  /** Indexes into `divergences`. */
  divergences: number[];
}

export interface DiffResult {
  a: string;
  b: string;
  asOf: string;
  mode: 'transplant' | 'actual';
  /** Whether a scenario's facts were fixed. */
  given: boolean;
  divergences: Divergence[];
  /** The divergences grouped into a handful of reasons. */
  reasons: Reason[];
  /** Does A forbid everything B forbids, and B everything A forbids. */
  aCoversB: SetAnswer;
  bCoversA: SetAnswer;
  /** Solver queries spent. */
  queries: number;
  /** Witnesses the engine did not confirm (always 0 unless the encoding is wrong; they are left out). */
  rejected: number;
  /** False when the work budget ran out before every question was asked. */
  complete: boolean;
}

/** A rule of a plan that can forbid: a prohibition that fires or an obligation breached. */
interface Forbidder {
  p: Provision;
  role: 'prohibition' | 'obligation';
  prop: Prop;
  exceptions: number;
}

function forbidders(q: Query, code: string, topic?: string): Forbidder[] {
  const pe = q.plan(code);
  const out: Forbidder[] = [];
  pe.plan.prohibitions.forEach((pr, k) => out.push({ p: pr.cp.p, role: 'prohibition', prop: pe.fires[k], exceptions: pr.exceptions.length }));
  pe.plan.obligations.forEach((ob, k) => out.push({ p: ob.cp.p, role: 'obligation', prop: pe.breached[k], exceptions: ob.exceptions.length }));
  return topic === undefined ? out : out.filter((f) => f.p.topics.includes(topic));
}

const refOf = (p: Provision, role: ProvisionRef['role'], status: string): ProvisionRef => ({ id: p.id, citation: p.citation, title: p.title, instrument: p.instrument, role, status });

const ACTIVE = (status: string) => status !== 'not engaged';
const MAX_ALIGNED = 6;
/** Witnesses sought for one rule before a divergence the engine does not confirm is left out. */
const WITNESS_TRIES = 3;

function align(q: Query, codes: string[], topics: string[], checked: Record<string, Checked>): AlignedTopic[] {
  const labels = new Map(q.cc.corpus.topics.map((t) => [t.id, t.label]));
  const byCode = new Map(codes.map((code) => [code, statuses(checked[code].plan, checked[code].assignment)] as const));
  return topics.map((topic) => {
    const sides: AlignedTopic['sides'] = {};
    const notes: AlignedTopic['notes'] = {};
    for (const code of codes) {
      const all = [...byCode.get(code)!.values()].filter((x) => x.p.topics.includes(topic));
      const active = all.filter((x) => ACTIVE(x.status));
      sides[code] = active.slice(0, MAX_ALIGNED).map((x) => ({ id: x.p.id, citation: x.p.citation, title: x.p.title, status: x.status }));
      if (!active.length) notes[code] = all.length ? `${all.length} provision${all.length === 1 ? '' : 's'} on it, none engaged` : 'no provision on it decides here';
    }
    return { topic, label: labels.get(topic) ?? topic, sides, notes };
  });
}

function nameOf(q: Query, code: string): string {
  return q.cc.corpus.jurisdictions.get(code)?.name ?? code;
}

function reading(q: Query, d: Omit<Divergence, 'reading' | 'aligned'>): string {
  const rule = d.rules[0];
  const f = q.cc.byId.get(rule.id)?.[0]?.p;
  const excepts = forbidders(q, d.forbids).find((x) => x.p.id === rule.id)?.exceptions ?? 0;
  const head = `${nameOf(q, d.forbids)} forbids it under ${rule.citation}${rule.role === 'obligation' ? ' (a duty not met)' : ''}${excepts ? ', and no exception to it applies' : ''}`;
  if (d.kind === 'forbidden-not-covered') {
    const scopes = d.otherDecisive.filter((r) => r.role === 'scope').map((r) => r.citation);
    return `${head}; no instrument of ${nameOf(q, d.other)} applies${scopes.length ? ` (${scopes.slice(0, 3).join('; ')})` : ''}.`;
  }
  const lifts = d.otherDecisive.filter((r) => r.role === 'exception');
  if (lifts.length) return `${head}; ${nameOf(q, d.other)} allows it: ${lifts.slice(0, 3).map((r) => `${r.citation} ${r.status.replace(/^lifts /, 'lifts ')}`).join('; ')}.`;
  const topics = (f?.topics ?? []).filter((t) => t !== 'remedies-penalties' && t !== 'scope');
  const labels = new Map(q.cc.corpus.topics.map((t) => [t.id, t.label.toLowerCase()]));
  return `${head}; ${nameOf(q, d.other)} allows it: none of its rules${topics.length ? ` on ${topics.map((t) => labels.get(t) ?? t).join(', ')}` : ''} forbids it.`;
}

function sameFacts(x: Witness, y: Witness): boolean {
  const key = (w: Witness) => w.facts.map((f) => `${f.fact}@${f.side}=${JSON.stringify(f.value)}`).sort().join('&');
  return key(x) === key(y);
}

export interface DiffOptions extends QueryOptions {
  /** Leave out the set questions (implication both ways). */
  skipSetQuestions?: boolean;
}

/**
 * Where two jurisdictions' laws part on a date: for every rule of each that can
 * forbid, whether some flow makes it forbid there while the other allows the flow
 * or leaves it uncovered, with a minimal witness the engine confirms.
 */
export function diffLaws(cc: CompiledCorpus, a: string, b: string, options: DiffOptions): DiffResult {
  const q = new Query(cc, [a, b], options);
  const divergences: Divergence[] = [];
  const stated = new Map<Divergence, StatedUnit[]>();
  let rejected = 0;
  let complete = true;
  const result = (): DiffResult => ({
    a, b, asOf: options.asOf, mode: q.mode, given: options.given !== undefined,
    divergences, reasons: reasonsOf(q, divergences), aCoversB, bCoversA, queries: q.budget.used, rejected, complete,
  });
  let aCoversB: SetAnswer = { holds: false };
  let bCoversA: SetAnswer = { holds: false };
  try {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const other = q.plan(y);
      for (const kind of ['forbidden-allowed', 'forbidden-not-covered'] as const) {
        const otherProp = kind === 'forbidden-allowed' ? other.allowed : other.notCovered;
        const otherVerdict = kind === 'forbidden-allowed' ? 'allowed' : 'not-covered';
        for (const f of forbidders(q, x)) {
          const goal = pand([f.prop, otherProp]);
          // A witness already found that shows this rule too: one reason, not two.
          const shown = divergences.find((d) => d.kind === kind && d.forbids === x && q.finder.settles(goal, stated.get(d)!));
          if (shown) {
            shown.rules.push(refOf(f.p, f.role, f.role === 'prohibition' ? 'forbids' : 'breached'));
            continue;
          }
          // INVARIANT: nothing is shown that the engine does not confirm.
          const confirmed = (w: Witness) => w.verdicts[x] === 'forbidden' && w.verdicts[y] === otherVerdict && w.decisive[x].some((r) => r.id === f.p.id);
          let found = q.witness(goal);
          // The engine names as deciding only what Kleene evaluation settles, where the solver may see a
          // rule fire in every completion: another witness (none agreeing with those refused) may show it plainly.
          const refused: StatedUnit[][] = [];
          while (found && !confirmed(found.witness) && refused.length < WITNESS_TRIES - 1) {
            refused.push(found.stated);
            found = q.witness(goal, refused);
          }
          if (!found) continue;
          const w = found.witness;
          const rule = refOf(f.p, f.role, f.role === 'prohibition' ? 'forbids' : 'breached');
          if (!confirmed(w)) {
            rejected++;
            continue;
          }
          const twin = divergences.find((d) => d.kind === kind && d.forbids === x && sameFacts(d.witness, w));
          if (twin) {
            twin.rules.push(rule);
            continue;
          }
          const base = { kind, forbids: x, other: y, otherVerdict, rules: [rule], witness: w, otherDecisive: w.decisive[y] } as const;
          const topics = new Set(f.p.topics);
          for (const r of w.decisive[y]) for (const t of q.cc.byId.get(r.id)?.[0]?.p.topics ?? []) topics.add(t);
          topics.delete('remedies-penalties');
          const d: Divergence = { ...base, rules: [rule], aligned: align(q, [a, b], [...topics].slice(0, 4), found.checked), reading: '' };
          d.reading = reading(q, d);
          divergences.push(d);
          stated.set(d, found.stated);
        }
      }
    }
    if (!options.skipSetQuestions) {
      aCoversB = covers(q, a, b);
      bCoversA = covers(q, b, a);
    }
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    complete = false;
  }
  divergences.sort((x, y) => (x.forbids === a ? 0 : 1) - (y.forbids === a ? 0 : 1) || x.kind.localeCompare(y.kind) || x.witness.facts.length - y.witness.facts.length);
  return result();
}

function reasonsOf(q: Query, divergences: Divergence[]): Reason[] {
  const out: Reason[] = [];
  divergences.forEach((d, i) => {
    const concept = conceptOf(q.cc.byId.get(d.rules[0].id)?.[0]?.p.topics ?? []);
    let r = out.find((x) => x.kind === d.kind && x.forbids === d.forbids && x.topic === concept.id);
    if (!r) {
      const verb = d.kind === 'forbidden-allowed' ? 'allows' : 'does not cover';
      r = { kind: d.kind, forbids: d.forbids, other: d.other, topic: concept.id, label: `${d.forbids} forbids, ${d.other} ${verb}: ${concept.label}`, divergences: [] };
      out.push(r);
    }
    r.divergences.push(i);
  });
  return out;
}

function covers(q: Query, x: string, y: string): SetAnswer {
  const found = q.witness(pand([q.plan(y).forbidden, pnot(q.plan(x).forbidden)]));
  return found ? { holds: false, counterexample: found.witness } : { holds: true };
}

/**
 * Does jurisdiction `x` forbid every flow that `y` forbids, on a date (within a
 * scenario's facts, if given)? When not, a minimal flow that `y` forbids and `x` does not.
 */
export function forbidsAllThat(cc: CompiledCorpus, x: string, y: string, options: QueryOptions): SetAnswer {
  return covers(new Query(cc, [x, y], options), x, y);
}

export interface TopicEquivalence {
  topic: string;
  equivalent: boolean;
  /** A flow whose rules on the topic forbid it in the first jurisdiction and not in the second, and the reverse. */
  onlyA?: Witness;
  onlyB?: Witness;
}

/**
 * Whether two jurisdictions' rules on a topic (their prohibitions and duties tagged
 * with it, with all their exceptions and scope rules) forbid exactly the same flows.
 */
export function equivalentOn(cc: CompiledCorpus, a: string, b: string, topic: string, options: QueryOptions): TopicEquivalence {
  const q = new Query(cc, [a, b], options);
  const forbiddenOn = (code: string) => por(forbidders(q, code, topic).map((f) => f.prop));
  const fa = forbiddenOn(a);
  const fb = forbiddenOn(b);
  const onlyA = q.witness(pand([fa, pnot(fb)]))?.witness;
  const onlyB = q.witness(pand([fb, pnot(fa)]))?.witness;
  return { topic, equivalent: !onlyA && !onlyB, onlyA, onlyB };
}

/**
 * The rule lint: named passes over the loaded corpus, each problem naming the
 * provision and the JSON pointer into its file.
 *   operators   - only the operators the engine compiles; set facts only via "in";
 *                 a yes/no fact only as {"var": x} or {"!": {"var": x}}
 *   facts       - every variable declared; every compared value inside its fact's domain
 *   fields      - citation, source, in-force date, kind-specific fields, known topics
 *   ids         - no duplicate id with overlapping dates; exceptions lift existing prohibitions
 *   order       - entries of an instrument file in the instrument's own order (pinpoints.ts)
 *   examples    - one example that fires and one that does not; every example reproduced
 */
import { lineage } from '../engine/lineage.ts';
import type { Corpus, FactDef, Provision } from '../engine/types.ts';
import { argsOf, COMPARISONS, CONNECTIVES, operatorOf, varName } from '../engine/logic.ts';
import { compileCorpus } from '../engine/compiled.ts';
import { FIRING, runExample } from '../engine/examples.ts';
import { checkValue } from './facts.ts';
import { comparePinpoints } from './pinpoints.ts';
import type { Problem } from './errors.ts';
import { didYouMean } from './suggest.ts';

function at(p: Provision, sub = ''): Pick<Problem, 'file' | 'path'> {
  return { file: p.origin.file, path: `${p.origin.pointer}${sub}` };
}

// One spelling each for a yes/no fact's truth and falsity, so that rules read alike and one
// search finds every test of a fact. Other spellings mean the same for a boolean fact.
const EQUALITIES = new Set(['==', '===', '!=', '!==']);
const yes = (name: string) => JSON.stringify({ var: name });
const no = (name: string) => JSON.stringify({ '!': { var: name } });

function logicProblems(p: Provision, field: 'when' | 'met', logic: unknown, corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  const vocab = corpus.vocabulary;
  const keys = [...vocab.byKey.keys()];
  const report = (message: string): void => {
    problems.push({ ...at(p, `/${field}`), message: `${p.id}: ${message}` });
  };
  const literal = (node: unknown) => operatorOf(node) === undefined;
  const checkLiteral = (fact: FactDef, value: unknown, op: string) => {
    const values = Array.isArray(value) && (op === 'in' || fact.type === 'set') ? value : [value];
    for (const v of values) {
      const bad = fact.type === 'set' ? checkValue({ ...fact, type: 'enum' }, v) : checkValue(fact, v);
      if (bad) report(`${fact.key} compared with a value outside its domain: ${bad}`);
    }
  };
  const visit = (node: unknown, boolPosition: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((n) => visit(n, false));
      return;
    }
    const op = operatorOf(node);
    if (op === undefined) {
      if (node !== null && typeof node === 'object') report(`not a JSON-logic operation: ${JSON.stringify(node)}`);
      return;
    }
    const args = argsOf(node);
    if (op === 'var') {
      const name = varName(node);
      if (name === undefined || args.length !== 1) return report(`"var" must name one fact, without a default: ${JSON.stringify(node)}`);
      const fact = vocab.byKey.get(name);
      if (!fact) return report(`undeclared variable ${name}${didYouMean(name, keys)}`);
      if (fact.type === 'set') return report(`set fact ${name} may only be tested as {"in": ["value", {"var": "${name}"}]}`);
      if (boolPosition && fact.type !== 'boolean') report(`${name} is a ${fact.type}; compare it with a value rather than testing its truth`);
      return;
    }
    if (op === '!!' && args.length === 1 && vocab.byKey.get(varName(args[0]) ?? '')?.type === 'boolean') {
      const name = varName(args[0])!;
      return report(`test a yes/no fact as ${yes(name)}, not ${JSON.stringify(node)}`);
    }
    if (CONNECTIVES.has(op)) {
      if (!boolPosition) report(`"${op}" inside a comparison; connectives may only combine conditions`);
      if ((op === 'and' || op === 'or') && args.length === 0) report(`"${op}" needs at least one condition`);
      args.forEach((a) => visit(a, true));
      return;
    }
    if (!COMPARISONS.has(op)) return report(`operator "${op}" is not allowed in rules (allowed: ${[...CONNECTIVES, ...COMPARISONS, 'var'].join(', ')})`);
    const names = args.map(varName);
    const facts = names.map((n) => (n === undefined ? undefined : vocab.byKey.get(n)));
    const yesNo = facts.findIndex((f) => f?.type === 'boolean');
    if (EQUALITIES.has(op) && args.length === 2 && yesNo >= 0 && typeof args[1 - yesNo] === 'boolean') {
      return report(`test a yes/no fact as ${yes(names[yesNo]!)} (true) or ${no(names[yesNo]!)} (false), not ${JSON.stringify(node)}`);
    }
    if (op === 'in' && names[1] !== undefined && facts[1]?.type === 'set') {
      if (!literal(args[0]) || Array.isArray(args[0])) report(`test a set fact against one literal value: ${JSON.stringify(node)}`);
      else checkLiteral(facts[1], args[0], op);
      return;
    }
    args.forEach((a, i) => {
      if (names[i] !== undefined) {
        const fact = facts[i];
        if (!fact) report(`undeclared variable ${names[i]}${didYouMean(names[i]!, keys)}`);
        else if (fact.type === 'set') report(`set fact ${fact.key} may only be tested as {"in": ["value", {"var": "${fact.key}"}]}`);
      } else if (!literal(a)) {
        report(`compare facts with literal values only: ${JSON.stringify(a)}`);
      }
    });
    if (names.every((n) => n === undefined)) report(`comparison reads no fact: ${JSON.stringify(node)}`);
    for (let i = 0; i < args.length; i++) {
      const fact = facts[i];
      if (!fact) continue;
      args.forEach((other, j) => j !== i && names[j] === undefined && checkLiteral(fact, other, op));
    }
  };
  visit(logic, true);
  return problems;
}


function overlaps(a: Provision, b: Provision): boolean {
  const aTo = a.inForce.to ?? '9999-12-31';
  const bTo = b.inForce.to ?? '9999-12-31';
  return a.inForce.from <= bTo && b.inForce.from <= aTo;
}

export function lintCorpus(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  const topics = new Set(corpus.topics.map((t) => t.id));
  const byId = new Map<string, Provision[]>();
  for (const p of corpus.provisions) {
    if (!byId.has(p.id)) byId.set(p.id, []);
    byId.get(p.id)!.push(p);
  }

  for (const p of corpus.provisions) {
    const report = (sub: string, message: string) => problems.push({ ...at(p, sub), message: `${p.id}: ${message}` });
    if (!p.citation.trim()) report('/citation', 'missing citation');
    if (!p.source.trim()) report('/source', 'missing source');
    if (!p.inForce.from) report('/inForce', 'missing in-force date');
    if (p.inForce.to && p.inForce.to < p.inForce.from) report('/inForce', 'in force "to" is before "from"');
    if (!p.id.startsWith(`${p.instrument}.`)) report('/id', `id must start with its instrument id "${p.instrument}."`);
    p.topics.forEach((t, i) => topics.has(t) || report(`/topics/${i}`, `unknown topic ${t}${didYouMean(t, topics)}`));
    if (p.kind === 'scope' && (!p.scope || !p.aspect)) report('', 'a scope provision needs "scope" (requires|excludes) and "aspect"');
    if (p.kind !== 'scope' && (p.scope || p.aspect)) report('', '"scope" and "aspect" belong to scope provisions only');
    if (p.kind === 'obligation' && p.met === undefined) report('', 'an obligation needs "met": when the duty is fulfilled');
    if (p.kind === 'remedy' && !p.topics.includes('remedies-penalties')) report('/topics', 'a remedy carries the topic remedies-penalties');
    if (p.kind !== 'obligation' && p.met !== undefined) report('/met', '"met" belongs to obligations only');
    if (p.kind === 'exception' && !p.lifts?.length) report('', 'an exception needs "lifts": the prohibitions or obligations it lifts');
    if (p.sanctions !== undefined && p.kind !== 'remedy') report('/sanctions', '"sanctions" belongs to remedies only');
    for (const [i, target] of (p.sanctions ?? []).entries()) {
      const found = byId.get(target);
      if (!found) report(`/sanctions/${i}`, `sanctions ${target}, which does not exist${didYouMean(target, byId.keys())}`);
      else if (!found.some((t) => t.kind === 'prohibition' || t.kind === 'obligation')) report(`/sanctions/${i}`, `sanctions ${target}, which is a ${found[0].kind}, not a prohibition or an obligation`);
    }
    if (p.limits !== undefined) {
      const target = corpus.instruments.get(p.limits);
      const chain = lineage(corpus.jurisdictions, p.jurisdiction);
      if (p.kind !== 'scope') report('/limits', '"limits" belongs to scope provisions only');
      else if (!target) report('/limits', `limits ${p.limits}, which is not an instrument${didYouMean(p.limits, corpus.instruments.keys())}`);
      else if (!chain.includes(target.jurisdiction)) report('/limits', `limits ${p.limits} of ${target.jurisdiction}, which ${p.jurisdiction} neither is nor inherits`);
    }
    if (p.kind !== 'exception' && p.lifts) report('/lifts', '"lifts" belongs to exceptions only');
    if (p.presumption) {
      // The on-record default follows the burden of proof; only the law itself may shift it.
      if (p.kind === 'remedy') report('/presumption', 'a remedy decides nothing on the record, so it takes no presumption');
      if ((p.presumption.basis ?? '').trim().length < 20) report('/presumption/basis', 'a presumption override needs a basis: the provision of law that presumes it, and what it presumes');
    }
    for (const [i, target] of (p.lifts ?? []).entries()) {
      const found = byId.get(target);
      if (!found) report(`/lifts/${i}`, `lifts ${target}, which does not exist${didYouMean(target, byId.keys())}`);
      else if (!found.some((t) => t.kind === 'prohibition' || t.kind === 'obligation')) report(`/lifts/${i}`, `lifts ${target}, which is a ${found[0].kind}, not a prohibition or an obligation`);
    }
    problems.push(...logicProblems(p, 'when', p.when, corpus));
    if (p.met !== undefined) problems.push(...logicProblems(p, 'met', p.met, corpus));
  }
  for (const [id, versions] of byId) {
    for (let i = 0; i < versions.length; i++) {
      for (let j = i + 1; j < versions.length; j++) {
        if (overlaps(versions[i], versions[j])) {
          problems.push({ ...at(versions[j], '/id'), message: `duplicate id ${id}: in force at the same time as ${versions[i].origin.file}#${versions[i].origin.pointer}` });
        }
      }
    }
  }
  problems.push(...orderProblems(corpus));
  // Examples still run for every provision whose own logic is sound, so one unfinished
  // provision does not hide the others' failing examples.
  const broken = new Set(problems.filter((p) => /\/(when|met)$/.test(p.path)).map((p) => `${p.file}#${p.path.replace(/\/(when|met)$/, '')}`));
  return [...problems, ...exampleProblems(corpus, broken)];
}

/**
 * Each file lists its provisions in the instrument's order, so that a reader finds a pinpoint
 * where the statute has it. Every version of a provision sits where its first version does.
 */
function orderProblems(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  // By instrument, so that the order also runs across the parts of a split instrument.
  const byInstrument = new Map<string, Provision[]>();
  for (const p of corpus.provisions) {
    if (!byInstrument.has(p.instrument)) byInstrument.set(p.instrument, []);
    byInstrument.get(p.instrument)!.push(p);
  }
  for (const entries of byInstrument.values()) {
    if (corpus.instruments.get(entries[0].instrument)?.unordered) continue;
    const first = new Map<string, string>();
    let prev: { p: Provision; citation: string } | undefined;
    for (const p of entries) {
      if (!first.has(p.id)) first.set(p.id, p.citation);
      const citation = first.get(p.id)!;
      if (prev && comparePinpoints(prev.citation, citation) > 0) {
        problems.push({ ...at(p, '/citation'), message: `${p.id} (${citation}) comes before ${prev.p.id} (${prev.citation}) in the instrument, so it goes above it in the file (or give the instrument "unordered" with the reason)` });
      }
      prev = { p, citation };
    }
  }
  return problems;
}

/** Runs every provision's examples through the engine; one that fires and one that does not are required. */
export function exampleProblems(corpus: Corpus, skip: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  const sound = skip.size ? { ...corpus, provisions: corpus.provisions.filter((p) => !skip.has(`${p.origin.file}#${p.origin.pointer}`)) } : corpus;
  const cc = compileCorpus(sound);
  for (const cp of cc.provisions) {
    const p = cp.p;
    let fires = false;
    let rests = false;
    p.examples.forEach((ex, k) => {
      const got = runExample(cc, cp, ex.facts, ex.asOf);
      if (got !== ex.expect) {
        problems.push({ ...at(p, `/examples/${k}`), message: `${p.id}: example "${ex.name}" expects ${ex.expect}, the engine gives ${got}` });
      }
      if (FIRING.has(ex.expect)) fires = true;
      else if (ex.expect !== 'unknown') rests = true;
    });
    if (!fires) problems.push({ ...at(p, '/examples'), message: `${p.id}: needs an example where it fires (${describeFiring(p)})` });
    // A remedy open to anyone its instrument covers ("when": true) cannot fail to fire.
    const alwaysAvailable = p.kind === 'remedy' && p.when === true;
    if (!rests && !alwaysAvailable) problems.push({ ...at(p, '/examples'), message: `${p.id}: needs an example where it does not fire` });
  }
  return problems;
}

function describeFiring(p: Provision): string {
  return { scope: 'out-of-scope', prohibition: 'forbids', exception: 'lifts', obligation: 'breached', remedy: 'available' }[p.kind];
}

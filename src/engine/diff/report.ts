/** A law diff as text for the terminal and as Markdown for briefings (JSON is the result itself). */
import type { Corpus } from '../types.ts';
import type { DiffResult, Divergence, SetAnswer } from './diff.ts';
import type { Witness } from './query.ts';
import type { FactChange, FlowRepair, RepairTarget } from './repair.ts';

function name(corpus: Corpus, code: string): string {
  return `${corpus.jurisdictions.get(code)?.name ?? code} (${code})`;
}

export function witnessLine(w: Witness): string {
  return w.facts.map((f) => (f.side ? `[${f.side}] ${f.text}` : f.text)).join('; ') || '(no facts beyond those given)';
}

/** How a jurisdiction that does not forbid a witness reads it. */
export function notForbidden(verdict: string): string {
  return verdict === 'conditional' ? 'allowed or not covered, as unstated facts decide' : verdict;
}

function setLine(corpus: Corpus, x: string, y: string, s: SetAnswer): string {
  const q = `Does ${x} forbid everything ${y} forbids?`;
  if (s.holds) return `${q} yes`;
  if (!s.counterexample) return `${q} not answered (the work budget ran out)`;
  return `${q} no: ${y} forbids and ${x} does not (${notForbidden(s.counterexample.verdicts[x])}) when ${witnessLine(s.counterexample)}`;
}

function header(corpus: Corpus, r: DiffResult): string[] {
  return [
    `Law diff: ${name(corpus, r.a)} and ${name(corpus, r.b)}, as of ${r.asOf}, territory read as ${r.mode}${r.given ? ', within the facts of the given flow' : ', over the whole vocabulary'}`,
    `${r.divergences.length} divergence${r.divergences.length === 1 ? '' : 's'} in ${r.reasons.length} reason${r.reasons.length === 1 ? '' : 's'}; ${r.queries} solver queries; every witness re-checked by the engine${r.rejected ? ` (${r.rejected} rejected and left out)` : ''}${r.complete ? '' : '; INCOMPLETE: the work budget ran out'}`,
  ];
}

function divergenceLines(d: Divergence, n: number, indent: string): string[] {
  return [
    `${indent}${n}. ${d.rules.map((r) => r.citation).join(' + ')} (${d.witness.facts.length} fact${d.witness.facts.length === 1 ? '' : 's'})`,
    `${indent}   ${d.reading}`,
    `${indent}   witness: ${witnessLine(d.witness)}`,
  ];
}

export function diffTable(corpus: Corpus, r: DiffResult): string {
  const lines = header(corpus, r);
  let n = 0;
  for (const reason of r.reasons) {
    lines.push('', `${reason.label} (${reason.divergences.length})`);
    for (const i of reason.divergences) lines.push(...divergenceLines(r.divergences[i], ++n, '  '));
  }
  if (!r.divergences.length) lines.push('', 'No divergence: on every flow where one forbids, the other forbids too.');
  lines.push('', setLine(corpus, r.a, r.b, r.aCoversB), setLine(corpus, r.b, r.a, r.bCoversA));
  return lines.join('\n');
}

const md = (s: string) => s.replace(/([\\|*_`[\]<>])/g, '\\$1');

export function diffMarkdown(corpus: Corpus, r: DiffResult): string {
  const [title, sub] = header(corpus, r);
  const lines = [`# ${md(title)}`, '', md(sub)];
  for (const reason of r.reasons) {
    lines.push('', `## ${md(reason.label)}`, '');
    for (const i of reason.divergences) {
      const d = r.divergences[i];
      lines.push(`- **${md(d.rules.map((x) => x.citation).join(' + '))}**: ${md(d.reading)}  `, `  Witness (${d.witness.facts.length} facts): ${md(witnessLine(d.witness))}`);
      for (const t of d.aligned) {
        const side = (code: string) => (t.sides[code].length ? t.sides[code].map((p) => `${p.citation} ${p.status}`).join('; ') : t.notes[code]);
        lines.push(`  - ${md(t.label)}: ${r.a}: ${md(side(r.a))} | ${r.b}: ${md(side(r.b))}`);
      }
    }
  }
  lines.push('', `- ${md(setLine(corpus, r.a, r.b, r.aCoversB))}`, `- ${md(setLine(corpus, r.b, r.a, r.bCoversA))}`);
  return lines.join('\n');
}

/** One change of a repair in words: what it sets, and whether it changes, states or assumes a fact. */
export function changeLine(c: FactChange): string {
  const how = c.assumption ? 'assumed' : c.from === undefined ? 'stated' : 'changed';
  return `${c.side ? `[${c.side}] ` : ''}${c.text} (${how})`;
}

function targetLines(t: RepairTarget, indent: string): string[] {
  const before = t.codes.length === 1 ? t.before[t.codes[0]] : t.codes.map((c) => `${c} ${t.before[c]}`).join(', ');
  // The open reading is what a repair settles (allowed whatever the unknown facts); the record's verdict follows where it differs.
  const differ = t.codes.filter((c) => t.beforeRecord[c] !== t.before[c]);
  const record = differ.length ? ` (on the record: ${t.codes.length === 1 ? t.beforeRecord[differ[0]] : differ.map((c) => `${c} ${t.beforeRecord[c]}`).join(', ')})` : '';
  const lines = [`${indent}${t.codes.length === 1 ? t.codes[0] : `Everywhere (${t.codes.join(', ') || 'none'})`}: now ${before || '-'}${record}${t.note ? `; ${t.note}` : ''}`];
  t.repairs.forEach((r, i) => {
    lines.push(`${indent}  ${i + 1}. ${r.changes.length} change${r.changes.length === 1 ? '' : 's'}: ${r.changes.map(changeLine).join('; ')}`);
    if (r.stopFiring.length) lines.push(`${indent}     no longer forbids (or might): ${r.stopFiring.map((p) => p.citation).join('; ')}`);
    if (r.lifting.length) lines.push(`${indent}     lifted by: ${r.lifting.map((p) => p.citation).join('; ')}`);
  });
  return lines;
}

export function repairTable(scenarioTitle: string, repairs: FlowRepair[], labels: Record<string, string>): string {
  const lines = [`Repairs: ${scenarioTitle}`, `as of ${repairs[0]?.asOf ?? ''}; fewest changes first; facts marked fixed in the vocabulary are never changed (an unknown one may be assumed)`];
  for (const r of repairs) {
    lines.push('', `Flow ${r.flow}: ${labels[r.flow] ?? r.flow}${r.complete ? '' : ' (INCOMPLETE: the work budget ran out)'}`);
    for (const t of r.perJurisdiction) lines.push(...targetLines(t, '  '));
    lines.push(...targetLines(r.everywhere, '  '));
  }
  return lines.join('\n');
}

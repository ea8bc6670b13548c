/** A cell's timeline and an explanation delta as text for the terminal. */
import { VERDICT, mark } from './report.ts';
import type { Delta, Timeline } from './timeline.ts';
import type { Corpus } from './types.ts';

const verdict = (v: keyof typeof VERDICT) => mark(VERDICT[v]);

export function deltaLines(d: Delta['changed'], indent = ''): string[] {
  return d.map((e) => `${indent}${e.citation} (${e.title}): ${e.before} -> ${e.after}`);
}

export function timelineText(corpus: Corpus, t: Timeline, title: string): string {
  const lines = [`Timeline: ${title}, in ${corpus.jurisdictions.get(t.jurisdiction)?.name ?? t.jurisdiction} (${t.jurisdiction})`, ''];
  for (const p of t.periods) lines.push(`  ${(p.from ?? '').padEnd(10)} .. ${(p.to ?? '').padEnd(10)}  ${verdict(p.verdict)}`);
  for (const c of t.changes) {
    lines.push('', `${c.date}: ${VERDICT[c.from].word} -> ${VERDICT[c.to].word}`);
    for (const v of c.versions) lines.push(`  begins: ${v.title}, ${v.label}`);
    lines.push(...deltaLines(c.delta.slice(0, 12), '  '));
    if (c.delta.length > 12) lines.push(`  ... and ${c.delta.length - 12} more`);
  }
  return lines.join('\n');
}

export function deltaText(d: Delta, code: string): string {
  const head = `${code}: ${verdict(d.before)} -> ${verdict(d.after)}`;
  return [head, ...(d.changed.length ? deltaLines(d.changed, '  ') : ['  no provision changed status'])].join('\n');
}

/** A cell's timeline and an explanation delta as text for the terminal. */
import { RECORD_VERDICT, VERDICT, mark } from './report.ts';
import { changesByDate, type Delta, type Timeline } from './timeline.ts';
import type { Corpus } from './types.ts';

const verdict = (v: keyof typeof VERDICT) => mark(VERDICT[v]);

export function deltaLines(d: Delta['changed'], indent = ''): string[] {
  return d.map((e) => `${indent}${e.citation} (${e.title}): ${e.before} -> ${e.after}`);
}

export function timelineText(corpus: Corpus, t: Timeline, title: string): string {
  const lines = [`Timeline: ${title}, in ${corpus.jurisdictions.get(t.jurisdiction)?.name ?? t.jurisdiction} (${t.jurisdiction})`, ''];
  const span = (p: { from?: string; to?: string }) => `  ${(p.from ?? '').padEnd(10)} .. ${(p.to ?? '').padEnd(10)}  `;
  lines.push('On the record (a defence counts only when shown):');
  for (const p of t.record.periods) lines.push(`${span(p)}${mark(RECORD_VERDICT[p.verdict])}`);
  lines.push('', 'Open reading (every completion of the unknown facts):');
  for (const p of t.periods) lines.push(`${span(p)}${verdict(p.verdict)}`);
  for (const c of changesByDate(t)) {
    const { date, record: r, open: o } = c;
    const rec = r && `${RECORD_VERDICT[r.from].word} -> ${RECORD_VERDICT[r.to].word}`;
    const opn = o && `${VERDICT[o.from].word} -> ${VERDICT[o.to].word}`;
    // Where both readings move alike, one line says so.
    lines.push('', `${date}: ${rec === opn ? rec : [rec && `on the record ${rec}`, opn && `open ${opn}`].filter(Boolean).join('; ')}`);
    for (const v of c.versions) lines.push(`  begins: ${v.title}, ${v.label}`);
    lines.push(...deltaLines(c.delta.slice(0, 12), '  '));
    if (c.delta.length > 12) lines.push(`  ... and ${c.delta.length - 12} more`);
  }
  return lines.join('\n');
}

export function deltaText(d: Delta, code: string): string {
  const head = `${code}: on the record ${mark(RECORD_VERDICT[d.record.before])} -> ${mark(RECORD_VERDICT[d.record.after])}; open ${verdict(d.before)} -> ${verdict(d.after)}`;
  return [head, ...(d.changed.length ? deltaLines(d.changed, '  ') : ['  no provision changed status'])].join('\n');
}

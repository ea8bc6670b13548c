/**
 * The matrix as text for people and programs: the JSON contract, a terminal
 * table, Markdown and CSV. Pure functions over an evaluation result, shared by
 * the CLI and the web exports so the two can never disagree.
 */
import type { Corpus, Scenario, Verdict } from './types.ts';
import type { CellResult, EvaluationResult } from './evaluate.ts';
import type { ConditionPart, Explanation, ProvisionInfo } from './explain.ts';
import type { RecordVerdict } from './record.ts';
import type { ChecklistItem, Standing } from './checklist.ts';

/**
 * How a verdict is shown wherever it is shown (terminal tables, Markdown, CSV legends,
 * pages, explanations): one row per verdict, so its word, icon and meaning are
 * spelled once.
 */
export interface VerdictLook {
  /** The word in capitals, as matrix cells and chips show it. */
  word: string;
  /** The word in sentence case, to begin a sentence with. */
  name: string;
  icon: string;
  /** What it means, as the legend of a page says it. */
  help: string;
  /** What a text legend adds in brackets after the word, if anything. */
  note?: string;
  /** The first line of an explanation, or of the record's reading when nothing is cited. */
  headline: string;
  /** The CSS class that colours it. */
  css: string;
}

/** The open reading's verdicts, in the order legends and summaries list them. */
export const VERDICT: Record<Verdict, VerdictLook> = {
  forbidden: { word: 'FORBIDDEN', name: 'Forbidden', icon: '✖', help: 'a prohibition fires or an obligation is breached', headline: 'Forbidden', css: 'v-forbidden' },
  conditional: { word: 'CONDITIONAL', name: 'Conditional', icon: '?', help: 'unknown facts or open obligations decide', note: 'unknown facts decide', headline: 'Conditional: unknown facts or open obligations decide', css: 'v-conditional' },
  allowed: { word: 'ALLOWED', name: 'Allowed', icon: '✔', help: 'no prohibition fires', headline: 'Allowed', css: 'v-allowed' },
  'not-covered': { word: 'NOT COVERED', name: 'Not covered', icon: '∅', help: 'no encoded instrument applies; this is not "allowed"', note: 'no encoded instrument applies; not "allowed"', headline: 'Not covered: no encoded instrument of this jurisdiction applies (this is not "allowed")', css: 'v-not-covered' },
};

/** The on-record reading's verdicts: 'undetermined' where an element of the case is itself unknown. */
export const RECORD_VERDICT: Record<RecordVerdict, VerdictLook> = {
  forbidden: { word: 'FORBIDDEN', name: 'Forbidden', icon: '✖', help: 'on the record a prohibition fires or a duty is breached, and no defence has been shown', headline: 'Forbidden', css: 'v-forbidden' },
  undetermined: { word: 'UNDETERMINED', name: 'Undetermined', icon: '…', help: "an element of a prohibition, a requirement of scope or a duty's performance is itself unknown", note: "on the record: an element of a prohibition, a requirement of scope or a duty's performance is unknown", headline: 'Undetermined: the record does not establish an element the law requires', css: 'v-undetermined' },
  allowed: { word: 'ALLOWED', name: 'Allowed', icon: '✔', help: 'on the record no prohibition fires', headline: 'Allowed: no rule of an applicable instrument forbids it', css: 'v-allowed' },
  'not-covered': { word: 'NOT COVERED', name: 'Not covered', icon: '∅', help: 'no encoded instrument applies; this is not "allowed"', note: 'no encoded instrument applies; not "allowed"', headline: 'Not covered: no encoded instrument of this jurisdiction applies (this is not "allowed")', css: 'v-not-covered' },
};

export const VERDICTS = Object.keys(VERDICT) as Verdict[];
export const RECORD_VERDICTS = Object.keys(RECORD_VERDICT) as RecordVerdict[];

/** "✖ FORBIDDEN": a verdict as a matrix cell shows it. */
export const mark = (look: VerdictLook): string => `${look.icon} ${look.word}`;

/** A text legend's entry: the mark, and its note in brackets. */
const legendEntry = (look: VerdictLook, word = look.word): string => `${look.icon} ${word}${look.note ? ` (${look.note})` : ''}`;

/** How a checklist line marks where the record stands. */
export const STANDING_WORD: Record<Standing, string> = {
  established: 'established',
  'not-established': 'not established',
  unknown: 'unknown',
};

const OUTCOME_MARK: Record<ChecklistItem['outcome'], string> = { forbids: '✖', breached: '✖', open: '?', lifted: '✔', met: '✔' };

/** The record's verdict of a cell with its decisive citations, in one line. */
export function recordLine(cell: CellResult): string {
  const r = cell.record;
  if (!r) return '';
  const cites = [...new Set(r.decisive.map((d) => d.citation))];
  const why =
    r.verdict === 'forbidden' ? `forbidden by ${cites.join('; ')}`
    : r.verdict === 'allowed' ? (cites.length ? `allowed: ${cites.join('; ')} lift what would forbid it` : 'allowed: no rule forbids it')
    : r.verdict === 'not-covered' ? 'not covered: no encoded instrument applies (this is not "allowed")'
    : `undetermined: the record does not establish ${r.missing.map((m) => m.citation).filter((c, i, all) => all.indexOf(c) === i).join('; ')}`;
  return `On the record: ${mark(RECORD_VERDICT[r.verdict])}, ${why}.`;
}

/** The open reading set against the record's, in one line: what could still move it. */
export function openLine(cell: CellResult): string {
  const r = cell.record;
  const open = mark(VERDICT[cell.verdict]);
  if (!r || cell.verdict !== 'conditional' || r.verdict === 'undetermined') return `Open reading (every completion of the unknown facts): ${open}.`;
  const shown = r.presumptions.map((p) => p.citation);
  return `Open reading (every completion of the unknown facts): ${open}; could change only if ${shown.length ? `one of these were shown: ${shown.join('; ')}` : 'unknown facts were established'}.`;
}

function standingText(st: Standing, facts: { key: string; question: string }[], brief: boolean): string {
  if (st !== 'unknown' || facts.length === 0) return STANDING_WORD[st];
  return brief ? `unknown: ${facts.map((f) => f.key).join(', ')}` : `unknown (${facts.map((f) => f.question || f.key).join(' ')})`;
}

/** The checklist as text: one requirement per rule, each defence with where the record stands. */
export function checklistLines(items: ChecklistItem[], brief = false): string[] {
  const out: string[] = [];
  for (const it of items) {
    const head = `${OUTCOME_MARK[it.outcome]} ${it.citation} (${it.title})`;
    const elements = it.kind === 'prohibition' ? `elements ${standingText(it.elements, it.elementFacts, brief)}` : `engaged: ${standingText(it.elements, it.elementFacts, brief)}; performed: ${standingText(it.performed ?? 'unknown', it.performanceFacts ?? [], brief)}`;
    const verb = it.kind === 'prohibition' ? (it.outcome === 'lifted' ? 'lifted' : it.outcome === 'forbids' ? 'forbids' : 'may forbid') : it.outcome === 'open' ? 'duty open' : `duty ${it.outcome}`;
    const unless = it.unless.length ? (it.kind === 'prohibition' ? 'unless one of' : 'unless exempt by one of') : '';
    if (brief) {
      const defences = it.unless.map((d) => `${d.citation} [${standingText(d.standing, d.facts, true)}]`).join('; ');
      out.push(`  ${head}: ${verb}; ${elements}${unless ? `; ${unless}: ${defences}` : ''}`);
      continue;
    }
    out.push(`  ${head}: ${verb}; ${elements}${unless ? `; ${unless}:` : ''}`);
    for (const d of it.unless) out.push(`      - ${d.citation} (${d.title}): ${standingText(d.standing, d.facts, false)}`);
  }
  return out;
}

/** The record's presumptions and missing elements as text. */
export function recordDetailLines(cell: CellResult, brief = false): string[] {
  const r = cell.record;
  if (!r) return [];
  const out: string[] = [];
  if (r.missing.length) {
    out.push('Missing from the record (an element that must be established):');
    for (const m of r.missing) out.push(`  - ${m.citation} (${m.title}), ${m.part}: ${m.facts.join(', ')}`);
  }
  if (r.presumptions.length) {
    const list = brief && r.presumptions.length > 6 ? r.presumptions.slice(0, 6) : r.presumptions;
    out.push('Presumed (the party relying on it has not shown it):');
    for (const p of list) out.push(`  - ${p.reading === 'holds' ? 'holds' : 'not established'}: ${p.title} (${p.citation})${p.basis ? `, as ${p.basis}` : ''}`);
    if (list.length < r.presumptions.length) out.push(`  … and ${r.presumptions.length - list.length} more`);
  }
  return out;
}

/**
 * The stable JSON contract of `lexflow evaluate --format json` and POST /api/evaluate, as a type:
 * one entry per cell in `results`, each with the open verdict's fields and `record` beside them.
 */
export type JsonContract = ReturnType<typeof toJsonContract>;
export type JsonContractCell = JsonContract['results'][number];

/** A provision as an explanation in the contract names it; its details are in the answer's `provisions`. */
export interface ProvisionName {
  id: string;
  citation: string;
  title: string;
}

/**
 * An explanation with each provision named by id, citation and title, its details (summary,
 * source, local citation, readings) noted in `details` once for the whole answer: a provision
 * appears in many cells' explanations, and repeating its details made a third of the answer.
 */
function namedExplanation(e: Explanation, details: Map<string, ProvisionInfo>) {
  const name = (p: ProvisionInfo): ProvisionName => {
    if (!details.has(p.id)) details.set(p.id, p);
    return { id: p.id, citation: p.citation, title: p.title };
  };
  return {
    ...e,
    instruments: e.instruments.map((i) => ({ ...i, scope: i.scope.map((sc) => ({ ...sc, provision: name(sc.provision) })) })),
    prohibitions: e.prohibitions.map((pr) => ({ ...pr, provision: name(pr.provision), exceptions: pr.exceptions.map((x) => ({ ...x, provision: name(x.provision) })) })),
    obligations: e.obligations.map((ob) => ({ ...ob, provision: name(ob.provision), exceptions: ob.exceptions.map((x) => ({ ...x, provision: name(x.provision) })) })),
  };
}

/** The details of the provisions the explanations name, by id in id order (absent when nothing is explained). */
export function provisionDetails(details: Map<string, ProvisionInfo>): { provisions?: Record<string, ProvisionInfo> } {
  if (!details.size) return {};
  return { provisions: Object.fromEntries([...details].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) };
}

/** The stable JSON contract of `lexflow evaluate --format json` and POST /api/evaluate (README, "API"). */
export function toJsonContract(result: EvaluationResult) {
  const details = new Map<string, ProvisionInfo>();
  return {
    scenario: result.scenario,
    asOf: result.asOf,
    mode: result.mode,
    jurisdictions: result.jurisdictions,
    results: result.results.map((r) => ({
      flow: r.flow,
      jurisdiction: r.jurisdiction,
      verdict: r.verdict,
      ...(r.record
        ? {
            record: {
              verdict: r.record.verdict,
              decisive: r.record.decisive.map((d) => ({ id: d.id, citation: d.citation, role: d.role, status: d.status })),
              presumptions: r.record.presumptions,
              missing: r.record.missing,
              complete: r.record.complete,
            },
          }
        : {}),
      ...(r.checklist ? { checklist: r.checklist } : {}),
      decisive: r.decisive.map((d) => ({ id: d.id, citation: d.citation, role: d.role, status: d.status })),
      obligations: r.obligations,
      remedies: r.remedies,
      dependsOn: r.dependsOn,
      outcomes: r.outcomes.map((o) => ({
        verdict: o.verdict,
        more: o.more,
        when: o.when.map((conj) => conj.map((c) => ({ fact: c.fact, text: c.text, test: c.test }))),
        decisive: o.decisive.map((d) => ({ id: d.id, citation: d.citation })),
      })),
      complete: r.complete,
      outcomesComplete: r.outcomesComplete,
      ...(r.explanation ? { explanation: namedExplanation(r.explanation, details) } : {}),
    })),
    ...provisionDetails(details),
  };
}

export function cellOf(result: EvaluationResult, flow: string, jurisdiction: string): CellResult | undefined {
  return result.results.find((r) => r.flow === flow && r.jurisdiction === jurisdiction);
}

/** Short decisive citations for a cell, as shown in matrices. */
export function shortCitations(cell: CellResult, max = 3): string {
  const cites = [...new Set(cell.decisive.map((d) => d.citation))];
  return cites.length > max ? `${cites.slice(0, max).join('; ')} +${cites.length - max}` : cites.join('; ');
}

function pad(text: string, width: number): string {
  const len = [...text].length;
  return len >= width ? text : text + ' '.repeat(width - len);
}

function matrixLines(result: EvaluationResult, scenario: Scenario, word: (c: CellResult) => string): string[] {
  const head = ['flow', ...result.jurisdictions];
  const rows = scenario.flows.map((f) => [f.id, ...result.jurisdictions.map((j) => {
    const c = cellOf(result, f.id, j);
    return c ? word(c) : '';
  })]);
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => [...r[i]].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/**
 * A readable terminal matrix: flows as rows, jurisdictions as columns, a word in each
 * cell; the on-record reading first, then the open reading.
 */
export function toTable(result: EvaluationResult, scenario: Scenario): string {
  const onRecord = result.results.every((c) => c.record);
  const out = [`${scenario.title}`, `as of ${result.asOf}, territory read as ${result.mode}`, ''];
  if (onRecord) {
    out.push('On the record (a defence counts only when shown):', ...matrixLines(result, scenario, (c) => mark(RECORD_VERDICT[c.record!.verdict])), '');
    out.push('Open reading (every completion of the unknown facts):');
  }
  out.push(
    ...matrixLines(result, scenario, (c) => mark(VERDICT[c.verdict])),
    '',
    `Legend: ${VERDICTS.map((v) => legendEntry(VERDICT[v])).join('  ')}`,
  );
  if (onRecord) out.push(`        ${legendEntry(RECORD_VERDICT.undetermined)}`);
  return out.join('\n');
}

const mdEscape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function toMarkdown(result: EvaluationResult, scenario: Scenario): string {
  const lines = [
    `## ${mdEscape(scenario.title)}`,
    '',
    `As of ${result.asOf}; territory read as ${result.mode}.`,
    '',
    `| Flow | ${result.jurisdictions.join(' | ')} |`,
    `|---|${result.jurisdictions.map(() => '---').join('|')}|`,
  ];
  for (const f of scenario.flows) {
    const cells = result.jurisdictions.map((j) => {
      const c = cellOf(result, f.id, j);
      if (!c) return '';
      const cites = shortCitations(c);
      return `${mark(VERDICT[c.verdict])}${cites ? `<br>${mdEscape(cites)}` : ''}`;
    });
    lines.push(`| ${mdEscape(f.label)} | ${cells.join(' | ')} |`);
  }
  lines.push('', VERDICTS.map((v) => legendEntry(VERDICT[v], VERDICT[v].name.toLowerCase())).join(' · '));
  return lines.join('\n');
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(result: EvaluationResult, scenario: Scenario): string {
  const rows = [['scenario', 'as_of', 'mode', 'flow', 'flow_label', 'jurisdiction', 'verdict', 'decisive', 'depends_on']];
  for (const f of scenario.flows) {
    for (const j of result.jurisdictions) {
      const c = cellOf(result, f.id, j);
      if (!c) continue;
      rows.push([scenario.id, result.asOf, result.mode, f.id, f.label, j, c.verdict, c.decisive.map((d) => d.citation).join('; '), c.dependsOn.join('; ')]);
    }
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function partLines(part: ConditionPart, indent: string): string[] {
  const mark = part.value === 'true' ? '[true]   ' : part.value === 'false' ? '[false]  ' : '[unknown]';
  return [`${indent}${mark} ${part.text}`, ...part.children.flatMap((c) => partLines(c, `${indent}    `))];
}

/** One cell's explanation as readable text (lexflow explain). */
export function explanationText(cell: CellResult, e: Explanation, corpus: Corpus, flowLabel: string): string {
  const j = corpus.jurisdictions.get(cell.jurisdiction);
  const out: string[] = [`${flowLabel} — ${j?.name ?? cell.jurisdiction} (${cell.jurisdiction})`, ...briefLines(cell)];
  out.push('', 'The full reasoning (open reading):', `Verdict: ${mark(VERDICT[cell.verdict])}. ${e.headline}.`);
  if (cell.decisive.length) {
    out.push('', 'Decided by:');
    for (const d of cell.decisive) out.push(`  - ${d.citation} (${d.title}): ${d.status}`);
  }
  out.push('', 'Instruments:');
  if (!e.instruments.length) out.push('  (no encoded instrument of this jurisdiction is in force on this date)');
  for (const d of e.notInForce) out.push(`  ${d.title} (${d.id}): not in force on this date (in force ${d.to ? `${d.from} to ${d.to}` : `from ${d.from}`})`);
  for (const inst of e.instruments) {
    out.push(`  ${inst.title} (${inst.id}): applies = ${inst.applies}`);
    for (const s of inst.scope) {
      out.push(`    ${s.provision.citation} [${s.effect}]${s.setAside ? ` — ${s.setAside}` : ''}`);
      out.push(...partLines(s.condition, '      '));
    }
  }
  if (e.prohibitions.length) out.push('', 'Prohibitions:');
  for (const p of e.prohibitions) {
    out.push(`  ${p.provision.citation} ${p.provision.title}: ${p.status}`);
    out.push(...partLines(p.condition, '      '));
    for (const ex of p.exceptions) {
      out.push(`    exception ${ex.provision.citation} (${ex.provision.title}): holds = ${ex.holds}`);
      out.push(...partLines(ex.condition, '        '));
    }
  }
  if (e.obligations.length) out.push('', 'Obligations:');
  for (const o of e.obligations) {
    out.push(`  ${o.provision.citation} ${o.provision.title}: ${o.status}`);
    out.push('    engaged when:', ...partLines(o.engaged, '      '), '    met when:', ...partLines(o.met, '      '));
    for (const ex of o.exceptions) {
      out.push(`    exemption ${ex.provision.citation} (${ex.provision.title}): holds = ${ex.holds}`);
      out.push(...partLines(ex.condition, '        '));
    }
  }
  if (cell.remedies.length) {
    out.push('', cell.verdict === 'forbidden' ? 'Remedies and penalties that follow:' : 'Remedies and penalties if it turns out forbidden:');
    for (const r of cell.remedies) out.push(`  - ${r.citation} (${r.title})${r.status === 'possible' ? ': if unknown facts allow' : ''}`);
  }
  if (cell.verdict === 'conditional') {
    out.push('', 'What would settle it:');
    for (const o of cell.outcomes) {
      out.push(`  ${VERDICT[o.verdict].word} if ${cell.outcomesComplete ? 'any' : 'for example any'} of:`);
      for (const conj of o.when) out.push(`    - ${conj.map((c) => c.text).join(' AND ') || '(always)'}`);
      if (o.more) out.push(`    … and ${o.more} more combinations`);
    }
  }
  if (e.dependsOn.length) {
    out.push('', 'Facts it depends on:');
    for (const d of e.dependsOn) out.push(`  - ${d.key}: ${d.question}`);
  }
  return out.join('\n');
}

/** A cell in brief: both readings, what decides them, and the checklist (lexflow explain --brief). */
export function briefLines(cell: CellResult, brief = false): string[] {
  const out = [recordLine(cell), openLine(cell), ...recordDetailLines(cell, brief)];
  if (cell.checklist?.length) out.push('What the law asks (established / not established / unknown on the record):', ...checklistLines(cell.checklist, brief));
  return out.filter((l) => l !== '');
}

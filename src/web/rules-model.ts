/**
 * The rule browser's view models: the index of jurisdictions, one jurisdiction's
 * instruments, one provision with its versions, and the comparison by topic.
 * Every word and choice these pages show is made here.
 */
import { inForceOn, renderCondition, type Corpus, type Jurisdiction, type Provision } from '../engine/index.ts';
import { VERDICT } from '../engine/report.ts';
import type { CompiledCorpus } from '../engine/compiled.ts';
import type { DecidedCell } from './context.ts';
import { factLines, kindLabel, separated } from './model.ts';

/** What an example expects, in words. */
const EXPECT_WORDS: Record<string, string> = {
  'in-scope': 'the instrument applies',
  'out-of-scope': 'the instrument does not apply',
  forbids: 'forbids the flow',
  lifted: 'engaged but lifted by an exception',
  'not-engaged': 'not engaged',
  lifts: 'lifts the prohibition',
  'does-not-lift': 'does not lift the prohibition',
  met: 'the duty is met',
  breached: 'the duty is breached',
  available: 'the remedy is available',
  unavailable: 'the remedy is not available',
  unknown: 'unknown: the facts given do not settle it',
};

/** What a provision's condition is called, by its kind. */
const CONDITION_HEADING: Record<Provision['kind'], string> = {
  obligation: 'Engaged when',
  exception: 'Lifts when',
  prohibition: 'Forbids when',
  remedy: 'Available when (its instrument applies and)',
  scope: 'Condition',
};

function dates(p: Provision): string {
  return p.inForce.to ? `${p.inForce.from} to ${p.inForce.to}` : `from ${p.inForce.from}`;
}

/** The rule browser's index: every jurisdiction with its instruments and their provision counts. */
export function rulesIndexModel(corpus: Corpus) {
  const count = (instrument: string) => corpus.provisions.filter((p) => p.instrument === instrument).length;
  return {
    total: corpus.provisions.length,
    jurisdictions: [...corpus.jurisdictions.values()].map((j) => ({
      code: j.code,
      name: j.name,
      inherits: j.inherits.length ? j.inherits.join(', ') : '—',
      instruments: j.instruments.map((id) => ({ id, title: corpus.instruments.get(id)!.title, count: count(id) })),
    })),
  };
}

/** One jurisdiction's page: the instruments it encodes (and inherits), each with its versions and provisions. */
export function jurisdictionModel(corpus: Corpus, cc: CompiledCorpus, j: Jurisdiction) {
  const chain = cc.chains.get(j.code) ?? [];
  return {
    code: j.code,
    name: j.name,
    note: j.note,
    inherited: separated(chain.filter((c) => c !== j.code).map((c) => ({ code: c, name: corpus.jurisdictions.get(c)!.name })), ', '),
    instruments: j.instruments.map((id) => {
      const inst = corpus.instruments.get(id)!;
      return {
        id: inst.id,
        title: inst.title,
        citation: inst.citation,
        titleLocal: inst.titleLocal,
        lang: j.code === 'KR' ? 'ko' : '',
        source: inst.source,
        versions: inst.versions.map((v) => ({ text: `${v.label} (from ${v.from}${v.to ? ` to ${v.to}` : ''})` })),
        provisions: corpus.provisions.filter((p) => p.instrument === id).map((p) => ({ id: p.id, citation: p.citation, title: p.title, kind: p.kind, kindLabel: kindLabel(p.kind), dates: dates(p) })),
      };
    }),
  };
}

export interface ProvisionPageInput {
  corpus: Corpus;
  id: string;
  versions: Provision[];
  today: string;
  /** The version of a provision in force today (or its latest). */
  provisionAt: (id: string) => Provision | undefined;
  decided: DecidedCell[];
  scenarioTitle: (id: string) => string;
  flowLabel: (scenario: string, flow: string) => string;
}

/** A provision's page: each version with its condition in words and its examples, and the bundled cells it decides. */
export function provisionModel(input: ProvisionPageInput) {
  const { corpus, versions, today } = input;
  const first = versions[0];
  const several = versions.length > 1;
  const instrument = corpus.instruments.get(first.instrument)!;
  return {
    id: input.id,
    title: `${first.citation}: ${first.title}`,
    jurisdiction: first.jurisdiction,
    instrument: { id: instrument.id, title: instrument.title },
    versionCount: several ? ` · ${versions.length} versions` : '',
    versions: versions.map((p) => {
      const inst = corpus.instruments.get(p.instrument)!;
      return {
        p,
        heading: several ? `Version in force ${dates(p)}` : 'The provision',
        instrument: `${inst.title} (${inst.citation}), ${corpus.jurisdictions.get(p.jurisdiction)!.name}`,
        kindLabel: kindLabel(p.kind),
        scopeNote: p.kind === 'scope' ? `: the instrument ${p.scope === 'excludes' ? 'does not apply if' : 'applies only if'} the condition holds (${p.aspect} scope)` : '',
        inForce: `${dates(p)}${inForceOn(p, today) ? ' (in force today)' : ' (not in force today)'}`,
        topics: p.topics.map((t) => corpus.topics.find((x) => x.id === t)?.label ?? t).join('; '),
        lifts: separated((p.lifts ?? []).map((id) => ({ id, citation: input.provisionAt(id)?.citation ?? id }))),
        liftedBy: separated(corpus.provisions.filter((x) => x.kind === 'exception' && x.lifts?.includes(p.id)).map((x) => ({ id: x.id, citation: x.citation }))),
        conditionHeading: CONDITION_HEADING[p.kind],
        when: renderCondition(p.when, corpus.vocabulary),
        met: p.met === undefined ? undefined : renderCondition(p.met, corpus.vocabulary),
        raw: JSON.stringify(p.met === undefined ? { when: p.when } : { when: p.when, met: p.met }, null, 2),
        examples: p.examples.map((ex) => ({ name: ex.name, asOf: ex.asOf ?? p.inForce.from, expect: EXPECT_WORDS[ex.expect] ?? ex.expect, facts: factLines(corpus, ex.facts) })),
      };
    }),
    today,
    decided: input.decided.map((c) => ({
      ...VERDICT[c.verdict],
      text: `${input.scenarioTitle(c.scenario)}: ${input.flowLabel(c.scenario, c.flow)}, ${c.jurisdiction}`,
      href: `/scenarios/${encodeURIComponent(c.scenario)}/cell/${encodeURIComponent(c.flow)}/${encodeURIComponent(c.jurisdiction)}?asOf=${today}`,
    })),
  };
}

/** The comparison by topic: per topic and chosen jurisdiction, the provisions in force on `asOf` (inherited ones marked). */
export function compareModel(corpus: Corpus, cc: CompiledCorpus, codes: string[], asOf: string) {
  const columns = codes.map((code) => {
    const chain = cc.chains.get(code) ?? [code];
    return { code, name: corpus.jurisdictions.get(code)!.name, live: corpus.provisions.filter((p) => chain.includes(p.jurisdiction) && inForceOn(p, asOf)) };
  });
  return {
    asOf,
    enough: codes.length >= 2,
    choices: [...corpus.jurisdictions.values()].map((j) => ({ code: j.code, name: j.name, checked: codes.includes(j.code) })),
    columns: columns.map((c) => ({ code: c.code, name: c.name, count: c.live.length })),
    rows: corpus.topics.map((t) => ({
      label: t.label,
      cells: columns.map((c) => ({
        code: c.code,
        provisions: c.live
          .filter((p) => p.topics.includes(t.id))
          .map((p) => ({ id: p.id, citation: p.citation, title: p.title, kind: p.kind, kindLabel: kindLabel(p.kind), inherited: p.jurisdiction !== c.code ? p.jurisdiction : undefined })),
      })),
    })),
  };
}

/**
 * Reads rules/ and scenarios/ from disk, validates every file against its schema
 * and the vocabulary, and builds the corpus the engine evaluates. Any problem in
 * any file fails the whole load with every problem listed.
 */
import { lineage } from '../engine/lineage.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Corpus, FactDef, Instrument, Jurisdiction, Provision, Scenario, Topic, Vocabulary } from '../engine/types.ts';
import { LoadError, misnamed, type Finding, type Problem } from './errors.ts';
import { parseJson } from './json.ts';
import { validateAgainst } from './schemas.ts';
import { admit, checkFacts, type ProblemCap } from './facts.ts';
import { didYouMean } from './suggest.ts';
import { expandAmendments, type Entry, type WrittenProvision } from './amendments.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const RULES_DIR = join(ROOT, 'rules');
export const SCENARIOS_DIR = join(ROOT, 'scenarios');

function readJson(path: string, display: string, problems: Problem[]): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    problems.push({ file: display, path: '', message: `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
    return undefined;
  }
  const { value, problem } = parseJson(text, display);
  if (problem) problems.push(problem);
  return value;
}

export function buildVocabulary(raw: { groups: Vocabulary['groups']; facts: FactDef[] }): Vocabulary {
  return { groups: raw.groups, facts: raw.facts, byKey: new Map(raw.facts.map((f) => [f.key, f])) };
}

function vocabularyProblems(v: Vocabulary, file: string): Problem[] {
  const problems: Problem[] = [];
  const groups = new Set(v.groups.map((g) => g.id));
  const seen = new Set<string>();
  v.facts.forEach((f, i) => {
    const path = `/facts/${i}`;
    if (seen.has(f.key)) problems.push({ file, path, message: `duplicate fact ${f.key}` });
    seen.add(f.key);
    if (!groups.has(f.group)) problems.push({ file, path, message: `${f.key}: unknown group ${f.group}${didYouMean(f.group, groups)}` });
    if (!f.key.startsWith(`${f.group}.`)) problems.push({ file, path, message: `${f.key}: key must start with its group "${f.group}."` });
    if ((f.type === 'enum' || f.type === 'set') && !(f.values?.length)) problems.push({ file, path, message: `${f.key}: an ${f.type} needs values` });
    if (f.type !== 'enum' && f.type !== 'set' && f.values) problems.push({ file, path, message: `${f.key}: only enum and set facts have values` });
  });
  return problems;
}

/** Loads and validates the whole rule corpus. Throws LoadError listing every problem. */
export function loadCorpus(rulesDir: string = RULES_DIR): Corpus {
  const problems: Problem[] = [];
  const show = (p: string) => relative(join(rulesDir, '..'), p);

  const vocabFile = join(rulesDir, 'vocabulary.json');
  const rawVocab = readJson(vocabFile, show(vocabFile), problems);
  if (rawVocab !== undefined) problems.push(...validateAgainst(rulesDir, 'vocabulary', rawVocab, show(vocabFile)));
  const indexFile = join(rulesDir, 'jurisdictions.json');
  const rawIndex = readJson(indexFile, show(indexFile), problems);
  if (rawIndex !== undefined) problems.push(...validateAgainst(rulesDir, 'jurisdictions', rawIndex, show(indexFile)));
  // Fragments in rules/vocabulary/ extend the vocabulary (same schema), one file per fact
  // group it extends (basis.json holds basis.* facts), so that a fact is found by its name.
  const fragmentDir = join(rulesDir, 'vocabulary');
  const fragments: { groups: Vocabulary['groups']; facts: FactDef[] }[] = [];
  if (existsSync(fragmentDir)) {
    for (const name of readdirSync(fragmentDir).filter((n) => n.endsWith('.json')).sort()) {
      const file = join(fragmentDir, name);
      const raw = readJson(file, show(file), problems);
      if (raw === undefined) continue;
      const found = validateAgainst(rulesDir, 'vocabulary', raw, show(file));
      const fragment = raw as { groups: Vocabulary['groups']; facts: FactDef[] };
      const group = name.replace(/\.json$/, '');
      if (!found.length) {
        fragment.facts.forEach((f, i) => {
          if (f.group !== group) found.push({ file: show(file), path: `/facts/${i}`, message: `${f.key}: a fact of group ${f.group} belongs in vocabulary/${f.group}.json; this file extends ${group}.* only` });
        });
      }
      problems.push(...found);
      if (!found.length) fragments.push(fragment);
    }
  }
  if (problems.length) throw new LoadError(problems);

  const base = rawVocab as { groups: Vocabulary['groups']; facts: FactDef[] };
  const vocabulary = buildVocabulary({
    groups: [...base.groups, ...fragments.flatMap((f) => f.groups)],
    facts: [...base.facts, ...fragments.flatMap((f) => f.facts)],
  });
  problems.push(...vocabularyProblems(vocabulary, show(vocabFile)));
  const index = rawIndex as { jurisdictions: Omit<Jurisdiction, 'instruments'>[]; topics: Topic[] };
  const jurisdictions = new Map<string, Jurisdiction>();
  for (const j of index.jurisdictions) {
    if (jurisdictions.has(j.code)) problems.push({ file: show(indexFile), path: '/jurisdictions', message: `duplicate jurisdiction ${j.code}` });
    jurisdictions.set(j.code, { ...j, instruments: [] });
  }
  for (const j of jurisdictions.values()) {
    for (const parent of j.inherits) {
      if (!jurisdictions.has(parent)) problems.push({ file: show(indexFile), path: '/jurisdictions', message: `${j.code} inherits unknown jurisdiction ${parent}` });
    }
  }

  const instruments = new Map<string, Instrument>();
  const provisions: Provision[] = [];
  const folders = readdirSync(rulesDir).filter((name) => statSync(join(rulesDir, name)).isDirectory() && name !== 'schemas' && name !== 'vocabulary').sort();
  for (const folder of folders) {
    if (!jurisdictions.has(folder)) {
      problems.push({ file: show(join(rulesDir, folder)), path: '', message: `folder is not a jurisdiction in rules/jurisdictions.json${didYouMean(folder, jurisdictions.keys())}` });
      continue;
    }
    // Read every file of the folder first: a part file is loaded where its instrument lists it.
    const files: { name: string; file: string; data: InstrumentFile }[] = [];
    for (const name of listJson(join(rulesDir, folder))) {
      const path = join(rulesDir, folder, name);
      const file = show(path);
      const raw = readJson(path, file, problems);
      if (raw === undefined) continue;
      const schemaProblems = validateAgainst(rulesDir, 'instrument', raw, file);
      if (schemaProblems.length) problems.push(...schemaProblems);
      else files.push({ name, file, data: raw as InstrumentFile });
    }
    const byName = new Map(files.map((f) => [f.name, f]));
    const listed = new Set<string>();
    for (const { name, file, data } of files) {
      if (data.part !== undefined || !data.instrument) continue;
      const inst: Instrument = { ...data.instrument, file };
      if (inst.jurisdiction !== folder) problems.push({ file, path: '/instrument/jurisdiction', message: `instrument is filed under ${folder} but says ${inst.jurisdiction}` });
      if (instruments.has(inst.id)) problems.push({ file, path: '/instrument/id', message: `duplicate instrument id ${inst.id} (also in ${instruments.get(inst.id)!.file})` });
      instruments.set(inst.id, inst);
      jurisdictions.get(folder)?.instruments.push(inst.id);
      const sources: { file: string; entries: Entry[] }[] = [];
      if (data.provisions) sources.push({ file, entries: data.provisions });
      (data.parts ?? []).forEach((part, i) => {
        const partName = join(dirname(name), part);
        const found = byName.get(partName);
        if (!found?.data.part) problems.push({ file, path: `/parts/${i}`, message: `part ${part} is not a part file (with "part" and "provisions") in ${folder}/` });
        else {
          listed.add(partName);
          sources.push({ file: found.file, entries: found.data.provisions ?? [] });
        }
      });
      for (const source of sources) {
        const expanded = expandAmendments(source.entries, source.file);
        problems.push(...expanded.problems);
        for (const { provision: p, pointer } of expanded.provisions) {
          // The schema holds each kind to its own fields (rules/schemas/instrument.schema.json), so the entry is one of the union's kinds.
          provisions.push({ ...p, instrument: inst.id, jurisdiction: inst.jurisdiction, origin: { file: source.file, pointer } } as Provision);
        }
        // Facts are checked where they are written: an amendment's inherited examples were checked above it.
        source.entries.forEach((entry, i) => {
          (entry.examples as WrittenProvision['examples'] | undefined)?.forEach((ex, k) =>
            problems.push(...checkFacts(ex.facts, vocabulary, { file: source.file, at: `/provisions/${i}/examples/${k}/facts`, allow: 'any' })),
          );
        });
      }
    }
    for (const { name, file, data } of files) {
      if (data.part !== undefined && !listed.has(name)) problems.push({ file, path: '/part', message: `part file that no instrument of ${folder}/ lists in its "parts"` });
    }
  }
  if (problems.length) throw new LoadError(problems);
  return { vocabulary, topics: index.topics, jurisdictions, instruments, provisions };
}

/** A rule file: an instrument with its provisions or the parts that hold them, or one part. */
interface InstrumentFile {
  instrument?: Omit<Instrument, 'file'>;
  provisions?: Entry[];
  parts?: string[];
  part?: string;
}

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listJson(path).map((n) => join(name, n)));
    else if (name.endsWith('.json')) out.push(name);
  }
  return out;
}

/**
 * Validates a scenario (from a file, the API or the builder) against the schema,
 * the vocabulary and the jurisdiction index. Returns the problems, or the scenario.
 */
export function checkScenario(
  raw: unknown,
  corpus: Corpus,
  file?: string,
  rulesDir: string = RULES_DIR,
  cap?: ProblemCap,
): { scenario?: Scenario; problems: Problem[]; total: number } {
  const schemaProblems = validateAgainst(rulesDir, 'scenario', raw, file);
  if (schemaProblems.length) {
    const shownProblems = cap ? schemaProblems.slice(0, cap.max) : schemaProblems;
    return { problems: shownProblems, total: schemaProblems.length };
  }
  const problems: Problem[] = [];
  const report: Report = (path, finding) => {
    if (admit(cap)) problems.push({ file, path, ...finding() });
  };
  const s = raw as Scenario;
  const codes = [...corpus.jurisdictions.keys()];
  const checkJurisdictionFacts = (jf: Scenario['jurisdictionFacts'], at: string) => {
    for (const [code, facts] of Object.entries(jf ?? {})) {
      if (!corpus.jurisdictions.has(code)) report(`${at}.${code}`, () => misnamed('unknown_jurisdiction', `unknown jurisdiction ${code}`, code, codes));
      else problems.push(...checkFacts(facts, corpus.vocabulary, { file, at: `${at}.${code}`, allow: 'jurisdiction', cap }));
    }
  };
  problems.push(...checkFacts(s.facts, corpus.vocabulary, { file, at: 'facts', allow: 'flow', cap }));
  checkJurisdictionFacts(s.jurisdictionFacts, 'jurisdictionFacts');
  const flowIds = new Set<string>();
  const partyIds = new Set(s.parties.map((p) => p.id));
  s.flows.forEach((flow, i) => {
    if (flowIds.has(flow.id)) report(`flows[${i}].id`, () => ({ kind: 'invalid_scenario', message: `duplicate flow id ${flow.id}` }));
    flowIds.add(flow.id);
    for (const side of ['sender', 'recipient'] as const) {
      const party = flow[side];
      if (party !== undefined && !partyIds.has(party)) {
        report(`flows[${i}].${side}`, () => misnamed('invalid_scenario', `unknown party ${party}`, party, partyIds));
      }
    }
    problems.push(...checkFacts(flow.facts, corpus.vocabulary, { file, at: `flows[${i}].facts`, allow: 'flow', cap }));
    checkJurisdictionFacts(flow.jurisdictionFacts, `flows[${i}].jurisdictionFacts`);
    provenanceProblems(flow.provenance, corpus, `flows[${i}].provenance`, report);
  });
  provenanceProblems(s.provenance, corpus, 'provenance', report);
  decisionProblems(s, corpus, report);
  const total = cap ? Math.max(cap.total, problems.length) : problems.length;
  return problems.length ? { problems, total } : { scenario: s, problems, total: 0 };
}

/** Adds a problem found at a path; the finding is built only if the cap admits it. */
type Report = (path: string, finding: () => Finding) => void;

/** Provenance names facts of the vocabulary (or "*" for every other stated fact). */
function provenanceProblems(provenance: Scenario['provenance'], corpus: Corpus, at: string, report: Report): void {
  const keys = [...corpus.vocabulary.byKey.keys()];
  for (const key of Object.keys(provenance ?? {})) {
    if (key !== '*' && !corpus.vocabulary.byKey.has(key)) report(`${at}.${key}`, () => misnamed('unknown_fact', `${key}: unknown fact`, key, keys));
  }
}


/** A recorded decision names a flow of the scenario, a jurisdiction, and provisions that jurisdiction applies. */
function decisionProblems(s: Scenario, corpus: Corpus, report: Report): void {
  const flows = s.flows.map((f) => f.id);
  const codes = [...corpus.jurisdictions.keys()];
  const byId = new Map(corpus.provisions.map((p) => [p.id, p]));
  (s.decisions ?? []).forEach((d, i) => {
    const at = `decisions[${i}]`;
    if (!flows.includes(d.flow)) report(`${at}.flow`, () => misnamed('invalid_scenario', `unknown flow ${d.flow}`, d.flow, flows));
    if (!corpus.jurisdictions.has(d.jurisdiction)) {
      report(`${at}.jurisdiction`, () => misnamed('unknown_jurisdiction', `unknown jurisdiction ${d.jurisdiction}`, d.jurisdiction, codes));
      return;
    }
    const chain = lineage(corpus.jurisdictions, d.jurisdiction);
    d.breached.forEach((id, k) => {
      const p = byId.get(id);
      if (!p) report(`${at}.breached[${k}]`, () => misnamed('invalid_scenario', `unknown provision ${id}`, id, byId.keys()));
      else if (!chain.includes(p.jurisdiction)) report(`${at}.breached[${k}]`, () => ({ kind: 'invalid_scenario', message: `${id} is a provision of ${p.jurisdiction}, which ${d.jurisdiction} does not apply` }));
    });
  });
}

export function loadScenarioFile(path: string, corpus: Corpus, display: string = path): Scenario {
  const problems: Problem[] = [];
  const raw = readJson(path, display, problems);
  if (problems.length) throw new LoadError(problems);
  const { scenario, problems: found } = checkScenario(raw, corpus, display);
  if (!scenario) throw new LoadError(found);
  return scenario;
}

/** Every bundled scenario, validated. */
export function loadScenarios(corpus: Corpus, dir: string = SCENARIOS_DIR): Scenario[] {
  const problems: Problem[] = [];
  const scenarios: Scenario[] = [];
  const ids = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const display = relative(ROOT, join(dir, name));
    try {
      const s = loadScenarioFile(join(dir, name), corpus, display);
      if (ids.has(s.id)) problems.push({ file: display, path: '/id', message: `duplicate scenario id ${s.id}` });
      if (`${s.id}.json` !== name) problems.push({ file: display, path: '/id', message: `scenario id ${s.id} must match its file name` });
      ids.add(s.id);
      scenarios.push(s);
    } catch (e) {
      if (e instanceof LoadError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new LoadError(problems);
  return scenarios;
}

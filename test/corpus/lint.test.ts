/**
 * The rule lint on deliberately broken rule files: each failure the lint promises
 * is produced, and names the provision, the file and the path inside it.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, RULES_DIR } from '../../src/corpus/load.ts';
import { lintCorpus } from '../../src/corpus/lint.ts';
import { LoadError, formatProblem } from '../../src/corpus/errors.ts';

const good = {
  id: 'kr.test.a1',
  citation: 'Test Act art. 1',
  title: 'A test prohibition',
  summary: 'A prohibition used only to test the rule lint.',
  source: 'https://example.org/test-act',
  inForce: { from: '2020-01-01' },
  kind: 'prohibition',
  topics: ['consent'],
  when: { '==': [{ var: 'sender.sector' }, 'private'] },
  examples: [
    { name: 'A private sender is caught', facts: { sender: { sector: 'private' } }, expect: 'forbids' },
    { name: 'A public sender is not', facts: { sender: { sector: 'public' } }, expect: 'not-engaged' },
  ],
};

function rulesWith(provisions: unknown[], instrument: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexflow-lint-'));
  cpSync(join(RULES_DIR, 'schemas'), join(dir, 'schemas'), { recursive: true });
  cpSync(join(RULES_DIR, 'vocabulary.json'), join(dir, 'vocabulary.json'));
  cpSync(join(RULES_DIR, 'vocabulary'), join(dir, 'vocabulary'), { recursive: true });
  cpSync(join(RULES_DIR, 'jurisdictions.json'), join(dir, 'jurisdictions.json'));
  mkdirSync(join(dir, 'KR'));
  writeFileSync(join(dir, 'KR', 'test.json'), JSON.stringify({
    instrument: { id: 'kr.test', jurisdiction: 'KR', title: 'Test Act', citation: 'Test Act', source: 'https://example.org/test-act', versions: [{ label: 'v1', from: '2020-01-01' }], ...instrument },
    provisions,
  }));
  return dir;
}

function lint(provisions: unknown[], instrument?: Record<string, unknown>): string[] {
  try {
    return lintCorpus(loadCorpus(rulesWith(provisions, instrument))).map(formatProblem);
  } catch (e) {
    if (e instanceof LoadError) return e.problems.map(formatProblem);
    throw e;
  }
}

describe('the rule lint', () => {
  it('passes a sound provision', () => {
    expect(lint([good])).toEqual([]);
  });

  it('fails on an undeclared variable and suggests the nearest fact', () => {
    expect(lint([{ ...good, when: { '==': [{ var: 'sender.sectr' }, 'private'] } }]).join('\n')).toMatch(
      /KR\/test\.json#\/provisions\/0\/when: kr\.test\.a1: undeclared variable sender\.sectr; did you mean sender\.sector\?/,
    );
  });

  it('fails on a value outside the fact\'s domain', () => {
    expect(lint([{ ...good, when: { '==': [{ var: 'sender.sector' }, 'privat'] } }]).join('\n')).toMatch(/outside its domain: "privat" is not a value of sender\.sector; did you mean private\?/);
  });

  it('fails on an exception that lifts a provision that does not exist, or is not a prohibition', () => {
    const dangling = { ...good, id: 'kr.test.e1', kind: 'exception', lifts: ['kr.test.a2'], examples: [
      { name: 'Private lifts', facts: { sender: { sector: 'private' } }, expect: 'lifts' },
      { name: 'Public does not', facts: { sender: { sector: 'public' } }, expect: 'does-not-lift' },
    ] };
    expect(lint([good, dangling]).join('\n')).toMatch(/kr\.test\.e1: lifts kr\.test\.a2, which does not exist; did you mean kr\.test\.a1\?/);
    const wrongKind = { ...dangling, id: 'kr.test.e2', lifts: ['kr.test.e1'] };
    expect(lint([good, dangling, wrongKind]).join('\n')).toMatch(/lifts kr\.test\.e1, which is a exception, not a prohibition or an obligation/);
  });

  it('fails on an on-record presumption that does not say which law presumes it', () => {
    const exception = { ...good, id: 'kr.test.e1', kind: 'exception', lifts: ['kr.test.a1'], examples: [
      { name: 'Private lifts', facts: { sender: { sector: 'private' } }, expect: 'lifts' },
      { name: 'Public does not', facts: { sender: { sector: 'public' } }, expect: 'does-not-lift' },
    ] };
    expect(lint([good, { ...exception, presumption: { reading: 'holds' } }]).join('\n')).toMatch(/presumption: missing required field "basis"/);
    expect(lint([good, { ...exception, presumption: { reading: 'holds', basis: 'because' } }]).join('\n')).toMatch(/kr\.test\.e1: a presumption override needs a basis/);
    expect(lint([good, { ...exception, presumption: { reading: 'holds', basis: 'Test Act art. 9 presumes private senders are licensed.' } }]).filter((m) => /presumption/.test(m))).toEqual([]);
  });

  it('fails on a duplicate id in force at the same time', () => {
    expect(lint([good, good]).join('\n')).toMatch(/duplicate id kr\.test\.a1/);
    expect(lint([{ ...good, inForce: { from: '2020-01-01', to: '2020-12-31' } }, { ...good, inForce: { from: '2021-01-01' } }])).toEqual([]);
  });

  it('fails on a missing citation, source or in-force date', () => {
    const { citation: _c, ...noCitation } = good;
    const { source: _s, ...noSource } = good;
    const { inForce: _f, ...noDate } = good;
    expect(lint([noCitation]).join('\n')).toMatch(/provisions\/0: missing required field "citation"/);
    expect(lint([noSource]).join('\n')).toMatch(/missing required field "source"/);
    expect(lint([noDate]).join('\n')).toMatch(/missing required field "inForce"/);
  });

  it('fails on a provision without an example that fires, or one that does not', () => {
    expect(lint([{ ...good, examples: [good.examples[1]] }]).join('\n')).toMatch(/kr\.test\.a1: needs an example where it fires \(forbids\)/);
    expect(lint([{ ...good, examples: [good.examples[0]] }]).join('\n')).toMatch(/kr\.test\.a1: needs an example where it does not fire/);
  });

  it('fails on an example whose expected outcome the engine does not reproduce', () => {
    const wrong = { ...good, examples: [good.examples[0], { ...good.examples[1], expect: 'forbids' }, { name: 'Unknown sector is unknown', facts: {}, expect: 'not-engaged' }] };
    const out = lint([wrong]).join('\n');
    expect(out).toMatch(/example "A public sender is not" expects forbids, the engine gives not-engaged/);
    expect(out).toMatch(/example "Unknown sector is unknown" expects not-engaged, the engine gives unknown/);
  });

  it('fails on an operator outside the rule subset and on a set fact tested any other way', () => {
    expect(lint([{ ...good, when: { max: [1, 2] } }]).join('\n')).toMatch(/operator "max" is not allowed in rules/);
    expect(lint([{ ...good, when: { '==': [{ var: 'data.categories' }, 'face_image'] } }]).join('\n')).toMatch(/set fact data\.categories may only be tested as/);
  });

  it('accepts a yes/no fact only as {"var": x} or {"!": {"var": x}}', () => {
    const tested = (when: unknown) => lint([{ ...good, when: { and: [good.when, when] }, examples: [
      { name: 'A private sender that is a controller is caught', facts: { sender: { sector: 'private', public_task_by_law: false } }, expect: 'forbids' },
      { name: 'A public sender is not', facts: { sender: { sector: 'public', public_task_by_law: false } }, expect: 'not-engaged' },
    ] }]).join('\n');
    const falsity = { '!': { var: 'sender.public_task_by_law' } };
    expect(tested(falsity)).toBe('');
    expect(tested({ '==': [{ var: 'sender.public_task_by_law' }, false] })).toMatch(
      /kr\.test\.a1: test a yes\/no fact as \{"var":"sender\.public_task_by_law"\} \(true\) or \{"!":\{"var":"sender\.public_task_by_law"\}\} \(false\), not \{"==":\[\{"var":"sender\.public_task_by_law"\},false\]\}/,
    );
    expect(tested({ '!': { '===': [true, { var: 'sender.public_task_by_law' }] } })).toMatch(/test a yes\/no fact as/);
    expect(tested({ '!': { '!!': { var: 'sender.public_task_by_law' } } })).toMatch(/test a yes\/no fact as \{"var":"sender\.public_task_by_law"\}, not \{"!!"/);
  });

  it('accepts a remedy open to all (one example) and wants the remedies topic on it', () => {
    const remedy = { ...good, id: 'kr.test.r1', kind: 'remedy', topics: ['remedies-penalties'], when: true, examples: [{ name: 'Anyone harmed may sue', facts: {}, expect: 'available' }] };
    expect(lint([good, remedy])).toEqual([]);
    expect(lint([good, { ...remedy, topics: ['consent'] }]).join('\n')).toMatch(/a remedy carries the topic remedies-penalties/);
  });

  it('expands an amendment into a whole later version, and fails on one naming an unknown field or id', () => {
    const first = { ...good, inForce: { from: '2020-01-01', to: '2020-12-31' }, unsure: 'Whether public senders were meant is open.' };
    const amendment = { amends: 'kr.test.a1', inForce: { from: '2021-01-01' }, title: 'A test prohibition, as amended', unsure: null };
    expect(lint([first, amendment])).toEqual([]);
    const later = loadCorpus(rulesWith([first, amendment])).provisions.filter((p) => p.id === 'kr.test.a1')[1];
    expect(later).toMatchObject({ title: 'A test prohibition, as amended', inForce: { from: '2021-01-01' }, when: good.when, origin: { pointer: '/provisions/1' } });
    expect(later).not.toHaveProperty('unsure');
    expect(lint([first, { ...amendment, summmary: 'A summary with a typo in its field name.' }]).join('\n')).toMatch(
      /KR\/test\.json#\/provisions\/1\/summmary: unknown field "summmary"/,
    );
    expect(lint([first, { ...amendment, amends: 'kr.test.a2' }]).join('\n')).toMatch(
      /provisions\/1\/amends: amends kr\.test\.a2, which no entry above it in this file defines; did you mean kr\.test\.a1\?/,
    );
    expect(lint([first, { ...amendment, kind: 'prohibition' }]).join('\n')).toMatch(/"kind" is the same as in the version it amends/);
    expect(lint([good, { ...amendment, unsure: null }]).join('\n')).toMatch(/removes "unsure", which the version it amends does not have/);
  });

  it('fails on entries out of the instrument\'s order, naming both, unless the instrument says why it cannot follow it', () => {
    const second = { ...good, id: 'kr.test.a2', citation: 'Test Act art. 2(1) item 2' };
    const tenth = { ...good, id: 'kr.test.a10', citation: 'Test Act art. 10' };
    expect(lint([good, second, tenth])).toEqual([]);
    expect(lint([good, tenth, second]).join('\n')).toMatch(
      /KR\/test\.json#\/provisions\/2\/citation: kr\.test\.a2 \(Test Act art\. 2\(1\) item 2\) comes before kr\.test\.a10 \(Test Act art\. 10\) in the instrument/,
    );
    expect(lint([good, tenth, second], { unordered: 'Two numberings of the same Act live in this file.' })).toEqual([]);
  });

  it('reads a long instrument from its parts, in the order listed, and refuses a part nothing lists', () => {
    const dir = rulesWith([]);
    const second = { ...good, id: 'kr.test.a2', citation: 'Test Act art. 2' };
    const instrument = { id: 'kr.test', jurisdiction: 'KR', title: 'Test Act', citation: 'Test Act', source: 'https://example.org/test-act', versions: [{ label: 'v1', from: '2020-01-01' }] };
    mkdirSync(join(dir, 'KR', 'test'));
    writeFileSync(join(dir, 'KR', 'test.json'), JSON.stringify({ instrument, parts: ['test/arts-1.json', 'test/arts-2.json'] }));
    writeFileSync(join(dir, 'KR', 'test', 'arts-1.json'), JSON.stringify({ part: 'Art. 1', provisions: [good] }));
    writeFileSync(join(dir, 'KR', 'test', 'arts-2.json'), JSON.stringify({ part: 'Art. 2', provisions: [second] }));
    const corpus = loadCorpus(dir);
    expect(corpus.provisions.filter((p) => p.instrument === 'kr.test').map((p) => [p.id, p.origin.file.replace(/^.*\/KR\//, 'KR/'), p.origin.pointer])).toEqual([
      ['kr.test.a1', 'KR/test/arts-1.json', '/provisions/0'],
      ['kr.test.a2', 'KR/test/arts-2.json', '/provisions/0'],
    ]);
    expect(lintCorpus(corpus)).toEqual([]);
    writeFileSync(join(dir, 'KR', 'test', 'arts-3.json'), JSON.stringify({ part: 'Art. 3', provisions: [] }));
    expect(() => loadCorpus(dir)).toThrow(/test\/arts-3\.json#\/part: part file that no instrument of KR\/ lists in its "parts"/);
  });

  it('wants each vocabulary fragment named after the fact group it extends', () => {
    const dir = rulesWith([good]);
    const misfiled = { key: 'sender.test_only', group: 'sender', type: 'boolean', scope: 'flow', label: 'a test fact', question: 'Is this a test?' };
    writeFileSync(join(dir, 'vocabulary', 'tech.json'), JSON.stringify({ groups: [], facts: [misfiled] }));
    expect(() => loadCorpus(dir)).toThrow(/vocabulary\/tech\.json#\/facts\/0: sender\.test_only: a fact of group sender belongs in vocabulary\/sender\.json/);
  });

  it('fails on an example fact that is not in the vocabulary', () => {
    const typo = { ...good, examples: [good.examples[0], { ...good.examples[1], facts: { sender: { sectr: 'public' } } }] };
    expect(lint([typo]).join('\n')).toMatch(/sender\.sectr: unknown fact; did you mean sender\.sector\?/);
  });
});

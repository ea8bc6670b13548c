/**
 * A small synthetic corpus for engine tests: two jurisdictions (BB inherits AA),
 * one with nothing encoded (CC), an amendment, a territorial scope rule, an
 * exception, an obligation with an exemption, a rule by which BB narrows the act it
 * inherits from AA, and a tautology that only exact evaluation settles.
 */
import { buildVocabulary } from '../../src/corpus/load.ts';
import type { Corpus, Instrument, Jurisdiction, Provision } from '../../src/engine/index.ts';

const vocabulary = buildVocabulary({
  groups: [
    { id: 'a', label: 'A' },
    { id: 'law', label: 'Law' },
  ],
  facts: [
    { key: 'a.flag', group: 'a', type: 'boolean', scope: 'flow', label: 'the flag is up', question: 'Flag?' },
    { key: 'a.other', group: 'a', type: 'boolean', scope: 'flow', label: 'the other flag is up', question: 'Other?' },
    { key: 'a.kind', group: 'a', type: 'enum', scope: 'flow', label: 'the kind', question: 'Kind?', values: [
      { value: 'x', label: 'ex' }, { value: 'y', label: 'why' }, { value: 'z', label: 'zed' }, { value: 'w', label: 'double-u' },
    ] },
    { key: 'a.set', group: 'a', type: 'set', scope: 'flow', label: 'the items', labelVerb: 'include', question: 'Items?', values: [
      { value: 'p', label: 'pea' }, { value: 'q', label: 'queue' }, { value: 'r', label: 'are' },
    ] },
    { key: 'a.count', group: 'a', type: 'number', scope: 'flow', label: 'the count', question: 'How many?' },
    { key: 'a.loc', group: 'a', type: 'enum', scope: 'flow', label: 'the place', question: 'Where?', values: [
      { value: 'AA', label: 'Aland' }, { value: 'BB', label: 'Bland' }, { value: 'other', label: 'elsewhere' },
    ] },
    { key: 'law.ok', group: 'law', type: 'boolean', scope: 'jurisdiction', label: 'the law allows it', question: 'Law?' },
  ],
});

const SRC = 'https://example.org/act';

function provision(p: Partial<Provision> & Pick<Provision, 'id' | 'kind' | 'when'>): Provision {
  const instrument = p.id.split('.').slice(0, 2).join('.');
  return {
    citation: p.id,
    title: p.id,
    summary: `Synthetic provision ${p.id} for engine tests.`,
    source: SRC,
    inForce: { from: '2000-01-01' },
    topics: ['consent'],
    examples: [],
    instrument,
    jurisdiction: instrument.startsWith('aa') ? 'AA' : 'BB',
    origin: { file: 'fixture', pointer: `/${p.id}` },
    ...p,
  } as Provision;
}

const V = (k: string) => ({ var: k });

export const provisions: Provision[] = [
  provision({ id: 'aa.act.territory', kind: 'scope', scope: 'requires', aspect: 'territorial', when: { '==': [V('a.loc'), 'AA'] } }),
  provision({ id: 'aa.act.p1', kind: 'prohibition', when: { in: ['p', V('a.set')] } }),
  provision({ id: 'aa.act.e1', kind: 'exception', lifts: ['aa.act.p1'], when: V('a.flag') }),
  provision({ id: 'aa.act.o1', kind: 'obligation', when: { '>=': [V('a.count'), 100] }, met: V('law.ok') }),
  provision({ id: 'aa.act.p2', kind: 'prohibition', inForce: { from: '2000-01-01', to: '2009-12-31' }, when: { '==': [V('a.kind'), 'x'] } }),
  provision({ id: 'aa.act.p2', kind: 'prohibition', inForce: { from: '2010-01-01' }, when: { '==': [V('a.kind'), 'y'] } }),
  provision({ id: 'aa.act.r1', kind: 'remedy', topics: ['remedies-penalties'], when: { '!': V('a.other') } }),
  provision({ id: 'aa.act.r2', kind: 'remedy', topics: ['remedies-penalties'], sanctions: ['aa.act.o1'], when: true }),
  provision({ id: 'aa.act.ex-o1', kind: 'exception', lifts: ['aa.act.o1'], when: V('a.other') }),
  provision({ id: 'bb.act.limit', kind: 'scope', scope: 'excludes', aspect: 'material', limits: 'aa.act', when: { '==': [V('a.kind'), 'z'] } }),
  provision({ id: 'bb.act.taut', kind: 'prohibition', when: { and: [{ in: ['q', V('a.set')] }, { or: [V('a.other'), { '!': V('a.other') }] }] } }),
];

const instrument = (id: string, jurisdiction: string): Instrument => ({
  id, jurisdiction, title: id, citation: id, source: SRC, versions: [{ label: 'v1', from: '2000-01-01' }], file: 'fixture',
});

export function fixtureCorpus(): Corpus {
  const jurisdictions = new Map<string, Jurisdiction>([
    ['AA', { code: 'AA', name: 'Aland', inherits: [], instruments: ['aa.act'] }],
    ['BB', { code: 'BB', name: 'Bland', inherits: ['AA'], instruments: ['bb.act'] }],
    ['CC', { code: 'CC', name: 'Cland', inherits: [], instruments: [] }],
  ]);
  return {
    vocabulary,
    topics: [{ id: 'consent', label: 'Consent' }, { id: 'remedies-penalties', label: 'Remedies and penalties' }],
    jurisdictions,
    instruments: new Map([['aa.act', instrument('aa.act', 'AA')], ['bb.act', instrument('bb.act', 'BB')]]),
    provisions,
  };
}

/**
 * Minimal repair: on the PIPC's findings, the fewest doable changes that make the
 * provision of records to the AI companies allowed in Korea, the EU and Illinois
 * and everywhere at once; every repair confirmed by the engine as a scenario; fixed
 * facts never changed; repairs irredundant.
 */
import { describe, expect, it } from 'vitest';
import { bundledCorpus, bundledScenario } from '../helpers.ts';
import { compileCorpus, evaluateScenario, type Scenario } from '../../src/engine/index.ts';
import { setPath } from '../../src/engine/logic.ts';
import { repairFlow, type FlowRepair, type Repair } from '../../src/engine/diff/index.ts';

const corpus = bundledCorpus();
const cc = compileCorpus(corpus);
const PIPC = bundledScenario('kr-immigration-faces-pipc-findings');
const AS_OF = '2022-04-27';

/** The flow with a repair's changes applied, as a scenario of its own. */
function repaired(s: Scenario, flowId: string, r: Repair): Scenario {
  const flow = structuredClone(s.flows.find((f) => f.id === flowId)!);
  const facts = structuredClone(s.facts);
  const jurisdictionFacts = structuredClone({ ...(s.jurisdictionFacts ?? {}) });
  for (const c of r.changes) {
    if (c.side) {
      // A legal-order fact: the flow's own statement wins over the scenario's.
      flow.jurisdictionFacts ??= {};
      flow.jurisdictionFacts[c.side] ??= {};
      setPath(flow.jurisdictionFacts[c.side], c.fact, c.to);
    } else setPath(flow.facts, c.fact, c.to);
  }
  return { ...s, facts, jurisdictionFacts, flows: [flow] };
}

function verdictsOf(s: Scenario, codes: string[]): Record<string, string> {
  const r = evaluateScenario(corpus, s, { asOf: AS_OF, jurisdictions: codes, detail: 'findings' }, compileCorpus(corpus, 'reference'));
  return Object.fromEntries(r.results.map((c) => [c.jurisdiction, c.verdict]));
}

describe('repairs of the provision to the AI companies, on the PIPC findings', () => {
  const codes = ['KR', 'EU', 'US-IL'];
  const r: FlowRepair = repairFlow(cc, PIPC, 'provision-training', codes, { asOf: AS_OF });

  it('in Korea: disclosing the entrustment (PIPA art. 26(2)) is among the two-change repairs', () => {
    const kr = r.perJurisdiction.find((t) => t.codes[0] === 'KR')!;
    expect(kr.before).toEqual({ KR: 'forbidden' });
    expect(kr.repairs[0].changes.length).toBe(2);
    expect(kr.repairs.some((x) => x.changes.some((c) => c.fact === 'safeguards.entrustment_disclosed' && c.to === true && c.from === false))).toBe(true);
    expect(kr.repairs[0].stopFiring.map((p) => p.id)).toContain('kr.pipa.art26.2');
  });

  it('ranks by the number of changes, changes no fixed fact the flow states, and marks assumed ones', () => {
    const flow = PIPC.flows.find((f) => f.id === 'provision-training')!;
    const stated = new Set(Object.keys({ ...flatten(PIPC.facts), ...flatten(flow.facts) }));
    for (const t of [...r.perJurisdiction, r.everywhere]) {
      const sizes = t.repairs.map((x) => x.changes.length);
      expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
      for (const x of t.repairs) {
        for (const c of x.changes) {
          const fact = corpus.vocabulary.byKey.get(c.fact)!;
          if (fact.fixed) {
            expect(stated.has(c.fact), `${c.fact} is fixed and stated`).toBe(false);
            expect(c.assumption).toBe(true);
          }
        }
      }
    }
  });

  it('every repair, applied to the flow, is allowed by the engine; everywhere at once too', () => {
    expect(r.complete).toBe(true);
    for (const t of [...r.perJurisdiction, r.everywhere]) {
      for (const x of t.repairs) {
        const s = repaired(PIPC, 'provision-training', x);
        expect(verdictsOf(s, t.codes)).toEqual(Object.fromEntries(t.codes.map((c) => [c, 'allowed'])));
      }
    }
    expect(r.everywhere.codes).toEqual(codes);
    expect(r.everywhere.repairs.length).toBeGreaterThan(0);
  });

  it('is irredundant: undoing any one change loses the allowed verdict', () => {
    const t = r.everywhere;
    const x = t.repairs[0];
    for (let i = 0; i < x.changes.length; i++) {
      const fewer = { ...x, changes: x.changes.filter((_, k) => k !== i) };
      const v = verdictsOf(repaired(PIPC, 'provision-training', fewer), t.codes);
      expect(Object.values(v).every((verdict) => verdict === 'allowed'), `without ${x.changes[i].fact}`).toBe(false);
    }
  });

  it('says when no repair is needed', () => {
    const done = repairFlow(cc, PIPC, 'companies-training', ['KR'], { asOf: AS_OF });
    expect(done.perJurisdiction[0]).toMatchObject({ before: { KR: 'allowed' }, repairs: [], note: 'already allowed' });
  });
});

function flatten(o: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(o ?? {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, key, out);
    else out[key] = v;
  }
  return out;
}

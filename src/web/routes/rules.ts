/**
 * The rule browser (jurisdictions -> instruments -> provisions, each provision with
 * its condition in plain language) and the side-by-side comparison by topic.
 */
import { Router } from 'express';
import { inForceOn, renderCondition, type Provision } from '../../engine/index.ts';
import type { WebContext } from '../context.ts';
import { HttpError, suggest } from '../errors.ts';
import { factLines } from '../model.ts';
import { parseAsOf, parseJurisdictions } from '../params.ts';
import { renderPage } from '../render.ts';

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

function dates(p: Provision): string {
  return p.inForce.to ? `${p.inForce.from} to ${p.inForce.to}` : `from ${p.inForce.from}`;
}

export function ruleRoutes(ctx: WebContext): Router {
  const r = Router();
  const corpus = ctx.corpus;
  const count = (instrument: string) => corpus.provisions.filter((p) => p.instrument === instrument).length;

  r.get('/rules', async (_req, res) => {
    const jurisdictions = [...corpus.jurisdictions.values()].map((j) => ({
      code: j.code,
      name: j.name,
      inherits: j.inherits,
      note: j.note,
      instruments: j.instruments.map((id) => ({ id, title: corpus.instruments.get(id)!.title, citation: corpus.instruments.get(id)!.citation, count: count(id) })),
    }));
    await renderPage(res, 'rules', { title: 'Rule browser', nav: 'rules', jurisdictions, total: corpus.provisions.length });
  });

  r.get('/rules/:code', async (req, res) => {
    const j = corpus.jurisdictions.get(req.params.code);
    if (!j) throw new HttpError(404, 'not_found', `no jurisdiction ${req.params.code}${suggest(req.params.code, corpus.jurisdictions.keys())}`, 'code');
    const instruments = j.instruments.map((id) => {
      const inst = corpus.instruments.get(id)!;
      return {
        ...inst,
        provisions: corpus.provisions.filter((p) => p.instrument === id).map((p) => ({ id: p.id, citation: p.citation, title: p.title, kind: p.kind, dates: dates(p), topics: p.topics })),
      };
    });
    const chain = ctx.cc.chains.get(j.code) ?? [];
    const inherited = chain.filter((c) => c !== j.code).map((c) => corpus.jurisdictions.get(c)!);
    await renderPage(res, 'jurisdiction', { title: `${j.name} (${j.code}): rules`, nav: 'rules', j, instruments, inherited });
  });

  r.get('/provisions/:id', async (req, res) => {
    const versions = ctx.versions(req.params.id);
    if (!versions.length) throw new HttpError(404, 'not_found', `no provision ${req.params.id}${suggest(req.params.id, new Set(corpus.provisions.map((p) => p.id)))}`, 'id');
    const today = ctx.today();
    const cite = (id: string) => ({ id, citation: ctx.provisionAt(id, today)?.citation ?? id, known: ctx.versions(id).length > 0 });
    const models = versions.map((p) => ({
      p,
      dates: dates(p),
      inForceToday: inForceOn(p, today),
      instrument: corpus.instruments.get(p.instrument)!,
      jurisdiction: corpus.jurisdictions.get(p.jurisdiction)!,
      topics: p.topics.map((t) => corpus.topics.find((x) => x.id === t)?.label ?? t),
      when: renderCondition(p.when, corpus.vocabulary),
      met: p.met === undefined ? undefined : renderCondition(p.met, corpus.vocabulary),
      raw: JSON.stringify(p.met === undefined ? { when: p.when } : { when: p.when, met: p.met }, null, 2),
      lifts: (p.lifts ?? []).map(cite),
      liftedBy: corpus.provisions.filter((x) => x.kind === 'exception' && x.lifts?.includes(p.id)).map((x) => ({ id: x.id, citation: x.citation, dates: dates(x) })),
      examples: p.examples.map((ex) => ({ name: ex.name, asOf: ex.asOf ?? p.inForce.from, expect: EXPECT_WORDS[ex.expect] ?? ex.expect, facts: factLines(corpus, ex.facts) })),
    }));
    const decided = (await ctx.decidedBy(req.params.id)).map((c) => ({
      ...c,
      title: ctx.scenarioById.get(c.scenario)?.title ?? c.scenario,
      flowLabel: ctx.scenarioById.get(c.scenario)?.flows.find((f) => f.id === c.flow)?.label ?? c.flow,
      href: `/scenarios/${encodeURIComponent(c.scenario)}/cell/${encodeURIComponent(c.flow)}/${encodeURIComponent(c.jurisdiction)}?asOf=${today}`,
    }));
    await renderPage(res, 'provision', { title: `${versions[0].citation}: ${versions[0].title}`, nav: 'rules', id: req.params.id, versions: models, decided, today });
  });

  r.get('/compare', async (req, res) => {
    const today = ctx.today();
    const asOf = parseAsOf(req.query.asOf, today);
    const codes = parseJurisdictions(req.query.j, corpus, 400, 'j') ?? [];
    const columns = codes.map((code) => {
      const chain = ctx.cc.chains.get(code) ?? [code];
      return { code, name: corpus.jurisdictions.get(code)!.name, live: corpus.provisions.filter((p) => chain.includes(p.jurisdiction) && inForceOn(p, asOf)) };
    });
    const rows = corpus.topics.map((t) => ({
      topic: t,
      cells: columns.map((c) => ({
        code: c.code,
        provisions: c.live.filter((p) => p.topics.includes(t.id)).map((p) => ({ id: p.id, citation: p.citation, title: p.title, kind: p.kind, inherited: p.jurisdiction !== c.code ? p.jurisdiction : undefined })),
      })),
    }));
    await renderPage(res, 'compare', {
      title: 'Compare jurisdictions',
      nav: 'compare',
      asOf,
      codes,
      enough: codes.length >= 2,
      choices: [...corpus.jurisdictions.values()].map((j) => ({ code: j.code, name: j.name, checked: codes.includes(j.code) })),
      columns: columns.map((c) => ({ code: c.code, name: c.name, count: c.live.length })),
      rows,
    });
  });

  return r;
}

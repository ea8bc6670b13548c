/**
 * The law diff: the page `/diff?a=KR&b=EU&asOf=...` (reasons, minimal witnesses
 * that open as custom scenarios, provisions aligned side by side) and the same
 * result as JSON at `/api/diff`.
 */
import { Router } from 'express';
import { notForbidden, witnessLine } from '../../engine/diff/index.ts';
import type { WebContext } from '../context.ts';
import { diffQuery, parseDiffRequest, runDiff, witnessLink } from '../diff.ts';
import { renderPage } from '../render.ts';

export function diffRoutes(ctx: WebContext): Router {
  const r = Router();
  const corpus = ctx.corpus;
  const choices = [...corpus.jurisdictions.values()].map((j) => ({ code: j.code, name: j.name }));

  r.get('/api/diff', async (req, res) => {
    const d = parseDiffRequest(ctx, req.query as Record<string, unknown>);
    const { result, equivalence } = await runDiff(ctx, d);
    res.json({ ...result, ...(equivalence ? { equivalence } : {}) });
  });

  r.get('/diff', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const form = { a: String(query.a ?? 'KR'), b: String(query.b ?? 'EU'), asOf: String(query.asOf ?? ctx.today()), mode: String(query.mode ?? 'transplant'), topic: String(query.topic ?? '') };
    const base = { title: 'Law diff', nav: 'diff' as const, choices, topics: corpus.topics, form };
    if (query.a === undefined && query.b === undefined) {
      await renderPage(res, 'diff', { ...base, answer: undefined });
      return;
    }
    const d = parseDiffRequest(ctx, query);
    const { result, equivalence } = await runDiff(ctx, d);
    const name = (code: string) => corpus.jurisdictions.get(code)?.name ?? code;
    const divergences = result.divergences.map((x, i) => ({
      ...x,
      n: i + 1,
      link: witnessLink(ctx, d, x.witness, `${x.forbids} forbids, ${x.other} ${x.otherVerdict === 'allowed' ? 'allows' : 'does not cover'}: ${x.rules.map((p) => p.citation).join(' + ')}`),
    }));
    const setAnswer = (x: string, y: string, s: typeof result.aCoversB) => ({
      question: `Does ${name(x)} forbid everything ${name(y)} forbids?`,
      holds: s.holds,
      answered: s.holds || s.counterexample !== undefined,
      text: s.counterexample ? `No: some flow ${y} forbids is ${notForbidden(s.counterexample.verdicts[x])} in ${x}.` : s.holds ? 'Yes.' : 'Not answered: the work budget ran out.',
      facts: s.counterexample?.facts ?? [],
      link: s.counterexample ? witnessLink(ctx, d, s.counterexample, `${y} forbids, ${x} does not`) : undefined,
    });
    await renderPage(res, 'diff', {
      ...base,
      title: `Law diff: ${d.a} and ${d.b}`,
      form: { a: d.a, b: d.b, asOf: d.asOf, mode: d.mode, topic: d.topic ?? '' },
      answer: {
        req: d,
        names: { a: name(d.a), b: name(d.b) },
        result,
        divergences,
        reasons: result.reasons.map((x) => ({ ...x, items: x.divergences.map((i) => divergences[i]) })),
        sets: [setAnswer(d.a, d.b, result.aCoversB), setAnswer(d.b, d.a, result.bCoversA)],
        equivalence: equivalence && {
          ...equivalence,
          label: corpus.topics.find((t) => t.id === equivalence.topic)?.label ?? equivalence.topic,
          onlyAText: equivalence.onlyA && witnessLine(equivalence.onlyA),
          onlyBText: equivalence.onlyB && witnessLine(equivalence.onlyB),
        },
        json: `/api/diff?${diffQuery(d)}`,
        givenLabel: d.given ? `${d.given.scenario.title}, flow ${d.given.scenario.flows.find((f) => f.id === d.given!.flow)?.label ?? d.given.flow}` : undefined,
      },
    });
  });
  return r;
}

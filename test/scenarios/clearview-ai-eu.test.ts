/**
 * Clearview AI in the EU (scenarios/clearview-ai-eu.json): what the decision-makers found,
 * reproduced by the EU rules.
 *   - Garante per la protezione dei dati personali, ordinanza ingiunzione n. 50, 10 Feb 2022:
 *     GDPR arts 5(1)(a), (b), (e), 6, 9, 12-15, 27 breached; EUR 20m fine and ban.
 *   - CNIL restricted committee, SAN-2022-019, 17 Oct 2022: no legal basis (art. 6; the
 *     legitimate interest does not outweigh people's rights), rights ignored (arts 12, 15, 17),
 *     no cooperation (art. 31); EUR 20m fine.
 *   - Austrian DSB (noyb complaint, announced 10 May 2023): arts 5(1)(a)-(c), 6(1), 9(1), 27
 *     breached; photos findable online were not manifestly made public for this use (9(2)(e)).
 * The transparency, storage-limitation, rights, cooperation and representative findings
 * (arts 5(1)(a), 5(1)(e), 13-15, 17, 27, 31) are checked, with every recorded decision, in
 * decisions.test.ts (the rights and the cooperation on flows of their own).
 * Since 2 Feb 2025 the AI Act bans the scraping itself (art. 5(1)(e)).
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'clearview-ai-eu';
const CNIL = '2022-10-17';
const GARANTE = '2022-02-10';
const AI_ACT_BANS = '2025-02-02';

describe('Clearview AI in the EU', () => {
  it('both flows are forbidden on the date of the CNIL decision (SAN-2022-019)', () => {
    const m = matrix(ID, CNIL, ['EU']);
    expect(m.scraping.EU).toBe('forbidden');
    expect(m['search-service'].EU).toBe('forbidden');
  });

  it('no legal basis under art. 6(1): the commercial interest does not outweigh rights (CNIL, 17 Oct 2022)', () => {
    expect(decisiveCitations(ID, 'scraping', 'EU', CNIL)).toContain('GDPR art. 6(1)');
    expect(decisiveCitations(ID, 'search-service', 'EU', CNIL)).toContain('GDPR art. 6(1)');
  });

  it('biometric templates without an art. 9(2) exception; 9(2)(e) fails for photos merely online (Garante, 10 Feb 2022; DSB 2023)', () => {
    const c = cell(ID, 'scraping', 'EU', GARANTE);
    expect(c.verdict).toBe('forbidden');
    expect(c.decisive.map((d) => d.citation)).toContain('GDPR art. 9(1)');
    // No exception is cited as lifting art. 9(1): in particular not 9(2)(e).
    expect(c.decisive.map((d) => d.citation)).not.toContain('GDPR art. 9(2)(e)');
  });

  it('reuse of published photos for a biometric search engine breaches purpose limitation (Garante 2022; DSB 2023)', () => {
    expect(decisiveCitations(ID, 'scraping', 'EU', GARANTE)).toContain('GDPR art. 5(1)(b)');
  });

  it('the GDPR reaches a US company with no EU establishment through art. 3(2)(b) (actual territorial mode)', () => {
    const m = matrix(ID, CNIL, ['EU'], 'actual');
    expect(m.scraping.EU).toBe('forbidden');
    expect(m['search-service'].EU).toBe('forbidden');
  });

  it('the AI Act ban on untargeted scraping is not applied before 2 Feb 2025', () => {
    expect(decisiveCitations(ID, 'scraping', 'EU', '2025-02-01')).not.toContain('AI Act art. 5(1)(e)');
  });

  it('from 2 Feb 2025 the scraping also falls under AI Act art. 5(1)(e)', () => {
    const citations = decisiveCitations(ID, 'scraping', 'EU', AI_ACT_BANS);
    expect(citations).toContain('AI Act art. 5(1)(e)');
    expect(citations).toContain('GDPR art. 6(1)');
    expect(citations).toContain('GDPR art. 9(1)');
  });

  it('the search service does not itself scrape, so only the GDPR decides it', () => {
    expect(decisiveCitations(ID, 'search-service', 'EU', '2025-06-01')).not.toContain('AI Act art. 5(1)(e)');
  });

  // CNIL restricted committee, SAN-2022-019, 17 Oct 2022: EUR 20m fine (as did the Garante, 10 Feb 2022).
  it('the cell lists the GDPR art. 83(5) fine that the CNIL imposed (EUR 20m, SAN-2022-019)', () => {
    const remedies = cell(ID, 'scraping', 'EU', CNIL).remedies;
    expect(remedies).toContainEqual(expect.objectContaining({ citation: 'GDPR art. 83(5)', status: 'available' }));
  });
});

/**
 * Clearview AI in Australia: Commissioner initiated investigation into Clearview AI, Inc.
 * (Privacy) [2021] AICmr 54 (14 Oct 2021, published 3 Nov 2021): breaches of APPs 1.2, 3.3,
 * 3.5, 5 and 10; Clearview AI Inc and Australian Information Commissioner [2023] AATA 1069
 * (8 May 2023) upheld the APP 3.3 and APP 1.2 breaches. (APPs 3.5 and 10 are not encoded.)
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'clearview-ai-australia';
const AS_OF = '2021-10-14';

describe('Clearview AI, [2021] AICmr 54 and [2023] AATA 1069', () => {
  it('forbids the scraping of Australians\' faces and the search service', () => {
    const m = matrix(ID, AS_OF, ['AU']);
    expect(m.scraping.AU).toBe('forbidden');
    expect(m['search-service'].AU).toBe('forbidden');
  });

  it('rests on collecting sensitive information without consent (APP 3.3) and on APP 1.2, and on missing notice (APP 5)', () => {
    expect(decisiveCitations(ID, 'scraping', 'AU', AS_OF)).toEqual(
      expect.arrayContaining([
        "Privacy Act 1988 (Cth) Sch. 1, APP 3.3; s. 6(1) ('sensitive information' (d)-(e))",
        'Privacy Act 1988 (Cth) Sch. 1, APP 1.2',
        'Privacy Act 1988 (Cth) Sch. 1, APP 5.1-5.2',
      ]),
    );
  });

  it('does not let the small-business exemption apply to a business that discloses data for a benefit', () => {
    const cites = decisiveCitations(ID, 'scraping', 'AU', AS_OF);
    expect(cites).not.toContain('Privacy Act 1988 (Cth) ss. 6C(1), 6D');
  });

  it('lists the s. 52 determination power: [2021] AICmr 54 declared that Clearview must stop collecting and destroy the images', () => {
    expect(cell(ID, 'scraping', 'AU', AS_OF).remedies.map((r) => r.citation)).toContain('Privacy Act 1988 (Cth) s. 52');
  });
});

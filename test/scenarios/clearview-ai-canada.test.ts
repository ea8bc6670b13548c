/**
 * Clearview AI in Canada: joint investigation by the OPC, the CAI (Québec), OIPC BC and OIPC
 * Alberta, PIPEDA Findings #2021-001 (2 Feb 2021). Scraping faces without consent into a 1:N
 * search service was unlawful: consent was required and the publicly-available exception did not
 * apply; mass identification was not an appropriate purpose (s. 5(3)); the CAI found the biometric
 * database had not been disclosed to it (IT framework Act s. 45).
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'clearview-ai-canada';
const AS_OF = '2021-02-02';
const CONSENT = 'PIPEDA Sch. 1, cl. 4.3 (Principle 3)';
const PURPOSE = 'PIPEDA s. 5(3)';

describe('Clearview AI, PIPEDA Findings #2021-001', () => {
  it('forbids both the scraping and the search service federally and in Québec', () => {
    const m = matrix(ID, AS_OF, ['CA', 'CA-QC']);
    for (const flow of ['scraping', 'search-service']) {
      expect(m[flow].CA).toBe('forbidden');
      expect(m[flow]['CA-QC']).toBe('forbidden');
    }
  });

  it('rests federally on the consent principle and on s. 5(3) (inappropriate purpose)', () => {
    for (const flow of ['scraping', 'search-service']) {
      expect(decisiveCitations(ID, flow, 'CA', AS_OF)).toEqual(expect.arrayContaining([CONSENT, PURPOSE]));
    }
  });

  it('keeps PIPEDA applicable in Québec because the images leave the province (the OPC and the CAI both acted)', () => {
    expect(decisiveCitations(ID, 'scraping', 'CA-QC', AS_OF)).toEqual(expect.arrayContaining([CONSENT, PURPOSE]));
  });

  it('finds the undeclared biometric database in breach of the IT framework Act s. 45 (CAI)', () => {
    expect(decisiveCitations(ID, 'scraping', 'CA-QC', AS_OF)).toContain('C-1.1 s. 45, para. 1 (as enacted 2001)');
  });

  it('lists the CAI order power in Québec: CAI decision 1023158-S (14 Dec 2021) ordered Clearview to stop and destroy', () => {
    // The OPC can only recommend; federally the complainant's route is the Federal Court (PIPEDA ss. 14-16).
    expect(cell(ID, 'scraping', 'CA', AS_OF).remedies.map((r) => r.citation)).toContain('PIPEDA ss. 14-16');
    // The CAI, after the joint findings went unheeded, ordered Clearview to stop collecting and using
    // images of Quebecers and to destroy them (P-39.1 inquiry, decision 1023158-S).
    expect(cell(ID, 'scraping', 'CA-QC', AS_OF).remedies.map((r) => r.citation)).toContain('P-39.1 s. 83');
  });
});

/**
 * The Korean immigration face-photo case as the civil-society groups stated it:
 * MINBYUN Digital Information Committee, PSPD, Jinbonet, the Institute for Digital
 * Rights, APIL and the Joint Committee with Migrants in Korea (statements of Oct 2021,
 * 28 Apr 2022 and 21 Jul 2022, https://minbyun.or.kr/?p=52598 and ?p=51928; their
 * constitutional complaints of 24 Dec 2021 and 21 Jul 2022, dismissed as moot on
 * 26 Feb 2026). On their facts the ministries provided immigration records, including
 * face-identification data, to private companies for AI training without consent,
 * notice or statutory basis: provision to third parties (PIPA art. 17(1)), use and
 * provision beyond the purpose (art. 18(1)), and sensitive data (art. 23(1), biometric
 * data sensitive from 5 Aug 2020). The statements found do not cite article numbers;
 * these are the articles their facts engage.
 */
import { describe, expect, it } from 'vitest';
import { decisiveCitations, matrix } from '../helpers.ts';

const ID = 'kr-immigration-faces-civil-society';
const REPORTED = '2021-10-20'; // last day of the data period the Ministry disclosed; the press reports followed on 21 Oct 2021
const PROVISIONS = ['moj-to-msit', 'provision-training', 'provision-validation', 'provision-citizens'];
const ART_23_2020 = 'PIPA art. 23(1); Enforcement Decree art. 18 items 1-4';

describe('civil-society account (MINBYUN, PSPD, Jinbonet and others, 2021-2022)', () => {
  it('every flow is forbidden in Korea on their facts', () => {
    const m = matrix(ID, REPORTED, ['KR']);
    for (const flow of Object.keys(m)) expect(m[flow].KR).toBe('forbidden');
  });

  it.each(PROVISIONS)('%s: provision to a third party without consent (art. 17(1)), beyond the purpose (art. 18(1)), of sensitive face data (art. 23(1))', (flow) => {
    const cites = decisiveCitations(ID, flow, 'KR', REPORTED);
    expect(cites).toContain('PIPA art. 17(1)');
    expect(cites).toContain('PIPA art. 18(1)');
    expect(cites).toContain(ART_23_2020);
  });

  it("the companies' own training use is beyond the purpose and processes sensitive data without a basis", () => {
    const cites = decisiveCitations(ID, 'companies-training', 'KR', REPORTED);
    expect(cites).toContain('PIPA art. 18(1)');
    expect(cites).toContain(ART_23_2020);
  });

  it('when the project began (Jun 2019) the provisions were already forbidden by arts. 17(1) and 18(1), but face data were not yet sensitive information', () => {
    for (const flow of PROVISIONS) {
      const cites = decisiveCitations(ID, flow, 'KR', '2019-06-01');
      expect(cites).toContain('PIPA art. 17(1)');
      expect(cites).toContain('PIPA art. 18(1)');
      expect(cites.some((c) => c.startsWith('PIPA art. 23(1)'))).toBe(false);
    }
  });
});

/**
 * The public decisions encoded as scenarios, read on the record: in the decision's
 * own jurisdiction, on its date, the on-record verdict is the decision-maker's
 * outcome and the provisions the decision found breached are among the record's
 * decisive citations. The per-decision files hold the reasoning behind each entry.
 */
import { describe, expect, it } from 'vitest';
import { cell } from '../helpers.ts';

interface Decision {
  name: string;
  scenario: string;
  flows: string[];
  jurisdiction: string;
  asOf: string;
  breached: string[];
}

const APP12 = 'Privacy Act 1988 (Cth) Sch. 1, APP 1.2';
const APP13 = 'Privacy Act 1988 (Cth) Sch. 1, APP 1.3-1.4';
const APP33 = "Privacy Act 1988 (Cth) Sch. 1, APP 3.3; s. 6(1) ('sensitive information' (d)-(e))";
const APP51 = 'Privacy Act 1988 (Cth) Sch. 1, APP 5.1-5.2';
const FTC = (what: string) => `15 U.S.C. § 45(a)(1), (n): ${what} (FTC enforcement position)`;

const DECISIONS: Decision[] = [
  { name: 'Rosenbach v. Six Flags, 2019 IL 123186', scenario: 'rosenbach-six-flags', flows: ['season-pass-thumbprint'], jurisdiction: 'US-IL', asOf: '2019-01-25', breached: ['740 ILCS 14/15(b)'] },
  { name: 'ICO enforcement notices to Serco Leisure (19 Feb 2024)', scenario: 'serco-leisure-biometric-attendance', flows: ['facial-recognition-clocking', 'fingerprint-clocking'], jurisdiction: 'UK', asOf: '2024-02-19', breached: ['UK GDPR art. 6(1)', 'UK GDPR art. 9(1)'] },
  { name: 'R (Bridges) v Chief Constable of South Wales Police [2020] EWCA Civ 1058', scenario: 'bridges-south-wales-police-lfr', flows: ['afr-locate-deployment'], jurisdiction: 'UK', asOf: '2020-08-11', breached: ['HRA 1998 s. 6(1) with ECHR art. 8', 'DPA 2018 s. 64(3)(b)-(c)', 'Equality Act 2010 s. 149(1)'] },
  { name: 'CNIL deliberation SAN-2022-019 of 17 Oct 2022 (Clearview AI)', scenario: 'clearview-ai-eu', flows: ['scraping', 'search-service'], jurisdiction: 'EU', asOf: '2022-10-17', breached: ['GDPR art. 6(1)'] },
  { name: 'Garante, ordinanza ingiunzione n. 50 of 10 Feb 2022 (Clearview AI)', scenario: 'clearview-ai-eu', flows: ['scraping'], jurisdiction: 'EU', asOf: '2022-02-10', breached: ['GDPR art. 9(1)', 'GDPR art. 5(1)(b)'] },
  { name: 'ICO monetary penalty notice to Clearview AI (18 May 2022)', scenario: 'clearview-ai-uk', flows: ['scraping-and-indexing'], jurisdiction: 'UK', asOf: '2022-05-18', breached: ['UK GDPR art. 6(1)', 'UK GDPR art. 9(1)'] },
  { name: 'OPC PIPEDA Findings #2021-001 (Clearview AI)', scenario: 'clearview-ai-canada', flows: ['scraping', 'search-service'], jurisdiction: 'CA', asOf: '2021-02-02', breached: ['PIPEDA Sch. 1, cl. 4.3 (Principle 3)', 'PIPEDA s. 5(3)'] },
  { name: 'Commissioner initiated investigation into Clearview AI [2021] AICmr 54', scenario: 'clearview-ai-australia', flows: ['scraping'], jurisdiction: 'AU', asOf: '2021-10-14', breached: [APP33, APP12, APP51] },
  { name: 'Bunnings Group Ltd and Privacy Commissioner [2026] ARTA 130', scenario: 'bunnings-face-matching', flows: ['entry-matching-tribunal'], jurisdiction: 'AU', asOf: '2021-11-01', breached: [APP12, APP13, APP51] },
  { name: 'Commissioner Initiated Investigation into Bunnings [2024] AICmr 230', scenario: 'bunnings-face-matching', flows: ['entry-matching-commissioner'], jurisdiction: 'AU', asOf: '2021-11-01', breached: [APP33, APP12, APP13, APP51] },
  { name: 'FTC v. Rite Aid Corp., No. 2:23-cv-05023 (E.D. Pa. 2023)', scenario: 'ftc-rite-aid', flows: ['store-watchlist-matching'], jurisdiction: 'US', asOf: '2023-12-19', breached: [FTC('failure to assess foreseeable harms of facial recognition'), FTC('failure to test facial recognition for accuracy and bias'), FTC('surreptitious use of facial recognition')] },
  { name: 'PIPC decision on the Ministry of Justice face-photo project (27 Apr 2022)', scenario: 'kr-immigration-faces-pipc-findings', flows: ['provision-training', 'provision-validation', 'provision-citizens'], jurisdiction: 'KR', asOf: '2022-04-27', breached: ['PIPA art. 26(2); Enforcement Decree art. 28(2)-(3)'] },
];

describe('public decisions, reproduced on the record', () => {
  for (const d of DECISIONS) {
    for (const flow of d.flows) {
      it(`${d.name}: ${flow} in ${d.jurisdiction} is forbidden on the record, for what the decision found breached`, () => {
        const c = cell(d.scenario, flow, d.jurisdiction, d.asOf);
        expect(c.record!.verdict).toBe('forbidden');
        expect(c.record!.decisive.map((x) => x.citation)).toEqual(expect.arrayContaining(d.breached));
      });
    }
  }
});

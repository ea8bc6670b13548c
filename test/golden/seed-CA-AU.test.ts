/**
 * Golden matrix: the seed scenario (Korea's immigration face photos) transplanted into Canada
 * (federal), Québec and Australia, as of 1 Jun 2019 and 26 Nov 2026. Legal-order facts are
 * unknown outside Korea, so cells that turn on a domestic statute stay conditional. The same
 * verdicts hold on both dates: Law 25 changed the Québec provisions that reach the private
 * companies, but s. 44 of the IT framework Act decides their cell on both dates, and APP 1.7
 * (automated decisions, from 10 Dec 2026) is not yet in force on 26 Nov 2026.
 */
import { describe, expect, it } from 'vitest';
import { cell, matrix } from '../helpers.ts';

const ID = 'kr-immigration-faces';
const CODES = ['CA', 'CA-QC', 'AU'];

// One column set per date; the comments give the provisions behind each cell.
const EXPECTED: Record<string, Record<string, string>> = {
  // CA: the Ministry is treated as a federal institution (border control is federal): Privacy Act
  //   s. 4 is satisfied (collection for a program the law assigns: public_task_by_law) and s. 7 is
  //   not engaged (use within the original purpose); PIPEDA is out (s. 4(2)(a)). Allowed.
  // CA-QC: the same federal Privacy Act answer (CA-QC inherits CA); Québec's IT Act does not bind
  //   the federal Crown and P-39.1 binds only enterprises (s. 1). Allowed.
  // AU: APP 3.3 (faces collected for biometric verification are sensitive information, s. 6(1)(d))
  //   is lifted only if an Australian law authorises it (APP 3.4(a)): unknown in transplant mode;
  //   APPs 1.2, 1.3, 5.1 and 11.1 are open. Conditional.
  collection: { CA: 'allowed', 'CA-QC': 'allowed', AU: 'conditional' },
  // CA and CA-QC: Privacy Act s. 8(1) forbids disclosure without consent unless s. 8(2)(a)
  //   (original purpose or consistent use), (b) (an Act of Parliament) or (j) (research with an
  //   undertaking) applies; none is known. AU: APP 6.1 secondary disclosure unless APP 6.2(a)/(b)
  //   or a s. 16A situation applies. Conditional everywhere.
  'moj-to-msit': { CA: 'conditional', 'CA-QC': 'conditional', AU: 'conditional' },
  // Provision to private companies: Privacy Act ss. 7 and 8(1) (use and disclosure beyond
  //   purpose) and APP 6.1 all hinge on whether the purpose was within or consistent with border
  //   control and on a domestic statute. Conditional.
  'provision-training': { CA: 'conditional', 'CA-QC': 'conditional', AU: 'conditional' },
  'provision-validation': { CA: 'conditional', 'CA-QC': 'conditional', AU: 'conditional' },
  'provision-citizens': { CA: 'conditional', 'CA-QC': 'conditional', AU: 'conditional' },
  // Companies' training of 1:N identification: CA: PIPEDA applies (a private business acting
  //   commercially, s. 4(1)(a)) and cl. 4.3 forbids: no consent, no s. 7 exception (the data came
  //   from another organisation, not a regulated publication; no emergency). CA-QC: IT framework
  //   Act s. 44 forbids a biometric identification process without express consent (CAI's broad
  //   reading covering 1:N); PIPEDA may also apply unless the Exemption Order lifts it.
  //   AU: APP 6.1 (secondary use) is open and the small-business exemption (s. 6D) turns on the
  //   companies' turnover. Conditional.
  'companies-training': { CA: 'forbidden', 'CA-QC': 'forbidden', AU: 'conditional' },
  // Live CCTV identification: CA and CA-QC: Privacy Act s. 7 turns on whether the use stays within
  //   the original purpose or a consistent use (or a statute authorises it); Québec's IT Act does
  //   not bind the federal border agency. AU: APP 3.3 (remote face capture for identification is
  //   sensitive information) needs consent or an authorising law (APP 3.4(a)): unknown. Conditional.
  'airport-cctv': { CA: 'conditional', 'CA-QC': 'conditional', AU: 'conditional' },
};

describe.each(['2019-06-01', '2026-11-26'])('seed scenario in CA, CA-QC and AU as of %s', (asOf) => {
  const m = matrix(ID, asOf, CODES);

  it('gives the expected verdict in every cell', () => {
    const got: Record<string, Record<string, string>> = {};
    for (const [flow, row] of Object.entries(m)) got[flow] = Object.fromEntries(CODES.map((c) => [c, row[c]]));
    expect(got).toEqual(EXPECTED);
  });

  it('lets the federal collection at the border rest on the Privacy Act, not on PIPEDA', () => {
    const c = cell(ID, 'collection', 'CA', asOf);
    expect(c.decisive.map((d) => d.citation)).not.toContain('PIPEDA Sch. 1, cl. 4.3 (Principle 3)');
  });

  it('makes the ministry-to-companies provision hinge on purpose and statute (Privacy Act s. 8(2))', () => {
    const c = cell(ID, 'provision-training', 'CA', asOf);
    expect(c.dependsOn).toEqual(expect.arrayContaining(['purpose.within_original', 'purpose.reasonably_related', 'law.statute_authorises']));
  });

  it('makes the Australian collection hinge on an authorising Australian law (APP 3.4(a))', () => {
    expect(cell(ID, 'collection', 'AU', asOf).dependsOn).toContain('law.statute_authorises');
  });

  it("makes the companies' Australian cell hinge on the small-business threshold (s. 6D)", () => {
    expect(cell(ID, 'companies-training', 'AU', asOf).dependsOn).toContain('sender.annual_turnover_aud');
  });

  it("forbids the companies' training in Québec under the IT framework Act s. 44", () => {
    expect(cell(ID, 'companies-training', 'CA-QC', asOf).decisive.map((d) => d.citation)).toContain('C-1.1 s. 44, para. 1, first sentence');
  });
});

/**
 * Teaching hypothetical (no real decision): a Brazilian federal identity-document agency passes a
 * copy of its citizens' photo database to a private AI firm under a "cooperation agreement" so the
 * firm can train a commercial face-recognition product. The law exercised is LGPD arts. 7, 11,
 * 23, 26 and 27 (Lei nº 13.709/2018, in force 18 Sep 2020):
 *   - art. 26 §1 bars public bodies from transferring their databases to private entities, save
 *     (I) decentralised execution of a public activity, (III) publicly accessible data, (IV) a
 *     legal provision or a contract/agreement (read with the caput: serving a public policy),
 *     (V) fraud prevention / the subject's safety only; art. 27 adds consent as a route and asks
 *     for the ANPD to be informed; art. 26 §2 requires the agreements to be reported to the ANPD.
 *   - art. 11: once the firm computes face templates the data are biometric (art. 5 II), and a
 *     private firm's product development has no art. 11 ground (no legitimate interests, no contract).
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'brazil-ministry-database-to-ai-firm';
const ASOF = '2024-06-01';

describe('Brazil: ministry database to a private AI firm (hypothetical, LGPD arts. 26-27)', () => {
  it('the transfer for the firm\'s own product is forbidden: no art. 26 §1 exception, no consent under art. 27', () => {
    expect(matrix(ID, ASOF, ['BR'])['transfer-to-ai-firm'].BR).toBe('forbidden');
    const citations = decisiveCitations(ID, 'transfer-to-ai-firm', 'BR', ASOF);
    expect(citations).toContain('LGPD art. 26 §1');
    expect(citations).toContain('LGPD art. 27');
    // The agreement serves no public policy of the agency, so the shared use also fails the caput.
    expect(citations).toContain('LGPD art. 26 caput');
    // The agreement was neither reported to the ANPD (§2) nor published (art. 23 I).
    expect(citations).toContain('LGPD art. 26 §2');
    expect(citations).toContain('LGPD art. 23(I)');
  });

  it('what would have to change: the cell turns on whether the transfer serves the agency\'s legal task and on the agreement (art. 26 §1 IV)', () => {
    const c = cell(ID, 'transfer-to-ai-firm', 'BR', ASOF);
    expect(c.dependsOn).toContain('sender.public_task_by_law');
    expect(c.dependsOn).toContain('safeguards.sharing_agreement');
  });

  it('a transfer to the concessionaire running the ID counters is allowed under art. 26 §1 I (decentralised execution of a public activity)', () => {
    expect(matrix(ID, ASOF, ['BR'])['transfer-to-concessionaire'].BR).toBe('allowed');
    const citations = decisiveCitations(ID, 'transfer-to-concessionaire', 'BR', ASOF);
    expect(citations).toContain('LGPD art. 26 §1(I)');
    expect(citations).toContain('LGPD art. 7(III)');
  });

  it('the agency\'s own collection of photos for ID documents rests on art. 7 II-III and was published (art. 23 I)', () => {
    const c = cell(ID, 'collection', 'BR', ASOF);
    expect(c.verdict).toBe('allowed');
    expect(c.decisive.map((d) => d.citation)).toContain('LGPD art. 7(III)');
    expect(c.obligations).toContainEqual(expect.objectContaining({ citation: 'LGPD art. 23(I)', status: 'met' }));
  });

  it('the firm\'s template building is forbidden by art. 11: biometric data, no consent, no art. 11 ground for a private product', () => {
    expect(matrix(ID, ASOF, ['BR'])['firm-training'].BR).toBe('forbidden');
    expect(decisiveCitations(ID, 'firm-training', 'BR', ASOF)).toContain('LGPD art. 11 (with art. 5(II))');
  });

  it('before the LGPD took effect (18 Sep 2020) no encoded Brazilian instrument covered the transfer', () => {
    expect(matrix(ID, '2020-09-17', ['BR'])['transfer-to-ai-firm'].BR).toBe('not-covered');
    expect(matrix(ID, '2020-09-18', ['BR'])['transfer-to-ai-firm'].BR).toBe('forbidden');
  });

  it('transplanted to Singapore the agency is a public agency outside the PDPA (s. 4(1)(c)): not covered, which is not allowed', () => {
    expect(matrix(ID, ASOF, ['SG'])['transfer-to-ai-firm'].SG).toBe('not-covered');
    expect(decisiveCitations(ID, 'transfer-to-ai-firm', 'SG', ASOF)).toContain('PDPA s. 4(1)(c)');
  });

  it('transplanted to India in 2024 nothing is covered: the DPDP Act\'s obligations were not yet in force', () => {
    expect(matrix(ID, ASOF, ['IN'])['transfer-to-ai-firm'].IN).toBe('not-covered');
  });
});

/**
 * Golden: the seed scenario (Korean immigration face photos) transplanted into Japan.
 * Public flows fall under the Act on administrative organs (APPIHAO) until 31 Mar 2022 and under
 * APPI Chapter V from 1 Apr 2022; the companies fall under APPI Chapter IV (renumbered on 1 Apr 2022).
 */
import { describe, expect, it } from 'vitest';
import { cell, decisiveCitations, matrix } from '../helpers.ts';

const ID = 'kr-immigration-faces';
const PUBLIC_OUT_OF_PURPOSE = ['moj-to-msit', 'provision-training', 'provision-validation', 'provision-citizens', 'airport-cctv'];

describe('seed scenario, Japan', () => {
  it('2019-06-01: collection allowed; every later flow conditional', () => {
    const m = matrix(ID, '2019-06-01', ['JP']);
    // collection: holding faces for statutory border control (APPIHAO art. 3(1)) within the purpose
    // of use; art. 8(1) not engaged. Face data are not special care-required information.
    expect(m.collection.JP).toBe('allowed');
    // The ministry's flows: whether they stay within the purpose of use is unknown; if not,
    // APPIHAO art. 8(1) forbids unless a law provides for it (unknown in transplant mode), or an item of
    // art. 8(2) applies (no consent; provision to private firms is not to a public body; research?).
    for (const f of PUBLIC_OUT_OF_PURPOSE) expect(m[f].JP).toBe('conditional');
    // companies-training: the companies are business operators; APPI art. 16(1) (old numbering) if the
    // training goes beyond their purpose of use and no related change (art. 15(2)) or law covers it.
    expect(m['companies-training'].JP).toBe('conditional');
  });

  it('2019: the citations are the pre-2022 ones (APPIHAO art. 8(1), APPI art. 16(1))', () => {
    expect(decisiveCitations(ID, 'provision-training', 'JP', '2019-06-01')).toEqual(['APPIHAO art. 8(1)']);
    expect(decisiveCitations(ID, 'companies-training', 'JP', '2019-06-01')).toEqual(['APPI art. 16(1)']);
  });

  it('2026-11-26: same verdicts under APPI art. 69(1) and art. 18(1)', () => {
    const m = matrix(ID, '2026-11-26', ['JP']);
    expect(m.collection.JP).toBe('allowed');
    for (const f of PUBLIC_OUT_OF_PURPOSE) expect(m[f].JP).toBe('conditional');
    expect(m['companies-training'].JP).toBe('conditional');
    expect(decisiveCitations(ID, 'provision-citizens', 'JP', '2026-11-26')).toEqual(['APPI art. 69(1)']);
    expect(decisiveCitations(ID, 'companies-training', 'JP', '2026-11-26')).toEqual(['APPI art. 18(1)']);
  });

  it('2026: the provision to companies hinges on purpose and on a Japanese statute', () => {
    const c = cell(ID, 'provision-training', 'JP', '2026-11-26');
    expect(c.dependsOn).toEqual(expect.arrayContaining(['purpose.within_original', 'law.statute_authorises']));
    // No consent was given, so the consent item of art. 69(2)(i) cannot decide it.
    expect(c.dependsOn).not.toContain('basis.consent');
  });

  it('2026: the companies\' training hinges on whether the new purpose is reasonably related', () => {
    const c = cell(ID, 'companies-training', 'JP', '2026-11-26');
    expect(c.dependsOn).toEqual(expect.arrayContaining(['purpose.within_original', 'purpose.reasonably_related']));
  });
});

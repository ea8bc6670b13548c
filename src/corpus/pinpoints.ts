/**
 * The order of pinpoints within one instrument ("art. 18(2) item 2", "s. 15(b)",
 * "740 ILCS 14/15(b)", "Sch. 1 para 6", "reg. 8(1)(a)"), so that a rule file can be checked to read in
 * the instrument's own order. A citation is ordered by its first pinpoint: what follows
 * ";", " with " or " and ", and an explanatory parenthesis, names further provisions
 * or says which reading is encoded, not where the provision sits.
 */

type Token =
  | { kind: 'word'; rank: number; text: string }
  | { kind: 'number'; value: number; suffix: string; bracketed: boolean }
  | { kind: 'letter'; text: string };

/** Designators, in the order their parts come within an instrument (body before schedules). */
const DESIGNATORS: Record<string, number> = {
  caput: 0, art: 1, s: 1, '§': 1, r: 1, reg: 1, item: 3, para: 3, cl: 3, point: 3, app: 3, part: 3, sch: 9, annex: 9, schedule: 9,
};
const PLURAL: Record<string, string> = { arts: 'art', ss: 's', regs: 'reg', '§§': '§', paras: 'para', items: 'item', points: 'point', cls: 'cl' };
const FIRST_DESIGNATOR = /(?:^|[\s(,])(arts?\.|ss?\.|§§?|Sch\.|cl\.|APP\b|paras?\b|r\.|regs?\.|Annex\b)/;
const ROMAN = /^[IVX]+$/;

function roman(text: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = values[text[i]];
    total += v < (values[text[i + 1]] ?? 0) ? -v : v;
  }
  return total;
}

/** The first pinpoint of a citation, as comparable tokens. */
export function pinpointKey(citation: string): Token[] {
  const start = citation.match(FIRST_DESIGNATOR);
  let text = start ? citation.slice(start.index! + start[0].indexOf(start[1])) : citation;
  // A parenthesis after a space says which reading is encoded ("(destruction)", "(as enacted
  // 1993)"); one attached to the number, or a short one after a comma ("(1), (3)"), is a pinpoint.
  text = text.split(/;| with | and |, (?=[a-z])(?!paras?\b|cl\.|item)| \((?![\w.-]{1,5}\))|: /)[0];
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\(([^)\s]+)\)|§§?|(\d+(?:\.\d+)?)([A-Za-z]*)|([A-Za-z]+)/g)) {
    const [whole, inner, digits, suffix, word] = m;
    if (inner !== undefined) {
      const n = inner.match(/^(\d+(?:\.\d+)?)(.*)$/);
      if (n) tokens.push({ kind: 'number', value: Number(n[1]), suffix: n[2].toLowerCase(), bracketed: true });
      else if (ROMAN.test(inner)) tokens.push({ kind: 'number', value: roman(inner), suffix: '', bracketed: true });
      else tokens.push({ kind: 'letter', text: inner.toLowerCase() });
    } else if (digits !== undefined) {
      // "1798.140" and "3.3" are section numbers, not decimals: each part orders on its own.
      for (const [i, part] of digits.split('.').entries()) {
        tokens.push({ kind: 'number', value: Number(part), suffix: i === digits.split('.').length - 1 ? suffix.toLowerCase() : '', bracketed: false });
      }
    } else {
      const w = (word ?? whole).toLowerCase();
      const name = PLURAL[w] ?? w;
      tokens.push({ kind: 'word', rank: DESIGNATORS[name] ?? 5, text: name });
    }
  }
  return tokens;
}

function compareTokens(a: Token, b: Token): number {
  if (a.kind === 'number' && b.kind === 'number') {
    // A paragraph "(1)" of art. 25 comes before art. 25-2.
    if (a.bracketed !== b.bracketed) return a.bracketed ? -1 : 1;
    return a.value - b.value || (a.suffix < b.suffix ? -1 : a.suffix > b.suffix ? 1 : 0);
  }
  if (a.kind === 'word' && b.kind === 'word') return a.rank - b.rank || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  if (a.kind === 'letter' && b.kind === 'letter') return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  // The head of an article comes first; its numbered items before its named parts ("art. 18(II)" before "art. 18 §2").
  if (a.kind === 'word' || b.kind === 'word') return a.kind === 'word' ? (a.text === 'caput' ? -1 : 1) : b.kind === 'word' && b.text === 'caput' ? 1 : -1;
  return a.kind === 'number' ? -1 : 1;
}

/** Negative when citation a comes before b in the instrument, 0 when they share a first pinpoint. */
export function comparePinpoints(a: string, b: string): number {
  const ka = pinpointKey(a);
  const kb = pinpointKey(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const c = compareTokens(ka[i], kb[i]);
    if (c !== 0) return c;
  }
  return ka.length - kb.length;
}

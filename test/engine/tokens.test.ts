import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, tokenize } from '../../rules/src/tokens.js';

/** Invisible characters a word may hold (as in tokens.ts). */
const INVISIBLE = '\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2062\u2064\u2066-\u2069\uFEFF';

/**
 * The tokenizer's rule written as one regular expression: letters, marks and digits with invisible characters
 * between them, then inner apostrophes each followed by letters; any other character that is not white space is a
 * token of its own; hyphens are dropped.
 */
const TOKEN_RULE = new RegExp(
  `[\\p{L}\\p{M}\\p{N}]+(?:[${INVISIBLE}]+[\\p{L}\\p{M}\\p{N}]+)*(?:['’][\\p{L}\\p{M}]+(?:[${INVISIBLE}]+[\\p{L}\\p{M}]+)*)*|[^\\s\\p{L}\\p{M}\\p{N}]`,
  'gu',
);

function byRule(text: string, from = 0, to = text.length): Array<{ text: string; start: number; end: number; norm: string; word: boolean }> {
  const slice = text.slice(from, to);
  return [...slice.matchAll(TOKEN_RULE)]
    .filter((m) => !['-', '\u2010', '\u2011'].includes(m[0]))
    .map((m) => {
      const raw = m[0];
      const word = raw.length > 1 || /[\p{L}\p{M}\p{N}]/u.test(raw);
      return { norm: word ? normalize(raw) : raw === '’' ? "'" : raw, text: raw, start: from + m.index, end: from + m.index + raw.length, word };
    });
}

/** Characters of every kind the tokenizer tells apart, including the awkward ones. */
const CHARACTERS = [
  'a', 'Z', 'é', 'ß', 'İ', 'ǅ', 'д', '中', '0', '9', '٣', '²', 'Ⅻ', '\u0301', '\u0903', '\u0640',
  ' ', '\t', '\n', '\r', '\u000B', '\u0085', '\u00A0', '\u1680', '\u180E', '\u2000', '\u2028', '\u202F', '\u3000',
  "'", '’', '‘', '"', '-', '\u2010', '\u2011', '—', '.', ',', '£', '@', '_',
  '\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u202A', '\u2060', '\u2062', '\u2063', '\u2064', '\u2066', '\uFEFF',
  '😀', '𝐀', '𝟘', '\uD800', '\uDC00',
];

describe('tokenize', () => {
  it('splits words, numbers and punctuation, keeping inner apostrophes and dropping hyphens', () => {
    expect(tokenize('Hard-to-reach King’s 2nd; can\u200Dnot').map((t) => `${t.start}-${t.end} ${t.norm} ${t.word}`)).toEqual([
      '0-4 hard true',
      '5-7 to true',
      '8-13 reach true',
      "14-20 king's true",
      '21-24 2nd true',
      '24-25 ; false',
      '26-33 cannot true',
    ]);
  });

  it('agrees with its rule as a regular expression on any text and any range of it', () => {
    const text = fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.nat(6), fc.nat(6), (s, a, b) => {
        const from = Math.min(a, s.length);
        const to = Math.max(from, s.length - b);
        expect(tokenize(s, from, to)).toEqual(byRule(s, from, to));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with its rule for every character of the Basic Multilingual Plane, alone and inside a word', () => {
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `ab${ch}cd`, `a'${ch}x`, `a\u200B${ch}b`]) {
        if (JSON.stringify(tokenize(s)) !== JSON.stringify(byRule(s))) differing.push(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
    }
    expect(differing).toEqual([]);
  });
});

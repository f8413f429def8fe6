import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineUnits, sentenceRanges, unitSentences } from '../../rules/src/sentences.js';

/** What retext-english (parse-latin) reads as white space: JavaScript's \s without U+FEFF, with U+0085. */
const RETEXT_SPACE = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;

/**
 * The linter leaves a line unit unparsed when none of its tokens could start a finding, and takes its tokens as
 * exactly the unit's. That holds while retext-english's sentences stay inside their unit and the last one ends at the
 * unit's last character that retext-english does not read as white space: these tests fail if a new version of it
 * breaks that.
 */
function unitsHold(text: string): string[] {
  const problems: string[] = [];
  const sentences = sentenceRanges(text);
  for (const [from, to] of lineUnits(text)) {
    let last = -1;
    for (let i = from; i < to; i++) if (!RETEXT_SPACE.test(text[i]!)) last = i;
    const inside = sentences.filter(([s, e]) => s >= from && e <= to);
    if (sentences.some(([s, e]) => (s < from && e > from) || (s < to && e > to))) problems.push(`a sentence crosses the unit ${from}-${to}`);
    const end = inside.at(-1)?.[1];
    if (last < 0 ? inside.length > 0 : end !== last + 1) problems.push(`unit ${from}-${to}: last sentence ends at ${end}, last character at ${last}`);
  }
  return problems;
}

const PIECES = [
  'a', 'B', 'word', 'Mr', 'e.g', 'U.S.', '1', '2.5', ' ', ' ', ' ', '\t', '\n', '\r\n', '.', '.', '!', '?', '…', '‽', ',', ';', ':',
  '"', "'", '’', '(', ')', '-', '—', '&', '/', '•', '- ', '1. ', '\u0085', '\u00A0', '\uFEFF', '\u2063', '\u200B', '😀', '\uD800', 'é', '\u0301', '£', '#',
];

describe('sentence ranges and line units', () => {
  it('keep each unit’s sentences inside it, the last ending at its last character that is not white space', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }).map((a) => a.join('')), (text) => {
        expect(unitsHold(text)).toEqual([]);
      }),
      { numRuns: 5_000 },
    );
    const wrapped = 'Staff networks told us that\nthe Trust should act. It will.\n\n- first item\n- Second item. More here\n2. Scope';
    expect(unitsHold(wrapped)).toEqual([]);
  });

  it('parses only the units it is asked to, in order', () => {
    const text = 'A heading\nThe first sentence. The second one.\nAnother line';
    const asked: string[] = [];
    const units = unitSentences(text, (from, to) => {
      asked.push(text.slice(from, to));
      return from > 0 && from < 20;
    });
    expect(asked).toEqual(['A heading', 'The first sentence. The second one.', 'Another line']);
    expect(units).toEqual([
      { from: 0, to: 9 },
      { from: 10, to: 45, sentences: [[10, 29], [30, 45]] },
      { from: 46, to: 58 },
    ]);
  });
});

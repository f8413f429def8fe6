import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root as NlcstRoot } from 'nlcst';

const englishParser = unified().use(retextEnglish);

/**
 * Characters handed to retext-english at once. Its parser spreads a word's or sentence's parts into function
 * arguments (a 70,000-part hyphen chain overflows the stack) and splices arrays in ways that grow with the square
 * of a paragraph's length, so longer text is parsed in windows that end at a sentence end (or a space) near this size.
 */
export const SENTENCE_WINDOW = 10_000;

/** Sentence ranges of `text` (offsets within it), from retext-english. */
export function sentenceRanges(text: string): Array<[number, number]> {
  if (text.length <= SENTENCE_WINDOW) return parseSentences(text, 0);
  const out: Array<[number, number]> = [];
  for (let start = 0; start < text.length; ) {
    const end = windowEnd(text, start);
    out.push(...parseSentences(text.slice(start, end), start));
    start = end;
  }
  return out;
}

function parseSentences(text: string, offset: number): Array<[number, number]> {
  const tree = englishParser.parse(text) as NlcstRoot;
  const out: Array<[number, number]> = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      const s = sentence.position?.start.offset;
      const e = sentence.position?.end.offset;
      if (s !== undefined && e !== undefined) out.push([s + offset, e + offset]);
    }
  }
  return out;
}

/** Where the window starting at `start` ends: after the last sentence end in its second half, else its last space, else its size. */
function windowEnd(text: string, start: number): number {
  const limit = start + SENTENCE_WINDOW;
  if (limit >= text.length) return text.length;
  const floor = start + SENTENCE_WINDOW / 2;
  let space = -1;
  for (let i = limit; i > floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      const before = text.charCodeAt(i - 1);
      if (before === 46 || before === 33 || before === 63) return i;
      if (space < 0) space = i;
    }
  }
  if (space > 0) return space;
  // No space at all: cut, but never between the halves of a surrogate pair.
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

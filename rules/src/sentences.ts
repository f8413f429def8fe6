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

/** Words a wrapped line can end on when its sentence goes on below: "in partnership with the". */
const CONTINUES = /(?:^|[\s(])(?:a|an|the|and|or|of|to|in|on|at|for|with|by|from|as|our|your|their|its|his|her|is|are|be|will|can|who|which|that|than|&)$/i;
/** Closing punctuation, and bullets that start a new item. */
const CLOSED = /[.!?:;]["'’”)\]]*$/;
const ITEM_START = /^(?:[-*+•·▪–]|\d{1,3}[.)])\s/;

/**
 * Where a block's lines are separate units rather than one wrapped sentence: real documents pasted as text put
 * labels, headings, table rows and list items on lines of their own. A line break ends a unit after closing
 * punctuation, before a bullet, or when the next line starts with a capital or digit and the line does not end on a
 * word that needs more ("…with the"). Offsets of each unit within `text`.
 */
export function lineUnits(text: string): Array<[number, number]> {
  const units: Array<[number, number]> = [];
  let start = 0;
  let lineStart = 0;
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    // Only this physical line is looked at, however long the unit has grown.
    const line = text.slice(lineStart, m.index).trimEnd();
    lineStart = m.index + m[0].length;
    const next = text.slice(m.index + m[0].length, m.index + m[0].length + 80).trimStart();
    const ends = line.trim() === '' || CLOSED.test(line) || ITEM_START.test(next) || (/^[\p{Lu}\p{N}"'‘“(£]/u.test(next) && !CONTINUES.test(line));
    if (ends) {
      units.push([start, m.index]);
      start = m.index + m[0].length;
    }
  }
  units.push([start, text.length]);
  return units.filter(([s, e]) => /\S/.test(text.slice(s, e)));
}

/** Sentence ranges of `text` (offsets within it), from retext-english, never running across a line unit. */
export function sentenceRanges(text: string): Array<[number, number]> {
  return unitSentences(text).flatMap((unit) => unit.sentences ?? []);
}

/** A line unit (offsets within the text) and its sentences; none when it was not worth parsing. */
export interface UnitSentences {
  from: number;
  to: number;
  sentences?: Array<[number, number]>;
}

/**
 * The line units of `text` with their sentence ranges from retext-english. `worth`, when given, is asked about each
 * unit in order; a unit it declines is not parsed. Each unit's sentences lie inside it and the last ends at its last
 * character that retext-english does not read as white space (test/engine/sentences.test.ts checks this).
 */
export function unitSentences(text: string, worth?: (from: number, to: number) => boolean): UnitSentences[] {
  const out: UnitSentences[] = [];
  for (const [from, to] of lineUnits(text)) {
    if (worth && !worth(from, to)) {
      out.push({ from, to });
      continue;
    }
    const unit = from === 0 && to === text.length ? text : text.slice(from, to);
    const sentences: Array<[number, number]> = [];
    if (unit.length <= SENTENCE_WINDOW) sentences.push(...parseSentences(unit, from));
    else {
      for (let start = 0; start < unit.length; ) {
        const end = windowEnd(unit, start);
        sentences.push(...parseSentences(unit.slice(start, end), from + start));
        start = end;
      }
    }
    out.push({ from, to, sentences });
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
      if (s === undefined || e === undefined) continue;
      // A remark in brackets straight after a sentence comments on it: "Own car? (Useful but not essential!)".
      const prev = out.at(-1);
      if (prev && /^\([^()]*\)[.!?]*$/.test(text.slice(s, e)) && /^[ \t]*$/.test(text.slice(prev[1] - offset, s))) prev[1] = e + offset;
      else out.push([s + offset, e + offset]);
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

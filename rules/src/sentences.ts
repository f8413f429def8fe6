import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root as NlcstRoot } from 'nlcst';

const englishParser = unified().use(retextEnglish);

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
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    const line = text.slice(start, m.index).trimEnd();
    const next = text.slice(m.index + m[0].length).trimStart();
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
  const out: Array<[number, number]> = [];
  for (const [from, to] of lineUnits(text)) {
    const unit = from === 0 && to === text.length ? text : text.slice(from, to);
    const tree = englishParser.parse(unit) as NlcstRoot;
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue;
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue;
        const s = sentence.position?.start.offset;
        const e = sentence.position?.end.offset;
        if (s !== undefined && e !== undefined) out.push([from + s, from + e]);
      }
    }
  }
  return out;
}

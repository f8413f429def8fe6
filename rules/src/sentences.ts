import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root as NlcstRoot } from 'nlcst';

const englishParser = unified().use(retextEnglish);

/** Sentence ranges of `text` (offsets within it), from retext-english. */
export function sentenceRanges(text: string): Array<[number, number]> {
  const tree = englishParser.parse(text) as NlcstRoot;
  const out: Array<[number, number]> = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      const s = sentence.position?.start.offset;
      const e = sentence.position?.end.offset;
      if (s !== undefined && e !== undefined) out.push([s, e]);
    }
  }
  return out;
}

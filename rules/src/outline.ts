import { lineStartOf } from './positions.js';
import type { ProseView } from './prose.js';

const BULLET_START = /^(?:[-*+•·▪–]|\d{1,3}[.)])\s/;

/**
 * True for a line that reads as a heading or a label rather than a sentence: short, starting with a capital or a
 * digit, and not closed like a sentence ("Job summary", "ESSENTIAL CRITERIA", "Main duties:"). Real documents pasted
 * as text often carry their headings this way.
 */
export function headingLike(line: string): boolean {
  let text = line.trim();
  // A numbered section heading ("2. Scope", "3.1 Purpose") is a heading when what follows the number is one.
  const numbered = /^\d{1,3}(?:\.\d{1,3})*[.)]?\s+(?=\p{Lu})/u.exec(text);
  if (numbered) {
    text = text.slice(numbered[0].length);
    if (text.split(/\s+/).length > 6) return false;
  }
  if (text.length < 2 || text.length > 90 || BULLET_START.test(text) || !/^[\p{Lu}\p{N}]/u.test(text) || !/\p{L}/u.test(text)) return false;
  const words = text.split(/\s+/).length;
  if (text.endsWith(':')) return words <= 6;
  return words <= 12 && !/[.,;!?]["'’”)]*$/.test(text) && !/:\s*\S/.test(text);
}

/**
 * A short line that asks one question, as health pages and FAQs head their sections ("What is sickle cell?",
 * "Who can have a health check?"). Kind reading takes it as a heading; sections and outlines do not, since a
 * question can also be a line of running text.
 */
export function questionHeading(line: string): boolean {
  const text = line.trim();
  return /^\p{Lu}[^.!?\n]{2,80}\?$/u.test(text) && text.split(/\s+/).length <= 12;
}

/** A heading or heading-like line of the document, with its offset. */
export interface OutlineEntry {
  text: string;
  offset: number;
}

/** The view's headings, and the heading-like lines of its other blocks (not table rows), in document order. */
export function outline(view: ProseView, source: string): OutlineEntry[] {
  const out: OutlineEntry[] = view.headings.map((text, i) => ({ text, offset: view.headingOffsets[i]! }));
  // Lines that are already headings, by where their line starts ("## Title" is known by its '#').
  const lineOf = (offset: number): number => lineStartOf(source, offset);
  const known = new Set(view.headingOffsets.map(lineOf));
  for (const block of view.blocks) {
    const text = view.text.slice(block.start, block.end);
    for (const m of text.matchAll(/[^\r\n]+/g)) {
      const line = m[0];
      if (!headingLike(line)) continue;
      const offset = block.start + m.index + (line.length - line.trimStart().length);
      // Lines after the block's first start where they are; the first may start before the block ("## Title").
      const lineStart = m.index === 0 ? lineOf(block.start) : block.start + m.index;
      if (known.has(lineStart)) continue;
      // A bullet of a Markdown list ("- Diploma in Medical Studies") is an item, whatever its capitals: the view has
      // dropped its marker, so look at the source.
      if (/^[ \t]*[-*+•●▪][ \t]/.test(source.slice(lineStart, offset + 1))) continue;
      // A table cell ("| Essential | Desirable |") is a column heading, not a section of the document.
      const lineEnd = source.indexOf('\n', offset);
      if (source.slice(lineStart, lineEnd < 0 ? source.length : lineEnd).includes('|')) continue;
      out.push({ text: line.trim(), offset });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

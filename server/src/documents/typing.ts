/**
 * Holding back the finding under the word being typed (as Harper and LTeX do): a word half typed should not
 * flash a squiggle. Pure functions; the server keeps the timers.
 */

/** Letters, digits, apostrophes and hyphens make up a word while it is typed. */
const WORD_CHAR = /[\p{L}\p{N}'’\-]/u;

/** The word around `offset` (the caret after an edit), or undefined when the caret is not in or next to one. */
export function wordAt(text: string, offset: number): { start: number; end: number } | undefined {
  let start = Math.min(Math.max(offset, 0), text.length);
  let end = start;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  return start === end ? undefined : { start, end };
}

/**
 * Where the caret is after a change, as an offset in the changed text: the end of the inserted text.
 * `rangeStart` is the offset of the change's start in the changed text. Undefined for changes that are not
 * typing: whole-document replacements and insertions of more than one line.
 */
export function caretAfter(change: { range?: unknown; text: string }, rangeStart: number | undefined): number | undefined {
  if (change.range === undefined || rangeStart === undefined || /[\r\n]/.test(change.text)) return undefined;
  return rangeStart + change.text.length;
}

/** Splits findings into those shown now and those held back because they touch the word at the caret. */
export function holdBack<T extends { offset: { start: number; end: number }; scope: string }>(
  findings: readonly T[],
  text: string,
  caret: number | undefined,
): { shown: T[]; held: T[] } {
  const word = caret === undefined ? undefined : wordAt(text, caret);
  if (!word) return { shown: [...findings], held: [] };
  const shown: T[] = [];
  const held: T[] = [];
  for (const f of findings) {
    const touches = f.scope === 'span' && f.offset.start <= word.end && f.offset.end >= word.start;
    (touches ? held : shown).push(f);
  }
  return { shown, held };
}

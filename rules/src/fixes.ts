import type { Finding } from './types.js';

/** One replacement a fix-all may make: offsets into the text the finding came from. */
export interface SafeEdit {
  start: number;
  end: number;
  text: string;
  ruleId: string;
}

/**
 * The replacement a finding can safely take, if any: a span finding marked safe (its first suggestion reads right in
 * its sentence), whose suggestion differs from the text as written, and whose offsets still hold `actual` in `text`.
 * Document-level insertions and findings whose fix depends on the reader's choice are left for a person.
 */
export function safeEdit(text: string, finding: Finding): SafeEdit | undefined {
  const { scope, suggestions, offset, actual, insert } = finding;
  if (scope !== 'span' || insert || finding.safe !== true || suggestions.length === 0) return undefined;
  const replacement = suggestions[0]!;
  if (replacement === actual || offset.end <= offset.start) return undefined;
  if (text.slice(offset.start, offset.end) !== actual) return undefined;
  return { start: offset.start, end: offset.end, text: replacement, ruleId: finding.ruleId };
}

/**
 * Every safe edit the findings offer, in text order, without overlaps: chosen from the end of the text backwards,
 * so of two overlapping edits the later one in the text wins. The CLI's --fix and the editor's fix-all share it.
 */
export function safeEdits(text: string, findings: readonly Finding[]): SafeEdit[] {
  const candidates = findings
    .map((f) => safeEdit(text, f))
    .filter((e): e is SafeEdit => e !== undefined)
    .sort((a, b) => b.start - a.start || b.end - a.end);
  const chosen: SafeEdit[] = [];
  let limit = Infinity;
  for (const edit of candidates) {
    if (edit.end > limit) continue;
    limit = edit.start;
    chosen.push(edit);
  }
  return chosen.reverse();
}

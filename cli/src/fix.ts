import type { Finding } from '@fairword/rules';

/** One replacement `--fix` may make: offsets into the text the finding came from. */
export interface SafeEdit {
  start: number;
  end: number;
  text: string;
  ruleId: string;
}

/** Passes `--fix` makes over one file at most, re-checking the text after each (a guard against fixes that oscillate). */
export const MAX_FIX_PASSES = 10;

/**
 * The replacement a finding can safely take, if any: a span finding with exactly one suggestion that differs
 * from the text as written, and whose offsets still hold `actual` in `text`. Document-level insertions and
 * findings with a choice of suggestions are left for a person.
 */
export function safeEdit(text: string, finding: Finding): SafeEdit | undefined {
  const { scope, suggestions, offset, actual, insert } = finding;
  if (scope !== 'span' || insert || suggestions.length !== 1) return undefined;
  const replacement = suggestions[0]!;
  if (replacement === actual || offset.end <= offset.start) return undefined;
  if (text.slice(offset.start, offset.end) !== actual) return undefined;
  return { start: offset.start, end: offset.end, text: replacement, ruleId: finding.ruleId };
}

/**
 * Applies every safe edit the findings offer, from the end of the text backwards so earlier offsets hold.
 * Overlapping edits are dropped (the later one in the text wins). Text outside the findings never changes.
 */
export function applySafeFixes(text: string, findings: readonly Finding[]): { text: string; applied: SafeEdit[] } {
  const edits = findings
    .map((f) => safeEdit(text, f))
    .filter((e): e is SafeEdit => e !== undefined)
    .sort((a, b) => b.start - a.start || b.end - a.end);
  const applied: SafeEdit[] = [];
  let out = text;
  let limit = Infinity;
  for (const edit of edits) {
    if (edit.end > limit) continue;
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    limit = edit.start;
    applied.push(edit);
  }
  return { text: out, applied: applied.reverse() };
}

/**
 * Fixes `text` until no safe fix is left (or {@link MAX_FIX_PASSES} passes), re-checking it with `check` after
 * each pass; only findings `wanted` accepts are fixed. Returns the final text, the number of replacements made
 * and the result of checking the final text.
 */
export function fixText<R extends { findings: Finding[] }>(
  text: string,
  check: (text: string) => R,
  wanted: (finding: Finding) => boolean = () => true,
  first: R = check(text),
): { text: string; fixes: number; result: R } {
  let current = text;
  let result = first;
  let fixes = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { text: next, applied } = applySafeFixes(current, result.findings.filter(wanted));
    if (applied.length === 0 || next === current) break;
    fixes += applied.length;
    current = next;
    result = check(current);
  }
  return { text: current, fixes, result };
}

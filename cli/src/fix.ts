import { safeEdit, safeEdits, type Finding, type SafeEdit } from '@fairword/rules';

export { safeEdit, type SafeEdit };

/** Passes `--fix` makes over one file at most, re-checking the text after each (a guard against fixes that oscillate). */
export const MAX_FIX_PASSES = 10;

/**
 * Applies every safe edit the findings offer (see `safeEdits` in @fairword/rules), from the end of the text
 * backwards so earlier offsets hold. Text outside the findings never changes.
 */
export function applySafeFixes(text: string, findings: readonly Finding[]): { text: string; applied: SafeEdit[] } {
  const applied = safeEdits(text, findings);
  let out = text;
  for (let i = applied.length - 1; i >= 0; i--) {
    const edit = applied[i]!;
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return { text: out, applied };
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

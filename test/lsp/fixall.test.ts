import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLinter } from '@fairword/rules';
import { safeFixEdits, stableFixEdits } from '../../server/src/features/actions.js';

const linter = createLinter();
const relint = (text: string) => linter.lint(text, { format: 'plaintext' }).findings;
const apply = (text: string, edits: Parameters<typeof TextDocument.applyEdits>[1]) =>
  TextDocument.applyEdits(TextDocument.create('x', 'plaintext', 0, text), edits);
const fixAll = (text: string) => apply(text, stableFixEdits(text, safeFixEdits(text, relint(text)), relint));

describe('editor fix-all is idempotent', () => {
  it('repeats when one fix reveals another, as one edit', () => {
    // An organisation's terms, each with one replacement (safe): the first replacement is itself a term.
    const own = createLinter({ terms: [{ phrase: 'ninja', suggestions: ['rockstar'] }, { phrase: 'rockstar', suggestions: ['expert'] }] });
    const check = (text: string) => own.lint(text, { format: 'plaintext' }).findings;
    const ownFixAll = (text: string) => apply(text, stableFixEdits(text, safeFixEdits(text, check(text)), check));
    const text = 'Ask the ninja.\n\nAsk the salesman.';
    const once = ownFixAll(text);
    expect(once).toBe('Ask the expert.\n\nAsk the salesperson.');
    expect(ownFixAll(once)).toBe(once);
  });
  it('returns the per-finding edits when one pass is already stable', () => {
    const text = 'He/she will work with hard-to-reach groups.';
    const first = safeFixEdits(text, relint(text));
    expect(stableFixEdits(text, first, relint)).toBe(first);
    expect(apply(text, first)).toBe('They will work with under-served groups.');
  });
  it('leaves a fix that would break the verb to the writer', () => {
    expect(fixAll('He/she works with hard-to-reach groups.')).toBe('He/she works with under-served groups.');
  });
});

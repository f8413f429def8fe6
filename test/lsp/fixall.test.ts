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
    const text = 'We want a young young person.\n\nAsk the salesman.';
    const once = fixAll(text);
    expect(once).toBe('We want a person.\n\nAsk the salesman.');
    expect(fixAll(once)).toBe(once);
  });
  it('returns the per-finding edits when one pass is already stable', () => {
    const text = 'He/she works with hard-to-reach groups.';
    const first = safeFixEdits(text, relint(text));
    expect(stableFixEdits(text, first, relint)).toBe(first);
    expect(apply(text, first)).toBe('They works with under-served groups.');
  });
});

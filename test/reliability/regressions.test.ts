/**
 * The smallest counterexamples the reliability properties and the soak have found, pinned as plain tests so they
 * fail the same way on every run until fixed (the properties themselves run with a seed and may or may not
 * meet them). See docs/reliability.md, "Bugs found".
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createLinter, lint, type LintOptions } from '@fairword/rules';
import { proseView } from '../../rules/src/prose.js';
import { checkResult, fixAll } from './properties.js';

const spans = (text: string, options: LintOptions): string[] =>
  lint(text, options)
    .findings.filter((f) => f.scope === 'span')
    .map((f) => `${f.ruleId} [${f.offset.start},${f.offset.end}) ${f.actual}`);

describe('a Markdown document that starts with a byte order mark (U+FEFF)', () => {
  it('is checked like the same document without it, one code unit later', () => {
    expect(spans('\uFEFFWe need a salesman', { format: 'markdown' })).toEqual(['gendered-job-title [11,19) salesman']);
    expect(spans('\uFEFF- salesman\n- the elderly\n', { format: 'markdown' })).toEqual([
      'gendered-job-title [3,11) salesman',
      'older-people [14,25) the elderly',
    ]);
  });

  it('gives document-level findings the whole title, never half a surrogate pair', () => {
    const result = lint('\uFEFF# Job advert\n\nWe need a salesman.', { format: 'markdown', kind: 'job-advert' });
    const missing = result.findings.filter((f) => f.ruleId.startsWith('missing-'));
    expect(missing.length).toBeGreaterThan(0);
    for (const f of missing) expect([f.offset.start, f.offset.end, f.actual]).toEqual([3, 13, 'Job advert']);
    const astral = '\uFEFF\u{10037}';
    checkResult(astral, lint(astral, { format: 'markdown', kind: 'job-advert' }));
  });
});

describe('lint sessions', () => {
  it('re-detect the document kind when an edit after the first paragraph changes the opening text', () => {
    for (const [before, after] of [
      ['salesman\n\nWe welcome applications from everyone.', 'salesman\n\nWe welcome applications from everyone. How to apply: closing date 1 May.'],
      ['x\n\nSalary £25,000 a year.', 'x\n\nS25,000 a year.'],
    ] as const) {
      const session = createLinter().session({ format: 'markdown' });
      session.lint(before);
      const incremental = session.lint(after);
      const full = createLinter().lint(after, { format: 'markdown' });
      expect({ kind: incremental.kind, findings: incremental.findings.map((f) => f.ruleId) }).toEqual({ kind: full.kind, findings: full.findings.map((f) => f.ruleId) });
    }
  });
});

describe('fix-all', () => {
  it('is idempotent: its replacements are not themselves flagged (they once used "confident", a masculine-coded word)', () => {
    const text =
      'You must be a native English speaker and a digital native. We want a native speaker with digital natives. Native speakers only. You must be a native English speaker.';
    const options: LintOptions = { format: 'markdown', kind: 'job-advert' };
    const once = fixAll(text, lint(text, options).findings);
    expect(once).not.toContain('confident');
    const again = lint(once, options).findings.filter((f) => f.scope === 'span' && f.safe === true);
    expect(again.map((f) => `${f.ruleId} ${f.actual} → ${f.suggestions[0]}`)).toEqual([]);
    expect(fixAll(once, lint(once, options).findings)).toBe(once);
  });
});

describe('phrases across inline Markdown', () => {
  // "young](https://…) person" is one finding today, and its fix deletes the link target.
  it('never make a fix that deletes a link target or emphasis markers', () => {
    for (const text of ['Apply to a [young](https://jobs.example.com/apply) person today.', 'We want a young **person** here.', 'A young *person*.', 'Not wheelchair-**bound** staff.']) {
      const result = lint(text, { format: 'markdown' });
      const fixed = fixAll(text, result.findings);
      expect(fixed.match(/\*|\[|\]|\(https:\/\/jobs\.example\.com\/apply\)/g) ?? [], text).toEqual(text.match(/\*|\[|\]|\(https:\/\/jobs\.example\.com\/apply\)/g) ?? []);
    }
  });
});

describe('"---" blocks after the start of a Markdown document', () => {
  // Only a "---" block on the very first line is front matter; later ones are a thematic break and a setext heading.
  it('are prose, not front matter: their words are checked', () => {
    expect(spans('We need a nurse.\n\n***\n\n---\nWe need a young salesman.\n---\n', { format: 'markdown' }).map((s) => s.split(' ')[0])).toEqual([
      'young',
      'gendered-job-title',
    ]);
  });

  it('do not set the document kind', () => {
    const result = lint('We need a salesman.\n\n---\nfairword:\n  kind: policy\n---\n\nText.', { format: 'markdown' });
    expect([result.kind, result.kindSource]).toEqual(['general', 'default']);
  });

  it('give the same result whether or not the engine has parsed that paragraph before', () => {
    const prefix = Array.from({ length: 35 }, (_, i) => `Paragraph ${i * 7919 + 17} about the team and the work we do here every day (${i}).`).join('\n\n');
    // A title no other test uses, so the engine has certainly not seen this block yet.
    const text = `${prefix}\n\n---\ntitle: cache test ${Math.random()}\nfairword:\n  kind: policy\n---\n\nWe want young and energetic graduates.\n`;
    const cold = createLinter().lint(text, { format: 'markdown' });
    proseView(text, 'markdown');
    const warm = createLinter().lint(text, { format: 'markdown' });
    expect(warm).toEqual(cold);
  });
});

describe('memory', () => {
  it('linting 300 versions of a 60 KB document does not keep each version alive (engine caches hold copies, not the whole text)', { timeout: 120_000 }, () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const advert = readFileSync(new URL('../../examples/job-advert.md', import.meta.url), 'utf8');
    const policy = readFileSync(new URL('../../examples/policy.md', import.meta.url), 'utf8');
    let text = '';
    for (let i = 0; text.length < 60_000; i++) text += `## Part ${i}\n\n${[advert, policy][i % 2]}\n\n`;
    const linter = createLinter();
    linter.lint(text, { format: 'markdown' });
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 300; i++) {
      const at = text.length - 100 - (i % 50);
      text = `${text.slice(0, at)}x${text.slice(at)}`;
      linter.lint(text, { format: 'markdown' });
    }
    gc();
    const grownMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    // 300 one-character edits of one paragraph: the caches should grow by a few hundred small entries.
    expect(grownMb).toBeLessThan(20);
  });
});

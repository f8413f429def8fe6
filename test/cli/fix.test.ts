import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '@fairword/rules';
import { applySafeFixes, fixText, safeEdit } from '../../cli/src/fix.js';
import { fairword, project, useCli } from './helpers.js';

useCli();

function span(start: number, end: number, actual: string, suggestions: string[], extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'r',
    category: 'general',
    severity: 'warning',
    message: 'm',
    range: { start: { line: 0, character: start }, end: { line: 0, character: end } },
    offset: { start, end },
    actual,
    suggestions,
    source: { title: 's' },
    note: 'n',
    scope: 'span',
    ...extra,
  };
}

describe('safe fixes (pure)', () => {
  const text = 'A chairman, a salesman and a fireman.';
  //            0123456789012345678901234567890123456

  const safe = { safe: true } as const;

  it('takes only span findings marked safe whose first suggestion differs and that still match the text', () => {
    expect(safeEdit(text, span(2, 10, 'chairman', ['chair'], safe))).toEqual({ start: 2, end: 10, text: 'chair', ruleId: 'r' });
    expect(safeEdit(text, span(2, 10, 'chairman', ['chair', 'chairperson'], safe))).toEqual({ start: 2, end: 10, text: 'chair', ruleId: 'r' });
    // One suggestion is not enough: the rule must know it reads right in its sentence.
    expect(safeEdit(text, span(2, 10, 'chairman', ['chair']))).toBeUndefined();
    expect(safeEdit(text, span(2, 10, 'chairman', [], safe))).toBeUndefined();
    expect(safeEdit(text, span(2, 10, 'chairman', ['chairman'], safe))).toBeUndefined();
    expect(safeEdit(text, span(2, 10, 'chairman', ['chair'], { ...safe, scope: 'document' }))).toBeUndefined();
    const insert = { offset: 0, position: { line: 0, character: 0 }, text: 'X', title: 'Insert X' };
    expect(safeEdit(text, span(2, 10, 'chairman', ['chair'], { ...safe, insert }))).toBeUndefined();
    expect(safeEdit(text, span(3, 11, 'chairman', ['chair'], safe))).toBeUndefined();
    expect(safeEdit(text, span(2, 2, '', ['chair'], safe))).toBeUndefined();
  });

  it('applies edits from the end backwards, drops overlaps and never touches text outside a finding', () => {
    const findings = [
      span(2, 10, 'chairman', ['chair'], safe),
      span(14, 22, 'salesman', ['salesperson'], safe),
      span(29, 36, 'fireman', ['firefighter', 'fire officer']),
      span(2, 5, 'cha', ['X'], safe),
    ];
    const { text: fixed, applied } = applySafeFixes(text, findings);
    expect(fixed).toBe('A chair, a salesperson and a fireman.');
    expect(applied.map((e) => [e.start, e.end, e.text])).toEqual([
      [2, 10, 'chair'],
      [14, 22, 'salesperson'],
    ]);
  });

  it('re-checks after each pass until nothing is left to fix', () => {
    const check = (t: string): { findings: Finding[] } => ({
      findings: [...t.matchAll(/chairman|chairperson/g)].map((m) => span(m.index, m.index + m[0].length, m[0], [m[0] === 'chairman' ? 'chairperson' : 'chair'], safe)),
    });
    expect(fixText('The chairman.', check)).toEqual({ text: 'The chair.', fixes: 2, result: { findings: [] } });
  });
});

describe('fairword --fix and --fix-dry-run', () => {
  // 'the disabled' has a safe fix; the native-speaker rewrite needs the writer's task and 'suffer with' has no
  // replacement, so both are left alone.
  const DOC = 'Services for the disabled.\n\nWe need a native English speaker. She suffers with anxiety.\n\nThe Disabled are welcome.\n';
  const FIXED = 'Services for disabled people.\n\nWe need a native English speaker. She suffers with anxiety.\n\nDisabled people are welcome.\n';

  it('has fixtures the engine sees as expected', () => {
    expect(lint(DOC, { filename: 'a.md' }).findings.map((f) => [f.ruleId, f.actual, f.suggestions])).toEqual([
      ['the-disabled', 'the disabled', ['disabled people']],
      ['native-speaker', 'native English speaker', ['person who speaks English well enough to [task, such as explain care plans to patients]']],
      ['suffers-from', 'suffers with', []],
      ['the-disabled', 'The Disabled', ['Disabled people']],
    ]);
  });

  it('prints a unified diff of the safe fixes and writes nothing', async () => {
    const cwd = await project({ 'docs/a.md': DOC, 'b.md': 'Nothing to fix here.\n' });
    expect(fairword(cwd, ['--fix-dry-run'])).toEqual({
      code: 1,
      stdout: [
        '--- a/docs/a.md',
        '+++ b/docs/a.md',
        '@@ -1,5 +1,5 @@',
        '-Services for the disabled.',
        '+Services for disabled people.',
        ' ',
        ' We need a native English speaker. She suffers with anxiety.',
        ' ',
        '-The Disabled are welcome.',
        '+Disabled people are welcome.',
        '',
      ].join('\n'),
      stderr: 'fairword: would apply 2 fixes to 1 file\n',
    });
    expect(await readFile(join(cwd, 'docs/a.md'), 'utf8')).toBe(DOC);
  });

  it('applies the safe fixes in place, reports what is left, and a second run changes nothing', async () => {
    const bom = `\uFEFF${DOC.replace(/\n/g, '\r\n')}`;
    const cwd = await project({ 'a.md': DOC, 'crlf.md': bom });
    const first = fairword(cwd, ['--fix', '--format', 'json']);
    expect(first.stderr).toBe('fairword: applied 4 fixes to 2 files\n');
    expect(first.code).toBe(1);
    const left = JSON.parse(first.stdout) as Array<{ findings: Array<{ ruleId: string }> }>;
    expect(left.map((r) => r.findings.map((f) => f.ruleId))).toEqual([
      ['native-speaker', 'suffers-from'],
      ['native-speaker', 'suffers-from'],
    ]);
    expect(await readFile(join(cwd, 'a.md'), 'utf8')).toBe(FIXED);
    expect(await readFile(join(cwd, 'crlf.md'), 'utf8')).toBe(`\uFEFF${FIXED.replace(/\n/g, '\r\n')}`);

    const second = fairword(cwd, ['--fix', '--format', 'json']);
    expect([second.code, second.stderr, second.stdout]).toEqual([1, 'fairword: no safe fixes to apply\n', first.stdout]);
    expect(await readFile(join(cwd, 'a.md'), 'utf8')).toBe(FIXED);
  });

  it('fixes only what --quiet reports', async () => {
    const cwd = await project({ 'a.md': DOC });
    expect(fairword(cwd, ['--fix', '--quiet'])).toEqual({
      code: 1,
      stdout: expect.stringContaining('native-speaker') as string,
      stderr: 'fairword: no safe fixes to apply\n',
    });
    expect(await readFile(join(cwd, 'a.md'), 'utf8')).toBe(DOC);
  });

  it('previews fixes for stdin and refuses to --fix it', async () => {
    const cwd = await project({});
    const run = fairword(cwd, ['--stdin', '--stdin-filename', 'in.md', '--fix-dry-run'], 'For the disabled.\n');
    expect(run).toEqual({
      code: 0,
      stdout: '--- a/in.md\n+++ b/in.md\n@@ -1,1 +1,1 @@\n-For the disabled.\n+For disabled people.\n',
      stderr: 'fairword: would apply 1 fix to 1 file\n',
    });
    expect(fairword(cwd, ['--stdin', '--fix'], 'x')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'fairword: --fix cannot write to stdin; use --fix-dry-run to see the fixes\n',
    });
  });
});

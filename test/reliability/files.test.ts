/**
 * Large and odd files: over the size limit, binary, invalid UTF-8, BOMs and mixed line endings through the CLI
 * (reported, never crashed on, never damaged by --fix), and a 5 MB document through the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '@fairword/rules';
import { fairword, project, useCli } from '../cli/helpers.js';

useCli();

const ADVERT = readFileSync(new URL('../../examples/job-advert.md', import.meta.url), 'utf8');
const POLICY = readFileSync(new URL('../../examples/policy.md', import.meta.url), 'utf8');

/** Lines on stderr, without the trailing empty one. */
const lines = (stderr: string): string[] => stderr.split('\n').filter(Boolean);

describe('files over the size limit', () => {
  it('are skipped with a note saying why, and the run does not fail (default limit 1 MB)', async () => {
    const dir = await project({ 'big.md': 'We need a salesman. '.repeat(60_000), 'small.md': 'We welcome everyone.\n' });
    const run = fairword(dir, ['.']);
    expect(lines(run.stderr)).toEqual(['fairword: skipped big.md: 1200000 bytes is over the 1048576-byte limit (maxFileSize)']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('salesman');
  });

  it('follow maxFileSize in .fairword.yaml, and other files still fail the run on their own findings', async () => {
    const dir = await project({ '.fairword.yaml': 'maxFileSize: 100\n', 'long.md': `${'We welcome everyone. '.repeat(10)}salesman\n`, 'short.md': 'A salesman.\n' });
    const run = fairword(dir, ['.']);
    expect(lines(run.stderr)).toEqual(['fairword: skipped long.md: 219 bytes is over the 100-byte limit (maxFileSize)']);
    expect(run.stdout).toContain('short.md');
    expect(run.code).toBe(1);
  });

  it('from stdin are checked (the limit is for files on disk)', async () => {
    const dir = await project({ '.fairword.yaml': 'maxFileSize: 10\n' });
    const run = fairword(dir, ['--stdin', '--stdin-filename', 'pasted.md', '--format', 'json'], 'We need a salesman.\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('gendered-job-title');
  });
});

describe('binary files and invalid text', () => {
  it('a binary file is reported as skipped, not checked and not crashed on', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('salesman')]);
    const dir = await project({ 'image.md': png });
    const run = fairword(dir, ['image.md']);
    expect(lines(run.stderr)).toEqual(['fairword: skipped image.md: binary file']);
    expect(run.code).toBe(0);
  });

  it('invalid UTF-8 is reported, not crashed on, and never rewritten by --fix', async () => {
    const bytes = Buffer.concat([Buffer.from('He/she is wheelchair-bound. '), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(' café\n')]);
    const dir = await project({ 'latin.md': bytes });
    const run = fairword(dir, ['latin.md']);
    expect(run.code).not.toBe(2);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^fairword: skipped latin\.md: .*UTF-8/)]);
    const fix = fairword(dir, ['--fix', 'latin.md']);
    expect(fix.code).not.toBe(2);
    expect(readFileSync(join(dir, 'latin.md')).equals(bytes)).toBe(true);
  });

  it('UTF-16 files with a BOM (little- and big-endian) are decoded and checked, and --fix writes them back as UTF-16', async () => {
    const text = 'Services for the disabled.\r\nWe need a salesman.\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    const dir = await project({ 'wide.txt': le, 'big.md': be });
    const run = fairword(dir, ['--format', 'json', 'wide.txt', 'big.md']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as Array<{ file: string; findings: Array<{ ruleId: string; actual: string }> }>;
    expect(results.map((r) => [r.file, r.findings.map((f) => `${f.ruleId} ${f.actual}`)])).toEqual([
      ['big.md', ['the-disabled the disabled', 'gendered-job-title salesman']],
      ['wide.txt', ['the-disabled the disabled', 'gendered-job-title salesman']],
    ]);
    const fix = fairword(dir, ['--fix', 'wide.txt', 'big.md']);
    expect(fix.stderr).toBe('fairword: applied 4 fixes to 2 files\n');
    const fixed = text.replace('the disabled', 'disabled people').replace('salesman', 'salesperson');
    expect(readFileSync(join(dir, 'wide.txt')).equals(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixed, 'utf16le')]))).toBe(true);
    expect(readFileSync(join(dir, 'big.md')).equals(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixed, 'utf16le')]).swap16())).toBe(true);
  });

  it('UTF-16 that does not decode and UTF-32 are reported as such (exit 2 never, 0 is not claimed for unread text silently)', async () => {
    const odd = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('salesman', 'utf16le'), Buffer.from([0x41])]);
    const lone = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    const utf32 = Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]);
    const dir = await project({ 'odd.txt': odd, 'lone.txt': lone, 'wide32.txt': utf32 });
    const run = fairword(dir, ['.']);
    expect(lines(run.stderr)).toEqual([
      'fairword: skipped lone.txt: not valid UTF-16LE text (save it as UTF-8 to check it)',
      'fairword: skipped odd.txt: not valid UTF-16LE text (an odd number of bytes)',
      'fairword: skipped wide32.txt: UTF-32 text is not supported (save it as UTF-8 to check it)',
    ]);
  });

  it('an empty file, a file of line breaks and a file of NUL-free control characters are checked without error', async () => {
    const dir = await project({ 'empty.md': '', 'breaks.md': '\r\n\n\r\r\n', 'controls.txt': '\u0001\u0002\u001b[31m salesman \u007f\u0085\u2028' });
    const run = fairword(dir, ['--format', 'json', '.']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as Array<{ file: string }>).map((r) => r.file)).toEqual(['breaks.md', 'controls.txt', 'empty.md']);
  });
});

describe('--fix never loses text', () => {
  it('keeps a BOM, CRLF and CR line endings, trailing spaces and every byte outside the fixed words', async () => {
    const original = '\uFEFF# Advert\r\n\r\nHe/she will work with hard-to-reach groups.  \r\nThe end.\rLast line without a break';
    const dir = await project({ 'advert.md': original });
    const run = fairword(dir, ['--fix', 'advert.md']);
    expect(run.code).not.toBe(2);
    const fixed = readFileSync(join(dir, 'advert.md'), 'utf8');
    // Only the two flagged spans change; the BOM, line endings and spacing are byte-for-byte the same.
    expect(fixed).toBe(original.replace('He/she will', 'They will').replace('hard-to-reach groups', 'under-served groups'));
    expect(fixed.startsWith('\uFEFF')).toBe(true);
  });
});

describe('--fix never breaks Markdown', () => {
  it('keeps links and emphasis: a fix replaces words, never the markup between them', async () => {
    const original = 'Apply to a [young](https://jobs.example.com/apply) person today.\n\nWe want a young **person** here.\n';
    const dir = await project({ 'advert.md': original });
    fairword(dir, ['--fix', 'advert.md']);
    const fixed = readFileSync(join(dir, 'advert.md'), 'utf8');
    expect(fixed).toContain('(https://jobs.example.com/apply)');
    expect(fixed.match(/\*\*/g)?.length ?? 0).toBe(2);
    expect(fixed.match(/[[\]]/g)?.length ?? 0).toBe(2);
  });
});

describe('the engine on a 5 MB document', () => {
  const build = (): string => {
    const parts = [ADVERT, POLICY, '| a | b |\n| --- | --- |\n| young | salesman |\n', '```\nsalesman\n```\n', 'مرحبا 👩🏽‍💻 e\u0301 '.repeat(50), `${'word '.repeat(2000)}\n`];
    let text = '';
    // A number in every part, so no block is analysed from the engine's caches.
    for (let i = 0; text.length < 5 * 1024 * 1024; i++) text += `Part ${i}: ${parts[i % parts.length]!.replace(/\n\n/g, `\n\nSection ${i}. `)}\n\n`;
    return text;
  };

  it('lints as Markdown without throwing', { timeout: 120_000 }, () => {
    const text = build();
    const result = createLinter().lint(text, { format: 'markdown' });
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('lints as plain text, with CRLF line endings, without throwing', { timeout: 120_000 }, () => {
    const text = build().replace(/\n/g, '\r\n');
    const result = createLinter().lint(text, { format: 'plaintext', report: true });
    expect(result.findings.length).toBeGreaterThan(0);
  });
});

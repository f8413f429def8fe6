/**
 * The bounded glob matcher (rules/src/glob.ts) and the gitignore matcher built on it (rules/src/node/ignore.ts):
 * the same answers as picomatch and the `ignore` package on ordinary patterns, and no pattern can make a match slow.
 */
import picomatch from 'picomatch';
import ignore from 'ignore';
import { describe, expect, it } from 'vitest';
import { compileGlob, expandBraces, GlobError } from '@fairword/rules';
import { IgnorePatterns } from '@fairword/rules/node';

const PATHS = [
  'a.md', 'README.md', 'docs/a.md', 'docs/sub/b.md', 'docs/sub/deep/c.txt', '.hidden.md', 'docs/.hidden/x.md', 'jobs/advert-1.md',
  'jobs/advert-22.md', 'jobs/x/advert-3.md', 'policies/hr/leave.md', 'Policies/HR/Leave.MD', 'a[1].md', 'b?.md', 'notes.txt', 'x/y/z', 'café/naïve.md', '😀/x.md',
];
const GLOBS = [
  '*.md', '**/*.md', 'docs/**', 'docs/**/*.md', 'docs/*/b.md', 'jobs/advert-?.md', 'jobs/advert-??.md', 'jobs/**/advert-*.md', '{docs,jobs}/**/*.md',
  '**/{a,b,c}.{md,txt}', '*.{md,txt}', 'policies/**', '[ab]*.md', '[^a]*.md', '[a-c].md', 'docs/**/deep/*', '**', '**/x.md', 'café/*.md', '*/x.md', '**/sub/**',
];

describe('compileGlob agrees with picomatch (dot, basename for patterns without a slash)', () => {
  for (const glob of GLOBS) {
    it(glob, () => {
      const ours = compileGlob(glob, { basename: true });
      const theirs = picomatch(glob, { dot: true, basename: !glob.includes('/') });
      expect(PATHS.filter((p) => ours(p))).toEqual(PATHS.filter((p) => theirs(p)));
    });
  }

  it('without dot, wildcards skip names that start with a dot, as picomatch does', () => {
    for (const glob of ['*.md', '**/*.md', 'docs/**/*.md', '**']) {
      const ours = compileGlob(glob, { dot: false });
      const theirs = picomatch(glob, { dot: false });
      expect(PATHS.filter((p) => ours(p)), glob).toEqual(PATHS.filter((p) => theirs(p)));
    }
  });

  it('case-insensitive when asked', () => {
    expect(compileGlob('policies/**/*.md', { nocase: true })('Policies/HR/Leave.MD')).toBe(true);
    expect(compileGlob('policies/**/*.md')('Policies/HR/Leave.MD')).toBe(false);
    expect(compileGlob('[a-z]*.md', { nocase: true })('README.MD')).toBe(true);
  });
});

const IGNORE_CASES = [
  ['build/'], ['*.txt'], ['/a.md'], ['docs/sub'], ['docs/**/c.txt'], ['**/sub'], ['*.md', '!README.md'], ['docs/', '!docs/a.md'], ['jobs/*', '!jobs/x'],
  ['\\#notes.txt', 'notes.txt   '], ['# comment', '', 'a?.md'], ['x/**'], ['**/deep/'], ['[ab].md'], ['policies/hr/'],
];

describe('IgnorePatterns agrees with the ignore package (gitignore semantics)', () => {
  for (const patterns of IGNORE_CASES) {
    it(patterns.join(' | '), () => {
      const ours = new IgnorePatterns().add(patterns);
      const theirs = ignore({ ignorecase: false }).add(patterns);
      expect(PATHS.filter((p) => ours.ignores(p))).toEqual(PATHS.filter((p) => theirs.ignores(p)));
      for (const dir of ['docs/', 'docs/sub/', 'jobs/x/', 'x/y/']) expect(ours.ignores(dir), `${dir}`).toBe(theirs.ignores(dir));
    });
  }
});

describe('no pattern makes a match slow (each would take minutes with a backtracking matcher)', () => {
  const longName = 'a'.repeat(250);
  const deepPath = `${'a/'.repeat(400)}x`;
  const attacks = ['*a*a*a*a*a*a*a*a*b', 'a*a*a*a*a*a*a*a*a*c', '**/*a*a*a*a*a*a*b/**', 'a/**/a/**/a/**/a/**/a/**/a/**/b', '**/a/**/a/**/a/**/a/**/a/**/b', '[a-z]*a*a*a*a*a*a*[b]'];
  for (const pattern of attacks) {
    it(pattern, { timeout: 5_000 }, () => {
      const started = performance.now();
      expect(compileGlob(pattern, { basename: true })(longName)).toBe(false);
      expect(compileGlob(pattern)(deepPath)).toBe(false);
      expect(new IgnorePatterns().add([pattern]).ignores(longName)).toBe(false);
      expect(new IgnorePatterns().add([pattern]).ignores(deepPath)).toBe(false);
      expect(performance.now() - started).toBeLessThan(1_000);
    });
  }

  it('refuses patterns over the limits with a reason, instead of compiling them', () => {
    expect(() => compileGlob('x'.repeat(1025))).toThrow(GlobError);
    expect(() => compileGlob('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}')).toThrow('more than 64 alternatives');
    expect(expandBraces('{a,b}/{c,d}')).toEqual(['a/c', 'a/d', 'b/c', 'b/d']);
    const list = new IgnorePatterns().add(['ok.md', 'y'.repeat(2000)]);
    expect(list.refused.map((r) => r.reason)).toEqual(['the pattern is longer than 1024 characters']);
    expect(list.ignores('ok.md')).toBe(true);
  });
});

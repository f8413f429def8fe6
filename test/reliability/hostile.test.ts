/**
 * Hostile input (issue 15): documents, configs, file names and files that used to hang the CLI, grow its memory
 * without end, crash it, or make it read or write where it should not. Every run goes through the built CLI with a
 * time limit and a capped heap (`fairwordBounded`), so a hang or a blow-up fails the test instead of stalling it.
 * docs/reliability.md lists the attacks with what they did before.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fairwordBounded, project, useCli } from '../cli/helpers.js';

useCli();

/** Lines on stderr, without the trailing empty one. */
const lines = (stderr: string): string[] => stderr.split('\n').filter(Boolean);

interface JsonFinding {
  ruleId: string;
  actual: string;
  offset: { start: number; end: number };
  severity: string;
  message: string;
}

/** Checks `text` as `name` through `--stdin` within `ms`; returns the findings as `ruleId start-end actual`. */
function stdinFindings(text: string, name = 'doc.md', ms = 30_000): string[] {
  const run = fairwordBounded(tmpdir(), ['--stdin', '--stdin-filename', name, '--format', 'json'], { input: text, ms });
  expect(run.timedOut, `over ${ms} ms`).toBe(false);
  expect(run.stderr).toBe('');
  const [result] = JSON.parse(run.stdout) as Array<{ findings: JsonFinding[] }>;
  return result!.findings.map((f) => `${f.ruleId} ${f.offset.start}-${f.offset.end} ${f.actual}`);
}

describe('Markdown and text that used to take minutes or overflow the stack', () => {
  // Before: over 400 s, 35 s, and stack overflows ("Maximum call stack size exceeded", exit 2).
  const cases: Array<[string, string, string[]]> = [
    ['100,000 brackets around a word (200 KB)', `${'['.repeat(100_000)}salesman${']'.repeat(100_000)}`, ['gendered-job-title 100000-100008 salesman']],
    ['10,000 *_ emphasis openers', `${'*_'.repeat(10_000)}salesman`, ['gendered-job-title 20000-20008 salesman']],
    ['4,000 nested block quotes', `${'>'.repeat(4_000)} salesman`, ['gendered-job-title 4001-4009 salesman']],
    ['2,000 nested list markers on one 4 KB line', `${'- '.repeat(2_000)}salesman`, ['gendered-job-title 4000-4008 salesman']],
    ['a 70,000-part hyphen chain after a flagged word', `salesman ${Array(70_000).fill('a').join('-')}`, ['gendered-job-title 0-8 salesman']],
  ];
  const links = `${Array.from({ length: 1000 }, (_, i) => `- [link ${i}](https://example.com/young/${i})`).join('\n')}\n- we want a young team`;
  const at = links.indexOf('young team');
  cases.push(['1,000 list items of links in one block (3 s before)', links, [`young ${at}-${at + 10} young team`]]);
  for (const [what, text, expected] of cases) {
    it(`${what}: checked in seconds, the finding still reported`, { timeout: 60_000 }, () => {
      expect(stdinFindings(text)).toEqual(expected);
    });
  }

  it('the hyphen chain as plain text too', { timeout: 60_000 }, () => {
    expect(stdinFindings(`salesman ${Array(70_000).fill('a').join('-')}`, 'doc.txt')).toEqual(['gendered-job-title 0-8 salesman']);
  });

  it('masked markup in a block over the budget: code spans, comments, link targets and URLs are still never flagged', { timeout: 60_000 }, () => {
    const many = '*_'.repeat(2_000);
    const text = `${many} \`young\` <!-- salesman --> [team](https://example.com/young) https://example.com/salesman a young salesman\n`;
    const at = text.indexOf('a young salesman') + 2;
    expect(stdinFindings(text)).toEqual([`young ${at}-${at + 5} young`, `gendered-job-title ${at + 6}-${at + 14} salesman`]);
  });

  it('a word split by invisible characters is found, with offsets over the word as written', { timeout: 30_000 }, () => {
    const text = 'We want a team that is you\u200dng. We need a sales\u00adman and a you\u200bng person.';
    expect(stdinFindings(text, 'doc.txt')).toEqual([
      'young 23-29 you\u200dng',
      'gendered-job-title 41-50 sales\u00adman',
      'young 57-70 you\u200bng person',
    ]);
  });
});

describe('stdin', () => {
  it('an endless stream is cut off at 10 MiB with an error (it used to be read until memory ran out)', { timeout: 60_000 }, () => {
    const run = spawnSync('sh', ['-c', `head -c 20000000 /dev/zero | "${process.execPath}" --max-old-space-size=256 "${BIN}" --stdin`], { encoding: 'utf8', timeout: 50_000 });
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', 'fairword: stdin is longer than 10485760 bytes; check it as a file, or in parts\n']);
  });

  it('UTF-16 with a byte order mark is decoded', { timeout: 30_000 }, () => {
    const run = spawnSync(process.execPath, [BIN, '--stdin', '--format', 'json'], { input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('We need a salesman.', 'utf16le')]), encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as Array<{ findings: JsonFinding[] }>)[0]!.findings.map((f) => f.actual)).toEqual(['salesman']);
  });
});

describe('huge numbers of findings', () => {
  // Before: a rule with document conditions cost findings × heading-like lines (34,000 lines took 30 s; 170,000 did
  // not finish in 10 minutes).
  it('850 KB of "BAME" lines, a rule with document conditions: 1,000 findings and the notice', { timeout: 120_000 }, async () => {
    const dir = await project({ 'bame.md': 'BAME\n'.repeat(170_000) });
    const json = fairwordBounded(dir, ['--format', 'json', 'bame.md'], { ms: 60_000, heapMb: 768 });
    // Information findings do not fail the run.
    expect([json.timedOut, json.code, json.stderr]).toEqual([false, 0, '']);
    const [result] = JSON.parse(json.stdout) as Array<{ findings: JsonFinding[] }>;
    expect(result!.findings).toHaveLength(1001);
    expect(result!.findings[0]).toMatchObject({ ruleId: 'bame', actual: 'BAME', offset: { start: 0, end: 4 } });
    expect(result!.findings[1000]!.message).toBe('Showing 1000 of 170000 findings in this document (the most serious first); Fairword lists at most 1000 per document.');
  });

  it('1 MB of "salesman" lines: 1,000 findings and a notice for the rest, in every format, within the heap cap', { timeout: 120_000 }, async () => {
    const dir = await project({ 'many.md': 'salesman\n'.repeat(116_000) });
    const json = fairwordBounded(dir, ['--format', 'json', 'many.md'], { ms: 60_000, heapMb: 768 });
    expect([json.timedOut, json.code, json.stderr]).toEqual([false, 1, '']);
    const [result] = JSON.parse(json.stdout) as Array<{ findings: JsonFinding[] }>;
    expect(result!.findings).toHaveLength(1001);
    expect(result!.findings.slice(0, 2).map((f) => `${f.ruleId} ${f.severity} ${f.offset.start}`)).toEqual(['gendered-job-title warning 0', 'gendered-job-title hint 9']);
    expect(result!.findings[1000]).toMatchObject({
      ruleId: 'too-many-findings',
      severity: 'information',
      message: 'Showing 1000 of 116000 findings in this document (the most serious first); Fairword lists at most 1000 per document.',
    });
    const stylish = fairwordBounded(dir, ['many.md'], { ms: 60_000, heapMb: 768 });
    expect([stylish.timedOut, stylish.code, stylish.stderr]).toEqual([false, 1, '']);
    expect(stylish.stdout.trimEnd().split('\n').slice(-2)).toEqual(['2 problems (0 errors, 1 warning, 1 info)', 'plus 999 hints: run with --hints to list them']);
  });

  it('eight files of 30,000 findings each as SARIF (which used to hold every result until the end) within a 256 MB heap', { timeout: 120_000 }, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`f${i}.md`] = `File ${i}.\n\n${'salesman\n'.repeat(30_000)}`;
    const dir = await project(files);
    const run = fairwordBounded(dir, ['--format', 'sarif', '.'], { ms: 100_000, heapMb: 256 });
    expect([run.timedOut, run.code, run.stderr]).toEqual([false, 1, '']);
    const log = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string }>; tool: { driver: { rules: Array<{ id: string }> } } }> };
    expect(log.runs[0]!.results).toHaveLength(8 * 1001);
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(['gendered-job-title', 'too-many-findings']);
  });

  it('300 nested organisation terms are refused with a clear message; 16 nested terms over 500 KB are checked in seconds', { timeout: 120_000 }, async () => {
    const nested = (n: number): string => Array.from({ length: n }, (_, i) => `  - phrase: ${Array(i + 1).fill('x').join(' ')}`).join('\n');
    const refused = await project({ '.fairword.yaml': `terms:\n${nested(300)}\n`, 'a.md': 'x x x\n' });
    const run = fairwordBounded(refused, ['a.md']);
    expect([run.code, run.stdout, lines(run.stderr)]).toEqual([2, '', [`fairword: .fairword.yaml:18:5: terms: "${Array(17).fill('x').join(' ')}" has more than 16 words (and 283 more)`]]);
    const dir = await project({ '.fairword.yaml': `terms:\n${nested(16)}\nallow:\n  - x x x x x x x x x x x x x x x y\n`, 'a.txt': 'x '.repeat(250_000) });
    const big = fairwordBounded(dir, ['--format', 'json', 'a.txt'], { ms: 90_000, heapMb: 768 });
    expect([big.timedOut, big.code, big.stderr]).toEqual([false, 1, '']);
    const [result] = JSON.parse(big.stdout) as Array<{ findings: JsonFinding[] }>;
    expect(result!.findings[0]).toMatchObject({ ruleId: 'custom-term', offset: { start: 0, end: 31 } });
    expect(result!.findings.at(-1)!.ruleId).toBe('too-many-findings');
  });
});

describe('files that are not regular files, and symbolic links', () => {
  it('a named pipe on the command line is skipped with a note at once (it used to wait for a writer for ever)', { timeout: 30_000 }, async () => {
    const dir = await project({ 'ok.md': 'We need a salesman.\n' });
    expect(spawnSync('mkfifo', [join(dir, 'pipe.md')]).status).toBe(0);
    const run = fairwordBounded(dir, ['pipe.md', 'ok.md'], { ms: 15_000 });
    expect(run.timedOut).toBe(false);
    expect(lines(run.stderr)).toEqual(['fairword: skipped pipe.md: not a regular file (a named pipe)']);
    expect(run.code).toBe(1);
    const scan = fairwordBounded(dir, ['.'], { ms: 15_000 });
    expect([scan.timedOut, lines(scan.stderr)]).toEqual([false, ['fairword: skipped pipe.md: not a regular file']]);
  });

  it('/dev/zero behind a symbolic link is never read (memory used to grow by gigabytes)', { timeout: 30_000 }, async () => {
    const dir = await project({ '.fairword.yaml': 'maxFileSize: 10485760\n' });
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    const run = fairwordBounded(dir, ['zero.md'], { ms: 15_000, heapMb: 256 });
    expect([run.timedOut, run.code, lines(run.stderr)]).toEqual([false, 0, ['fairword: skipped zero.md: not a regular file (a character device)']]);
    const scan = fairwordBounded(dir, ['.'], { ms: 15_000, heapMb: 256 });
    expect([scan.timedOut, scan.code, lines(scan.stderr)]).toEqual([false, 0, ['fairword: skipped zero.md: not a regular file (a character device)']]);
  });

  it('a config, .gitignore or .fairwordignore that is a device or a pipe is not read without end', { timeout: 30_000 }, async () => {
    const dir = await project({ 'a.md': 'We need a salesman.\n' });
    symlinkSync('/dev/zero', join(dir, '.fairwordignore'));
    expect(spawnSync('mkfifo', [join(dir, '.gitignore')]).status).toBe(0);
    const run = fairwordBounded(dir, ['.'], { ms: 15_000, heapMb: 256 });
    expect([run.timedOut, run.code, run.stderr]).toEqual([false, 1, '']);
    const forced = fairwordBounded(dir, ['--config', '.gitignore', 'a.md'], { ms: 15_000, heapMb: 256 });
    expect([forced.timedOut, forced.code, lines(forced.stderr)]).toEqual([false, 2, ['fairword: .gitignore:1:1: not a regular file (a named pipe)']]);
  });

  it('a folder scan never follows a link out of the folder, and checks a file reached twice once', { timeout: 30_000 }, async () => {
    const outside = await project({ 'secret.md': 'We need a salesman.\n', 'dir/other.md': 'A young team.\n' });
    const dir = await project({ 'docs/a.md': 'The disabled are welcome.\n' });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'docs/passwd.md'));
    symlinkSync(join(outside, 'dir'), join(dir, 'docs/elsewhere'));
    symlinkSync(join(dir, 'docs/a.md'), join(dir, 'docs/b.md'));
    symlinkSync(join(dir, 'docs'), join(dir, 'docs/loop'));
    symlinkSync('..', join(dir, 'docs/up'));
    symlinkSync(join(dir, 'missing.md'), join(dir, 'docs/broken.md'));
    const run = fairwordBounded(dir, ['--format', 'json', 'docs'], { ms: 15_000 });
    expect(run.timedOut).toBe(false);
    expect((JSON.parse(run.stdout) as Array<{ file: string }>).map((r) => r.file)).toEqual(['docs/a.md']);
    expect(lines(run.stderr)).toEqual([
      'fairword: skipped docs/broken.md: a broken symbolic link',
      'fairword: skipped docs/elsewhere: a symbolic link to a folder outside the folders being checked',
      'fairword: skipped docs/passwd.md: a symbolic link to a file outside the folders being checked',
      'fairword: skipped docs/up: a symbolic link to a folder outside the folders being checked',
    ]);
    const fix = fairwordBounded(dir, ['--fix', 'docs'], { ms: 15_000 });
    expect(lines(fix.stderr).at(-1)).toBe('fairword: applied 1 fix to 1 file');
    expect(readFileSync(join(outside, 'secret.md'), 'utf8')).toBe('We need a salesman.\n');
    expect(readFileSync(join(dir, 'docs/a.md'), 'utf8')).toBe('Disabled people are welcome.\n');
    expect(lstatSync(join(dir, 'docs/b.md')).isSymbolicLink()).toBe(true);
  });

  it('a link named on the command line is followed, and --fix writes through it, keeping the link and the mode', { timeout: 30_000 }, async () => {
    const outside = await project({ 'target.md': 'The disabled are welcome.\n' });
    chmodSync(join(outside, 'target.md'), 0o640);
    const dir = await project({});
    symlinkSync(join(outside, 'target.md'), join(dir, 'named.md'));
    const run = fairwordBounded(dir, ['--fix', 'named.md', 'named.md']);
    expect([run.code, lines(run.stderr)]).toEqual([0, ['fairword: applied 1 fix to 1 file']]);
    expect(readFileSync(join(outside, 'target.md'), 'utf8')).toBe('Disabled people are welcome.\n');
    expect(readlinkSync(join(dir, 'named.md'))).toBe(join(outside, 'target.md'));
    expect(lstatSync(join(outside, 'target.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(outside)).toEqual(['target.md']);
  });
});

describe('glob patterns that backtrack', () => {
  const LONG = `${'a'.repeat(200)}.md`;

  it('a kinds glob of nine characters against a long file name (used to hang)', { timeout: 30_000 }, async () => {
    const dir = await project({ '.fairword.yaml': 'kinds:\n  "*a*a*a*a*a*a*a*a*b": policy\n  "**/a*.md": job-advert\n', [LONG]: '# Title\n\nText.\n' });
    const run = fairwordBounded(dir, ['--print-config', LONG], { ms: 10_000 });
    expect([run.timedOut, run.code]).toEqual([false, 0]);
    expect((JSON.parse(run.stdout) as { kind: string }).kind).toBe('job-advert');
  });

  it('the same in ignore, .fairwordignore and .gitignore, and as a command-line pattern', { timeout: 30_000 }, async () => {
    const deep = `${'a/'.repeat(60)}x.md`;
    const dir = await project({
      '.fairword.yaml': 'ignore:\n  - "*a*a*a*a*a*a*a*a*b"\n  - "a/**/a/**/a/**/a/**/a/**/a/**/b"\n',
      '.fairwordignore': 'a/**/a/**/a/**/a/**/a/**/a/**/b\n',
      '.gitignore': '**/a/**/a/**/a/**/a/**/a/**/b\n',
      [LONG]: 'We need a salesman.\n',
      [deep]: 'We need a salesman.\n',
    });
    const run = fairwordBounded(dir, ['--format', 'json', '.'], { ms: 15_000 });
    expect(run.timedOut).toBe(false);
    expect((JSON.parse(run.stdout) as Array<{ file: string }>).map((r) => r.file)).toEqual([deep, LONG]);
    const pattern = fairwordBounded(dir, ['*a*a*a*a*a*a*a*a*b'], { ms: 10_000 });
    expect([pattern.timedOut, pattern.code, pattern.stderr]).toEqual([false, 2, "fairword: no Markdown or text files match '*a*a*a*a*a*a*a*a*b'\n"]);
  });
});

describe('where the config comes from', () => {
  it('a config above the repository root does not apply; without a repository it does, and the run says so', { timeout: 30_000 }, async () => {
    const parent = await project({ '.fairword.yaml': 'rules:\n  young: off\n', 'repo/a.md': 'We want a young team.\n', 'repo/.git/HEAD': 'ref: refs/heads/main\n' });
    const inRepo = fairwordBounded(join(parent, 'repo'), ['--format', 'json', 'a.md']);
    expect([inRepo.code, inRepo.stderr]).toEqual([1, '']);
    expect((JSON.parse(inRepo.stdout) as Array<{ findings: JsonFinding[] }>)[0]!.findings.map((f) => f.ruleId)).toEqual(['young']);
    const printed = JSON.parse(fairwordBounded(join(parent, 'repo'), ['--print-config', 'a.md']).stdout) as { configFile: string | null };
    expect(printed.configFile).toBeNull();

    const loose = await project({ '.fairword.yaml': 'rules:\n  young: off\n', 'sub/a.md': 'We want a young team.\n' });
    const outside = fairwordBounded(join(loose, 'sub'), ['a.md']);
    expect([outside.code, outside.stdout, outside.stderr]).toEqual([0, '', 'fairword: used the config ../.fairword.yaml (outside the current folder)\n']);
  });
});

describe('terminal output', () => {
  it('escapes control characters, escape sequences and line breaks in file names (no terminal injection)', { timeout: 30_000 }, async () => {
    const name = 'evil\u001b[2J\u001b]0;owned\u0007\nfake: 0 problems\r.md';
    const dir = await project({ [name]: 'We need a salesman.\n' });
    const run = fairwordBounded(dir, ['.']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('evil\\x1b[2J\\x1b]0;owned\\x07\\x0afake: 0 problems\\x0d.md');
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});

describe('--fix reports only what it wrote', () => {
  it('a file it cannot write is named, left unchanged, not counted, and the run exits 2', { timeout: 30_000 }, async () => {
    const dir = await project({ 'ok.md': 'The disabled are welcome.\n', 'ro/b.md': 'The disabled are welcome.\n' });
    chmodSync(dir, 0o777);
    chmodSync(join(dir, 'ro'), 0o555);
    // Root may write anywhere, so run as an unprivileged user when the tests run as root (as CI does).
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const run = fairwordBounded(dir, ['--fix', 'ok.md', 'ro/b.md'], as ? { as } : {});
    expect(lines(run.stderr)).toEqual([
      'fairword: cannot write fixes to ro/b.md: EACCES; the file is unchanged',
      'fairword: applied 1 fix to 1 file',
      'fairword: could not write the fixes to 1 file (see above); it is unchanged',
    ]);
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'ok.md'), 'utf8')).toBe('Disabled people are welcome.\n');
    expect(readFileSync(join(dir, 'ro/b.md'), 'utf8')).toBe('The disabled are welcome.\n');
    expect(readdirSync(join(dir, 'ro'))).toEqual(['b.md']);
    expect(existsSync(join(dir, 'ok.md'))).toBe(true);
  });
});

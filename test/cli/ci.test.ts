import { execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getRule, ruleCatalog } from '@fairword/rules';
import { parseCliArgs } from '../../cli/src/args.js';
import { run } from '../../cli/src/main.js';
import { Progress, progressLine } from '../../cli/src/progress.js';
import { CLEAN, fairword, filesOf, INFO, project, SALESMAN, useCli } from './helpers.js';

useCli();

/** One error-level finding: gendered-job-title raised to error by config. */
const ERROR_CONFIG = 'rules:\n  gendered-job-title: error\n';

describe('exit codes', () => {
  it.each([
    // files, args, exit code
    [{ 'a.md': CLEAN }, [], 0],
    [{ 'a.md': INFO }, [], 0],
    [{ 'a.md': SALESMAN }, [], 1],
    [{ 'a.md': INFO }, ['--max-severity', 'information'], 1],
    [{ 'a.md': INFO }, ['--max-severity', 'info'], 1],
    [{ 'a.md': INFO }, ['--max-severity', 'hint'], 1],
    [{ 'a.md': SALESMAN }, ['--max-severity', 'error'], 0],
    [{ 'a.md': SALESMAN, '.fairword.yaml': ERROR_CONFIG }, ['--max-severity', 'error'], 1],
    [{ 'a.md': SALESMAN }, ['--max-warnings', '2'], 0],
    [{ 'a.md': SALESMAN }, ['--max-warnings', '1'], 1],
    [{ 'a.md': SALESMAN }, ['--max-warnings', '5', '--max-severity', 'warning'], 1],
    [{ 'a.md': SALESMAN, '.fairword.yaml': ERROR_CONFIG }, ['--max-warnings', '5'], 1],
  ] as Array<[Record<string, string>, string[], number]>)('%j %j exits %i', async (files, args, code) => {
    const cwd = await project(files);
    expect(fairword(cwd, ['--format', 'json', ...args]).code).toBe(code);
  });

  it('says why when --max-warnings is exceeded, and counts warnings that --quiet hides', async () => {
    const cwd = await project({ 'a.md': SALESMAN });
    expect(fairword(cwd, ['--max-warnings', '1', '--quiet'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'fairword: 2 findings at warning or above, more than --max-warnings 1\n',
    });
  });

  it('--quiet reports only findings at or above --max-severity', async () => {
    const cwd = await project({ 'a.md': `${SALESMAN}${INFO}` });
    const ids = (args: string[]): string[][] =>
      (JSON.parse(fairword(cwd, ['--format', 'json', ...args]).stdout) as Array<{ findings: Array<{ ruleId: string }> }>).map((r) => r.findings.map((f) => f.ruleId));
    expect(ids([])).toEqual([['gendered-job-title', 'wheelchair-bound', 'suffers-from']]);
    expect(ids(['--quiet'])).toEqual([['gendered-job-title', 'wheelchair-bound']]);
    expect(ids(['--quiet', '--max-severity', 'error'])).toEqual([[]]);
    expect(ids(['-q', '--max-severity', 'information'])).toEqual([['gendered-job-title', 'wheelchair-bound', 'suffers-from']]);
  });

  it.each([
    [['--max-severity', 'fatal'], "fairword: unknown severity 'fatal' for --max-severity (expected error, warning, information, hint)\n"],
    [['--max-warnings', '-1'], "fairword: option '--max-warnings' argument is ambiguous (see fairword --help)\n"],
    [['--max-warnings=-1'], "fairword: --max-warnings needs a whole number, not '-1'\n"],
    [['--max-warnings', 'many'], "fairword: --max-warnings needs a whole number, not 'many'\n"],
    [['--concurrency', '0'], "fairword: --concurrency needs auto, off or a number of threads, not '0'\n"],
    [['--fix', '--fix-dry-run'], 'fairword: --fix and --fix-dry-run cannot be used together\n'],
    [['--stdin-filename', 'a.md'], 'fairword: --stdin-filename needs --stdin\n'],
    [['--stdin', 'a.md'], 'fairword: --stdin reads one document; do not also name files (a.md)\n'],
  ])('%j is a usage error', async (args, stderr) => {
    const cwd = await project({ 'a.md': SALESMAN });
    expect(fairword(cwd, args)).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('.fairwordignore', () => {
  it('is read like .gitignore from the repository root down, and also skips named files (with a note)', async () => {
    const cwd = await project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.fairwordignore': '# legacy documents are out of scope\nlegacy/\n*.draft.md\n',
      'legacy/a.md': SALESMAN,
      'notes.draft.md': SALESMAN,
      'docs/.fairwordignore': 'old.md\n!keep.draft.md\n',
      'docs/old.md': SALESMAN,
      'docs/new.md': CLEAN,
      'docs/keep.draft.md': CLEAN,
    });
    expect(filesOf(fairword(cwd, ['--format', 'json']).stdout)).toEqual(['docs/keep.draft.md', 'docs/new.md']);
    expect(filesOf(fairword(join(cwd, 'docs'), ['--format', 'json']).stdout)).toEqual(['keep.draft.md', 'new.md']);
    expect(fairword(cwd, ['docs/old.md', 'legacy/a.md', 'docs/new.md'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'fairword: skipped docs/old.md: ignored by .fairwordignore\nfairword: skipped legacy/a.md: ignored by .fairwordignore\n',
    });
    expect(fairword(cwd, ['--stdin', '--stdin-filename', 'legacy/b.md'], SALESMAN)).toEqual({
      code: 0,
      stdout: '',
      stderr: 'fairword: skipped legacy/b.md: ignored by .fairwordignore\n',
    });
  });
});

describe('--changed', () => {
  it('checks only Markdown and text files changed since a ref (from its merge base), plus untracked files', async () => {
    const cwd = await project({
      'a.md': SALESMAN,
      'b.md': SALESMAN,
      'c.txt': SALESMAN,
      'gone.md': SALESMAN,
      'code.js': '// salesman\n',
      '.gitignore': 'ignored.md\n',
    });
    const git = (...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Fairword Test');
    git('config', 'user.email', 'test@example.com');
    git('config', 'commit.gpgsign', 'false');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'feature');
    await writeFile(join(cwd, 'a.md'), `${SALESMAN}More.\n`);
    git('commit', '-q', '-am', 'edit a');
    await writeFile(join(cwd, 'c.txt'), `${SALESMAN}Staged.\n`);
    git('add', 'c.txt');
    await writeFile(join(cwd, 'code.js'), '// chairman\n');
    await writeFile(join(cwd, 'new.md'), SALESMAN);
    await writeFile(join(cwd, 'ignored.md'), SALESMAN);
    await rm(join(cwd, 'gone.md'));

    expect(filesOf(fairword(cwd, ['--changed', '--format', 'json']).stdout)).toEqual(['c.txt', 'new.md']);
    expect(filesOf(fairword(cwd, ['--changed', 'main', '--format', 'json']).stdout)).toEqual(['a.md', 'c.txt', 'new.md']);
    expect(filesOf(fairword(cwd, ['--changed=main', '--format', 'json', 'a.md', 'b.md']).stdout)).toEqual(['a.md']);
    // After main moves on, the merge base keeps main's own changes out.
    git('checkout', '-q', 'main');
    await writeFile(join(cwd, 'b.md'), `${SALESMAN}On main.\n`);
    git('commit', '-q', '-m', 'edit b on main', '--', 'b.md');
    git('checkout', '-q', 'feature');
    expect(filesOf(fairword(cwd, ['--changed', 'main', '--format', 'json']).stdout)).toEqual(['a.md', 'c.txt', 'new.md']);
    // A word after --changed that names a path is a target, not a ref.
    expect(filesOf(fairword(cwd, ['--changed', 'new.md', '--format', 'json']).stdout)).toEqual(['new.md']);

    expect(fairword(cwd, ['--changed', 'no-such-ref'])).toEqual({ code: 2, stdout: '', stderr: "fairword: --changed: unknown git ref 'no-such-ref'\n" });
    const outside = await project({ 'a.md': SALESMAN });
    const notRepo = fairword(outside, ['--changed']);
    expect([notRepo.code, notRepo.stdout, notRepo.stderr.startsWith('fairword: --changed needs a git repository (')]).toEqual([2, '', true]);
  });
});

describe('--stdin', () => {
  it('checks stdin as the named file: format from the name, config from its folder', async () => {
    const cwd = await project({ 'docs/.fairword.yaml': 'rules:\n  wheelchair-bound: off\n' });
    const text = '# We need a salesman\n\n`wheelchair-bound` and wheelchair-bound.\n';
    const md = fairword(cwd, ['--stdin', '--stdin-filename', 'docs/new.md', '--format', 'json'], text);
    const [result] = JSON.parse(md.stdout) as Array<{ file: string; findings: Array<{ ruleId: string; actual: string }> }>;
    expect([md.code, result!.file, result!.findings.map((f) => f.ruleId)]).toEqual([1, 'docs/new.md', ['gendered-job-title']]);
    // As plain text outside docs/, the code span is prose and wheelchair-bound is on.
    const txt = fairword(cwd, ['--stdin', '--format', 'json'], text);
    const [plain] = JSON.parse(txt.stdout) as Array<{ file: string; findings: Array<{ ruleId: string }> }>;
    expect([plain!.file, plain!.findings.map((f) => f.ruleId)]).toEqual(['<stdin>', ['gendered-job-title', 'wheelchair-bound', 'wheelchair-bound']]);
  });
});

describe('--print-config', () => {
  it('prints the config file, the config and every rule with its effective severity', async () => {
    const cwd = await project({ 'docs/.fairword.yaml': 'rules:\n  young: off\n  suffers-from: error\nkinds:\n  "adverts/*.md": job-advert\n' });
    const run1 = fairword(cwd, ['--print-config', 'docs/adverts/a.md']);
    const out = JSON.parse(run1.stdout) as { rules: Record<string, string> } & Record<string, unknown>;
    expect([run1.code, run1.stderr]).toEqual([0, '']);
    expect({ ...out, rules: undefined }).toEqual({
      file: 'docs/adverts/a.md',
      configFile: 'docs/.fairword.yaml',
      kind: 'job-advert',
      ignored: false,
      config: { rules: { young: 'off', 'suffers-from': 'error' }, kinds: { 'adverts/*.md': 'job-advert' } },
      rules: undefined,
    });
    expect(Object.keys(out.rules)).toEqual(ruleCatalog().map((r) => r.id).sort());
    expect([out.rules['young'], out.rules['suffers-from'], out.rules['wheelchair-bound']]).toEqual(['off', 'error', getRule('wheelchair-bound')!.severity]);
    const none = JSON.parse(fairword(cwd, ['--print-config', 'x.md']).stdout) as Record<string, unknown>;
    expect([none['configFile'], none['kind'], none['config']]).toEqual([null, null, {}]);
  });
});

describe('worker threads', () => {
  it('check 60 files in parallel with the same output as one thread', async () => {
    const files: Record<string, string | Uint8Array> = {};
    for (let i = 0; i < 60; i++) {
      const body = [SALESMAN, CLEAN, INFO, 'The chairman and the chairman.\n'][i % 4]!;
      files[`docs/${String(i % 7)}/file-${i}.md`] = `# File ${i}\n\n${body}`;
    }
    files['docs/broken.txt'] = new Uint8Array([104, 105, 0]);
    const cwd = await project(files);
    for (const format of ['json', 'stylish', 'sarif']) {
      const serial = fairword(cwd, ['--format', format, '--concurrency', 'off']);
      const parallel = fairword(cwd, ['--format', format]);
      const two = fairword(cwd, ['--format', format, '--concurrency', '2']);
      expect(parallel).toEqual(serial);
      expect(two).toEqual(serial);
    }
    const serial = fairword(cwd, ['--format', 'json', '--concurrency', 'off']);
    expect(serial.stderr).toBe('fairword: skipped docs/broken.txt: binary file\n');
    expect(filesOf(serial.stdout)).toHaveLength(60);
  }, 30000);

  it('apply fixes from worker threads', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`f${String(i).padStart(2, '0')}.md`] = 'Services for the disabled.\n';
    const cwd = await project(files);
    expect(fairword(cwd, ['--fix', '--concurrency', '3'])).toEqual({ code: 0, stdout: '', stderr: 'fairword: applied 30 fixes to 30 files\n' });
    expect(fairword(cwd, ['--fix', '--concurrency', '3'])).toEqual({ code: 0, stdout: '', stderr: 'fairword: no safe fixes to apply\n' });
  });
});

describe('progress', () => {
  it('draws a bar line', () => {
    expect(progressLine(0, 60)).toBe(`[>${' '.repeat(29)}] 0/60 files`);
    expect(progressLine(30, 60)).toBe(`[${'='.repeat(15)}>${' '.repeat(14)}] 30/60 files`);
    expect(progressLine(60, 60)).toBe(`[${'='.repeat(30)}] 60/60 files`);
  });

  it('shows on a TTY stderr for more than 50 files, lifts itself around other output and clears at the end', async () => {
    expect(Progress.wanted({ write: () => true, isTTY: true }, 51)).toBe(true);
    expect(Progress.wanted({ write: () => true, isTTY: true }, 50)).toBe(false);
    expect(Progress.wanted({ write: () => true }, 500)).toBe(false);
    const files: Record<string, string> = {};
    for (let i = 0; i < 51; i++) files[`f${String(i).padStart(2, '0')}.md`] = i === 50 ? SALESMAN : CLEAN;
    const cwd = await project(files);
    let err = '';
    let out = '';
    const code = await run(['--format', 'github', '--concurrency', 'off'], {
      cwd,
      stdout: { write: (t: string) => (out += `<out>${t}`) },
      stderr: { isTTY: true, write: (t: string) => (err += t) },
    });
    expect(code).toBe(1);
    // The first file draws the bar; the last file lifts it, prints, redraws at 51/51, and the end clears it.
    expect(err.startsWith(`\r\u001b[K${progressLine(1, 51)}`)).toBe(true);
    expect(err.endsWith(`\r\u001b[K\r\u001b[K${progressLine(51, 51)}\r\u001b[K`)).toBe(true);
    expect(out.split('<out>').filter(Boolean)).toHaveLength(1);
  });
});

describe('argument parsing', () => {
  it('reads --changed with and without a ref', () => {
    const parse = (argv: string[]): unknown => {
      const parsed = parseCliArgs(argv, (arg) => arg === 'docs');
      return 'error' in parsed ? parsed.error : [parsed.options.changed, parsed.options.targets];
    };
    expect(parse(['--changed'])).toEqual(['HEAD', []]);
    expect(parse(['--changed', 'docs'])).toEqual(['HEAD', ['docs']]);
    expect(parse(['--changed', 'origin/main', 'docs'])).toEqual(['origin/main', ['docs']]);
    expect(parse(['--changed=v1.0', 'docs'])).toEqual(['v1.0', ['docs']]);
    expect(parse(['--changed', '--quiet'])).toEqual(['HEAD', []]);
    expect(parse(['docs'])).toEqual([undefined, ['docs']]);
  });
});

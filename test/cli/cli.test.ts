import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '@fairword/rules';
import { readText } from '../../cli/src/files.js';
import { run } from '../../cli/src/main.js';
import { CLEAN, INFO, SALESMAN, fairword as runBin, filesOf, project, useCli } from './helpers.js';

useCli();

/** Runs the built `fairword` bin in `cwd` with these arguments. */
const fairword = (cwd: string, ...args: string[]): ReturnType<typeof runBin> => runBin(cwd, args);

/** A warning, then the same word again: the repeat is a hint. */
const REPEAT = 'We need a salesman.\n\nThe salesman again.\n';
/** Two directives that silence nothing: two hints and nothing else. */
const DIRECTIVES = '<!-- fairword-disable-next-line young -- quoting -->\nHello there.\n\n<!-- fairword-disable-next-line bme -- quoting -->\nHello again.\n';

describe('fairword output', () => {
  it('prints stylish output: a header per file, a line per finding with its message wrapped beneath, and a summary', async () => {
    const cwd = await project({ 'a.md': SALESMAN, 'b.txt': INFO });
    const { code, stdout, stderr } = fairword(cwd);
    expect(stdout).toBe(
      [
        'a.md',
        '  1:11  warning  gendered-job-title',
        "        'salesman' suggests the job is for one sex. Use a title that fits anyone.",
        '        → try: "salesperson", "sales representative"',
        '  3:24  warning  wheelchair-bound',
        "        'wheelchair-bound' describes a wheelchair as a trap, when it gives people freedom. Say",
        "        'wheelchair user'.",
        '        → try: "wheelchair user", "who uses a wheelchair"',
        '',
        'b.txt',
        '  1:4  info  suffers-from',
        "       'suffers from asthma' casts people as victims of their condition. Say what the condition is,",
        '       plainly.',
        '       → try: "has asthma"',
        '',
        '3 problems (0 errors, 2 warnings, 1 info)',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('lists information and above, counts the hints in one line naming --hints, and lists them with --hints', async () => {
    const cwd = await project({ 'a.md': REPEAT, 'b.txt': INFO });
    const found = [
      'a.md',
      '  1:11  warning  gendered-job-title',
      "        'salesman' suggests the job is for one sex. Use a title that fits anyone.",
      '        → try: "salesperson", "sales representative"',
    ];
    const repeat = [
      '  3:5   hint     gendered-job-title',
      "        'salesman' suggests the job is for one sex. Use a title that fits anyone.",
      '        → try: "salesperson", "sales representative"',
    ];
    const info = [
      'b.txt',
      '  1:4  info  suffers-from',
      "       'suffers from asthma' casts people as victims of their condition. Say what the condition is,",
      '       plainly.',
      '       → try: "has asthma"',
    ];
    expect(fairword(cwd)).toEqual({
      code: 1,
      stderr: '',
      stdout: [...found, '', ...info, '', '2 problems (0 errors, 1 warning, 1 info)', 'plus 1 hint: run with --hints to list it', ''].join('\n'),
    });
    const listed = { code: 1, stderr: '', stdout: [...found, ...repeat, '', ...info, '', '3 problems (0 errors, 1 warning, 1 info, 1 hint)', ''].join('\n') };
    expect(fairword(cwd, '--hints')).toEqual(listed);
    // Hints that fail the run are listed: --max-severity hint implies --hints.
    expect(fairword(cwd, '--max-severity', 'hint')).toEqual(listed);
    // --quiet lists only what fails the run, and says nothing of what it leaves out, with or without --hints.
    const quiet = { code: 1, stderr: '', stdout: [...found, '', '1 problem (0 errors, 1 warning, 0 info)', ''].join('\n') };
    expect(fairword(cwd, '--quiet')).toEqual(quiet);
    expect(fairword(cwd, '--quiet', '--hints')).toEqual(quiet);
  });

  it('counts hints alone in one line, and they never fail the run unless --max-severity is hint', async () => {
    const cwd = await project({ 'a.md': DIRECTIVES });
    expect(fairword(cwd)).toEqual({ code: 0, stderr: '', stdout: '2 hints: run with --hints to list them\n' });
    expect(fairword(cwd, '--hints')).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'a.md',
        '  1:1  hint  unused-directive',
        '       This Fairword directive no longer silences anything. You can remove it.',
        '  4:1  hint  unused-directive',
        '       This Fairword directive no longer silences anything. You can remove it.',
        '',
        '2 problems (0 errors, 0 warnings, 0 info, 2 hints)',
        '',
      ].join('\n'),
    });
    expect(fairword(cwd, '--max-severity', 'hint').code).toBe(1);
  });

  it('keeps every finding with its level in the machine formats, with or without --hints', async () => {
    const cwd = await project({ 'a.md': REPEAT });
    for (const args of [[], ['--hints']]) {
      const [result] = JSON.parse(fairword(cwd, '--format', 'json', ...args).stdout) as Array<{ findings: Array<{ severity: string }> }>;
      expect(result!.findings.map((f) => f.severity)).toEqual(['warning', 'hint']);
      const sarif = JSON.parse(fairword(cwd, '--format', 'sarif', ...args).stdout) as { runs: Array<{ results: Array<{ level: string }> }> };
      expect(sarif.runs[0]!.results.map((r) => r.level)).toEqual(['warning', 'note']);
      expect(fairword(cwd, '--format', 'github', ...args).stdout.split('\n').map((line) => line.split(' ')[0])).toEqual(['::warning', '::notice', '']);
    }
  });

  it('wraps to the terminal width on a TTY (never below 30 columns of text) and to 100 columns otherwise', async () => {
    const cwd = await project({ 'a.md': 'Applicants must not be wheelchair-bound.\n' });
    const capture = async (columns: number | undefined, isTTY: boolean): Promise<string> => {
      let out = '';
      const stdout = { isTTY, ...(columns === undefined ? {} : { columns }), write: (text: string) => (out += text) };
      await run([], { stdout, stderr: { write: () => true }, cwd, env: { NO_COLOR: '1' } });
      return out;
    };
    const header = ['a.md', '  1:24  warning  wheelchair-bound'];
    const summary = ['', '1 problem (0 errors, 1 warning, 0 info)', ''];
    expect(await capture(50, true)).toBe(
      [
        ...header,
        "        'wheelchair-bound' describes a wheelchair",
        '        as a trap, when it gives people freedom.',
        "        Say 'wheelchair user'.",
        '        → try: "wheelchair user", "who uses a',
        '          wheelchair"',
        ...summary,
      ].join('\n'),
    );
    expect(await capture(20, true)).toBe(
      [
        ...header,
        "        'wheelchair-bound' describes a",
        '        wheelchair as a trap, when it',
        '        gives people freedom. Say',
        "        'wheelchair user'.",
        '        → try: "wheelchair user", "who',
        '          uses a wheelchair"',
        ...summary,
      ].join('\n'),
    );
    const piped = [
      ...header,
      "        'wheelchair-bound' describes a wheelchair as a trap, when it gives people freedom. Say",
      "        'wheelchair user'.",
      '        → try: "wheelchair user", "who uses a wheelchair"',
      ...summary,
    ].join('\n');
    expect(await capture(60, false)).toBe(piped);
    expect(await capture(undefined, true)).toBe(piped);
  });

  it('prints JSON: one entry per file, exactly as the engine returns it', async () => {
    const cwd = await project({ 'docs/a.md': SALESMAN, 'clean.md': CLEAN });
    const { code, stdout } = fairword(cwd, '--format', 'json');
    const results = JSON.parse(stdout) as Array<Record<string, unknown> & { findings: Array<Record<string, unknown>> }>;
    expect(results.map(({ file, kind, findings, report }) => ({ file, kind, findings: findings.length, report }))).toEqual([
      { file: 'clean.md', kind: 'general', findings: 0, report: {} },
      { file: 'docs/a.md', kind: 'general', findings: 2, report: {} },
    ]);
    expect(results[1]!.findings.map((f) => [f['ruleId'], f['severity'], f['range'], f['offset'], f['actual'], f['suggestions']])).toEqual([
      ['gendered-job-title', 'warning', { start: { line: 0, character: 10 }, end: { line: 0, character: 18 } }, { start: 10, end: 18 }, 'salesman', ['salesperson', 'sales representative']],
      ['wheelchair-bound', 'warning', { start: { line: 2, character: 23 }, end: { line: 2, character: 39 } }, { start: 44, end: 60 }, 'wheelchair-bound', ['wheelchair user', 'who uses a wheelchair']],
    ]);
    expect(results[1]!.findings[0]).toMatchObject({
      category: 'gender',
      message: "'salesman' suggests the job is for one sex. Use a title that fits anyone.",
      scope: 'span',
      source: { title: expect.any(String) },
    });
    expect(results[1]).toEqual({ file: 'docs/a.md', ...lint(SALESMAN, { filename: 'docs/a.md' }) });
    expect(code).toBe(1);
  });

  it('prints nothing and exits 0 for a clean document', async () => {
    const cwd = await project({ 'clean.md': CLEAN });
    expect(fairword(cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 0 when the findings are below warning', async () => {
    const cwd = await project({ 'b.txt': INFO });
    const { code, stdout } = fairword(cwd);
    expect(stdout.split('\n').at(-2)).toBe('1 problem (0 errors, 0 warnings, 1 info)');
    expect(code).toBe(0);
  });

  it('applies --kind and the config file', async () => {
    const cwd = await project({ 'a.md': SALESMAN, '.fairword.yaml': 'rules:\n  gendered-job-title: off\n' });
    const { code, stdout } = fairword(cwd, '--format', 'json', '--kind', 'policy');
    const [result] = JSON.parse(stdout) as Array<{ kind: string; kindSource: string; findings: Array<{ ruleId: string }> }>;
    expect([result!.kind, result!.kindSource, result!.findings.map((f) => f.ruleId)]).toEqual(['policy', 'option', ['wheelchair-bound']]);
    expect(code).toBe(1);
  });

  it('colours stylish output only on a TTY without NO_COLOR', async () => {
    const cwd = await project({ 'a.md': 'We need a salesman.\n' });
    const capture = async (env: Record<string, string>): Promise<string> => {
      let out = '';
      const stdout = { isTTY: true, write: (text: string) => (out += text) };
      await run([], { stdout, stderr: { write: () => true }, cwd, env });
      return out;
    };
    expect(await capture({})).toContain('\u001b[33mwarning\u001b[0m');
    expect(await capture({ NO_COLOR: '1' })).not.toContain('\u001b[');
  });

  it('prints help and version', async () => {
    const cwd = await project({});
    const help = fairword(cwd, '--help');
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([0, 'Usage: fairword [options] [file|dir|glob ...]']);
    expect(fairword(cwd, '--version')).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });
});

describe('fairword usage and config errors exit 2 with one line', () => {
  it.each([
    [['--bogus'], "fairword: unknown option '--bogus' (see fairword --help)\n"],
    [['--format', 'xml'], "fairword: unknown format 'xml' (expected stylish, json, sarif, github, markdown, junit, gitlab)\n"],
    [['--kind', 'memo'], "fairword: unknown document kind 'memo' (expected job-advert, job-description, person-specification, policy, health-information, general)\n"],
    [['missing.md'], 'fairword: no such file or directory: missing.md\n'],
    [['nothing/**/*.md'], "fairword: no Markdown or text files match 'nothing/**/*.md'\n"],
    [['--config', 'none.yaml'], 'fairword: config file not found: none.yaml\n'],
  ])('%j', async (args, stderr) => {
    const cwd = await project({ 'a.md': SALESMAN });
    expect(fairword(cwd, ...args)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('reports a broken .fairword.yaml with its path, line and column', async () => {
    const cwd = await project({ 'docs/a.md': SALESMAN, 'docs/.fairword.yaml': 'rules:\n  young: [off\n' });
    expect(fairword(cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'fairword: docs/.fairword.yaml:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]\n',
    });
  });

  it('reports an invalid setting in a config forced with --config', async () => {
    const cwd = await project({ 'a.md': SALESMAN, 'conf/fw.yaml': 'rules:\n  no-such-rule: warning\n' });
    expect(fairword(cwd, '--config', 'conf/fw.yaml')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'fairword: conf/fw.yaml:2:3: unknown rule "no-such-rule" (run `fairword rules` to list them)\n',
    });
  });
});

describe('fairword file selection', () => {
  it('expands the cwd and directories to Markdown and text files, sorted, skipping node_modules and .git', async () => {
    const cwd = await project({
      'z.md': CLEAN,
      'docs/b.markdown': CLEAN,
      'docs/a.txt': CLEAN,
      'docs/image.png': 'not text',
      'docs/deep/c.md': CLEAN,
      'node_modules/pkg/readme.md': CLEAN,
      '.git/description.md': CLEAN,
    });
    expect(filesOf(fairword(cwd, '--format', 'json').stdout)).toEqual(['docs/a.txt', 'docs/b.markdown', 'docs/deep/c.md', 'z.md']);
    expect(filesOf(fairword(cwd, '--format', 'json', 'docs').stdout)).toEqual(['docs/a.txt', 'docs/b.markdown', 'docs/deep/c.md']);
    expect(filesOf(fairword(join(cwd, 'docs'), '--format', 'json', '.', '../z.md').stdout)).toEqual(['../z.md', 'a.txt', 'b.markdown', 'deep/c.md']);
  });

  it('expands globs and lints a file named twice once', async () => {
    const cwd = await project({ 'docs/a.md': CLEAN, 'docs/b.txt': CLEAN, 'docs/c.html': CLEAN });
    expect(filesOf(fairword(cwd, '--format', 'json', 'docs/*', 'docs/a.md').stdout)).toEqual(['docs/a.md', 'docs/b.txt']);
  });

  it('respects .gitignore files from the repository root down, for directories but not for named files', async () => {
    const cwd = await project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'drafts/\n*.tmp.md\n',
      'drafts/a.md': CLEAN,
      'notes.tmp.md': CLEAN,
      'docs/.gitignore': 'old.md\n!keep.tmp.md\n',
      'docs/old.md': CLEAN,
      'docs/new.md': CLEAN,
      'docs/keep.tmp.md': CLEAN,
      'docs/sub/old.md': CLEAN,
    });
    expect(filesOf(fairword(cwd, '--format', 'json').stdout)).toEqual(['docs/keep.tmp.md', 'docs/new.md']);
    expect(filesOf(fairword(join(cwd, 'docs'), '--format', 'json').stdout)).toEqual(['keep.tmp.md', 'new.md']);
    expect(filesOf(fairword(cwd, '--format', 'json', 'docs/old.md').stdout)).toEqual(['docs/old.md']);
  });

  it("skips files matched by the config's ignore patterns, with a note when named", async () => {
    const cwd = await project({ '.fairword.yaml': 'ignore: [legacy/]\n', 'legacy/a.md': SALESMAN, 'b.md': CLEAN });
    expect(fairword(cwd, '--format', 'json')).toMatchObject({ code: 0, stderr: '' });
    expect(filesOf(fairword(cwd, '--format', 'json').stdout)).toEqual(['b.md']);
    expect(fairword(cwd, 'legacy/a.md')).toEqual({ code: 0, stdout: '', stderr: 'fairword: skipped legacy/a.md: ignored by the config\'s "ignore" patterns\n' });
  });

  it('skips a named file that is not Markdown or text, and binary files, with a note', async () => {
    const cwd = await project({ 'logo.png': 'PNG', 'data.txt': new Uint8Array([104, 105, 0, 1]), 'a.md': CLEAN });
    const { code, stdout, stderr } = fairword(cwd, '--format', 'json', 'logo.png', 'data.txt', 'a.md');
    expect(filesOf(stdout)).toEqual(['a.md']);
    expect(stderr).toBe('fairword: skipped logo.png: not a Markdown, text or Word (.docx) file\nfairword: skipped data.txt: binary file\n');
    expect(code).toBe(0);
  });

  it('reads a file that vanished as a note, not a crash', async () => {
    const cwd = await project({});
    expect(await readText(join(cwd, 'gone.md'), 'gone.md', 1024)).toEqual({ note: 'cannot read gone.md: file not found' });
  });

  it('skips files over maxFileSize with a note', async () => {
    const cwd = await project({ '.fairword.yaml': 'maxFileSize: 10\n', 'big.md': SALESMAN, 'small.md': 'Hi.\n' });
    const { code, stdout, stderr } = fairword(cwd, '--format', 'json');
    expect(filesOf(stdout)).toEqual(['small.md']);
    expect(stderr).toBe('fairword: skipped big.md: 62 bytes is over the 10-byte limit (maxFileSize)\n');
    expect(code).toBe(0);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { DocxDocument } from '@fairword/rules/docx';
import { buildDocx, p, table } from '../docx/build.js';
import { fairword, project, useCli } from './helpers.js';

useCli();

/** A short advert: a heading, a phrase split by bold mid-word, and a table cell. */
const ADVERT = buildDocx({
  body:
    p('Ward clerk', 'Heading1') +
    p(['We welcome a recent grad', '*uate', ' to the team.']) +
    table([
      ['Hours', 'Full time'],
      ['Team', 'Our manpower is stretched'],
    ]),
});

describe('fairword on Word documents', () => {
  test('JSON gives each finding its paragraph, table cell, offsets within the paragraph and the text around it', async () => {
    const dir = await project({ 'advert.docx': ADVERT });
    const run = fairword(dir, ['advert.docx', '--format', 'json']);
    const [result] = JSON.parse(run.stdout) as Array<{ file: string; findings: Array<{ ruleId: string; docx: unknown }> }>;
    expect(result!.file).toBe('advert.docx');
    expect(result!.findings.map((f) => [f.ruleId, f.docx])).toEqual([
      ['recent-graduate', { paragraph: 2, story: 'body', start: 13, end: 28, quote: 'recent graduate', context: 'We welcome a recent graduate to the team.', heading: 'Ward clerk' }],
      [
        'gendered-job-title',
        {
          paragraph: 6,
          story: 'body',
          table: { table: 1, row: 2, column: 2 },
          start: 4,
          end: 12,
          quote: 'manpower',
          context: 'Our manpower is stretched',
          heading: 'Ward clerk',
        },
      ],
    ]);
    expect(run.code).toBe(1);
  });

  test('stylish, github, markdown and SARIF say where in words: paragraph, cell, heading and the quoted words', async () => {
    const dir = await project({ 'advert.docx': ADVERT });
    expect(fairword(dir, ['advert.docx']).stdout).toBe(
      [
        'advert.docx',
        '  paragraph 2  warning  recent-graduate',
        '               paragraph 2 under "Ward clerk": "recent graduate"',
        "               'recent graduate' points to a narrow age band. Ask for the qualification or skill",
        '               itself.',
        '               → try: "graduate"',
        '  paragraph 6  warning  gendered-job-title',
        '               table 1, row 2, column 2, paragraph 6 under "Ward clerk": "manpower"',
        "               'manpower' suggests the job is for one sex. Use a title that fits anyone.",
        '               → try: "staffing", "workforce"',
        '',
        '2 problems (0 errors, 2 warnings, 0 info)',
        '',
      ].join('\n'),
    );
    const github = fairword(dir, ['advert.docx', '-f', 'github']).stdout;
    expect(github.split('\n')[0]).toBe(
      "::warning file=advert.docx,title=Fairword%3A recent-graduate::paragraph 2 under \"Ward clerk\": \"recent graduate\": 'recent graduate' points to a narrow age band. Ask for the qualification or skill itself.%0ATry: \"graduate\"",
    );
    const markdown = fairword(dir, ['advert.docx', '-f', 'markdown']).stdout;
    expect(markdown).toContain('| Where | Severity | Rule | Message | Suggestion |');
    expect(markdown).toContain('| table 1, row 2, column 2, paragraph 6 under "Ward clerk": "manpower" | warning |');
    const sarif = JSON.parse(fairword(dir, ['advert.docx', '-f', 'sarif']).stdout) as {
      runs: Array<{ results: Array<{ message: { text: string }; locations: unknown[]; fixes?: unknown }> }>;
    };
    const first = sarif.runs[0]!.results[0]!;
    expect(first.message.text).toMatch(/^paragraph 2 under "Ward clerk": "recent graduate": 'recent graduate' points/);
    expect(first.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'advert.docx' } }, logicalLocations: [{ name: 'paragraph 2', kind: 'paragraph' }] }]);
    expect(first.fixes).toBeUndefined();
  });

  test('fairword report reads a Word document: its kind and the advert report', async () => {
    const advert = buildDocx({
      body: p('Ward clerk', 'Heading1') + p('About the role', 'Heading1') + p('Salary: £23,500 a year. Closing date: 1 June.') + p('How to apply', 'Heading1') + p('Apply online.'),
    });
    const dir = await project({ 'advert.docx': advert });
    const run = fairword(dir, ['report', 'advert.docx', '--format', 'json']);
    const [report] = JSON.parse(run.stdout) as Array<{ file: string; kind: string; report: { statements: Record<string, boolean> } }>;
    expect([report!.file, report!.kind, run.code]).toEqual(['advert.docx', 'job-advert', 0]);
    expect(report!.report.statements).toEqual({
      salary: true,
      flexible_working: false,
      reasonable_adjustments: false,
      inclusion_statement: false,
      disability_confident: false,
    });
  });

  test('a directory run finds .docx files (not Word lock files); --fix says it leaves them alone and changes nothing', async () => {
    const dir = await project({ 'docs/advert.docx': ADVERT, 'docs/~$advert.docx': strToU8('lock'), 'docs/notes.md': 'Nothing here.\n' });
    const listed = fairword(dir, ['docs', '--format', 'json']);
    expect((JSON.parse(listed.stdout) as Array<{ file: string }>).map((r) => r.file)).toEqual(['docs/advert.docx', 'docs/notes.md']);
    const fixed = fairword(dir, ['docs/advert.docx', '--fix']);
    expect(fixed.stderr).toBe(
      'fairword: not fixing docs/advert.docx: --fix never changes Word documents; run "fairword review docs/advert.docx" for a copy with tracked changes\nfairword: no safe fixes to apply\n',
    );
    expect(readFileSync(join(dir, 'docs/advert.docx'))).toEqual(Buffer.from(ADVERT));
  });

  test('bad Word files: one line each, exit 2, the other files are still checked', async () => {
    const locked = new Uint8Array(2048);
    locked.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    locked.set([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    const dir = await project({
      'a-truncated.docx': ADVERT.subarray(0, 200),
      'b-macros.docm': buildDocx({ body: p('Hello'), extra: { 'word/vbaProject.bin': new Uint8Array(8) } }),
      'c-bomb.docx': zipSync({ 'word/document.xml': strToU8(' '.repeat(8 * 1024 * 1024)) }, { level: 9 }),
      'd-locked.docx': locked,
      'e-good.docx': ADVERT,
    });
    const run = fairword(dir, ['.', '--format', 'json']);
    expect(run.stderr).toBe(
      'fairword: cannot read a-truncated.docx: the file is damaged or truncated (invalid zip data)\n' +
        "fairword: cannot read c-bomb.docx: 'word/document.xml' is compressed more than 200 to 1; it is not read (a possible zip bomb)\n" +
        'fairword: cannot read d-locked.docx: the document is password-protected (encrypted); remove the password in Word and try again\n',
    );
    expect((JSON.parse(run.stdout) as Array<{ file: string }>).map((r) => r.file)).toEqual(['e-good.docx']);
    expect(run.code).toBe(2);
    const named = fairword(dir, ['b-macros.docm', 'e-good.docx', '--format', 'json']);
    expect(named.stderr).toBe(
      'fairword: cannot read b-macros.docm: the document contains macros (vbaProject.bin); Fairword does not open macro-enabled files: save a copy as .docx without macros\n',
    );
    expect((JSON.parse(named.stdout) as Array<{ file: string }>).map((r) => r.file)).toEqual(['e-good.docx']);
    expect(readdirSync(dir).sort()).toEqual(['a-truncated.docx', 'b-macros.docm', 'c-bomb.docx', 'd-locked.docx', 'e-good.docx']);
    expect(named.code).toBe(2);
  });
});

describe('fairword review', () => {
  test('writes NAME.reviewed.docx beside the original, which is not touched', async () => {
    const dir = await project({ 'advert.docx': ADVERT });
    const run = fairword(dir, ['review', 'advert.docx']);
    expect(run).toEqual({ code: 0, stdout: 'wrote advert.reviewed.docx: 2 findings, 3 comments, 1 tracked change\n', stderr: '' });
    expect(readFileSync(join(dir, 'advert.docx'))).toEqual(Buffer.from(ADVERT));
    expect(readdirSync(dir).sort()).toEqual(['advert.docx', 'advert.reviewed.docx']);
    expect(DocxDocument.open(readFileSync(join(dir, 'advert.reviewed.docx'))).text).toBe(
      'Ward clerk\n\nWe welcome a graduate to the team.\n\nHours\n\nFull time\n\nTeam\n\nOur manpower is stretched',
    );
  });

  test('--out and --no-track-changes; the original can never be the output', async () => {
    const dir = await project({ 'advert.docx': ADVERT, 'out/keep.txt': '' });
    expect(fairword(dir, ['review', 'advert.docx', '--no-track-changes', '--out', 'out'])).toEqual({
      code: 0,
      stdout: 'wrote out/advert.reviewed.docx: 2 findings, 3 comments, 0 tracked changes\n',
      stderr: '',
    });
    expect(DocxDocument.open(readFileSync(join(dir, 'out/advert.reviewed.docx'))).text).toBe(DocxDocument.open(ADVERT).text);
    expect(fairword(dir, ['review', 'advert.docx', '-o', 'advert.docx'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'fairword: not writing advert.docx: the reviewed copy must not replace the original; choose another --out\n',
    });
    expect(readFileSync(join(dir, 'advert.docx'))).toEqual(Buffer.from(ADVERT));
  });

  test('bad input: each file one line and exit 2, the good one still reviewed, nothing else written', async () => {
    const dir = await project({ 'bad.docx': 'not a zip', 'notes.md': 'Hello.\n', 'good.docx': ADVERT });
    const run = fairword(dir, ['review', 'bad.docx', 'notes.md', 'good.docx']);
    expect(run.stderr).toBe(
      'fairword: cannot read bad.docx: not a Word .docx document (it is not a zip package)\n' +
        'fairword: cannot review notes.md: review writes a reviewed copy of a Word document (.docx); for Markdown and text files use --fix\n',
    );
    expect(run.stdout).toBe('wrote good.reviewed.docx: 2 findings, 3 comments, 1 tracked change\n');
    expect(run.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['bad.docx', 'good.docx', 'good.reviewed.docx', 'notes.md']);
  });
});

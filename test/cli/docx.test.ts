import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { DocxDocument } from '@fairword/rules/docx';
import { buildDocx, p, table, withDamagedEntry, withDeclaredSize } from '../docx/build.js';
import { BIN, fairword, project, useCli } from './helpers.js';

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

  test('a finding in a header or footer says so: story, which header, the paragraph within it', async () => {
    const dir = await project({ 'advert.docx': buildDocx({ body: p('Ward clerk'), footer: 'Ideal for a recent graduate' }) });
    const run = fairword(dir, ['advert.docx', '--format', 'json']);
    const [result] = JSON.parse(run.stdout) as Array<{ findings: Array<{ ruleId: string; docx: unknown }> }>;
    expect(result!.findings.map((f) => [f.ruleId, f.docx])).toEqual([
      ['recent-graduate', { paragraph: 1, story: 'footer', part: 1, start: 12, end: 27, quote: 'recent graduate', context: 'Ideal for a recent graduate' }],
    ]);
    expect(fairword(dir, ['advert.docx']).stdout).toContain('               footer 1, paragraph 1: "recent graduate"\n');
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

  test('bad Word files: one line each, exit 2, the other files are still checked, nothing is written', async () => {
    const dir = await project({ ...BAD_FILES, 'z-good.docx': ADVERT });
    const run = fairword(dir, [...Object.keys(BAD_FILES), 'z-good.docx', '--format', 'json']);
    expect(run.stderr).toBe(BAD_LINES.map((line) => `fairword: cannot read ${line}\n`).join(''));
    expect((JSON.parse(run.stdout) as Array<{ file: string; findings: unknown[] }>).map((r) => [r.file, r.findings.length])).toEqual([['z-good.docx', 2]]);
    expect(run.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([...Object.keys(BAD_FILES), 'z-good.docx']);
    // A folder run finds the .docx files among them (not .doc or .docm, which are refused only when named).
    const folder = fairword(dir, ['.', '--format', 'json']);
    expect(folder.stderr).toBe(BAD_LINES.filter((line) => /^\S+\.docx:/.test(line)).map((line) => `fairword: cannot read ${line}\n`).join(''));
    expect(folder.code).toBe(2);
  });
});

/** One of each kind of Word file Fairword refuses, and the line it refuses it with (after "cannot read "). */
const BAD_FILES: Record<string, Uint8Array> = {
  'a-damaged.docx': withDamagedEntry(ADVERT, 'word/document.xml'),
  'b-truncated.docx': ADVERT.subarray(0, 200),
  'c-locked.docx': ole('EncryptedPackage'),
  'd-legacy.doc': ole('WordDocument'),
  'e-bomb.docx': zipSync({ 'word/document.xml': strToU8(' '.repeat(8 * 1024 * 1024)) }, { level: 9 }),
  'f-lying-bomb.docx': withDeclaredSize(zipSync({ 'word/document.xml': strToU8(' '.repeat(8 * 1024 * 1024)) }, { level: 9 }), 'word/document.xml', 1000),
  'g-macros.docm': buildDocx({ body: p('Hello'), extra: { 'word/vbaProject.bin': new Uint8Array(8) } }),
};
const BAD_LINES = [
  'a-damaged.docx: the file is damaged or truncated (invalid length/literal)',
  'b-truncated.docx: the file is damaged or truncated (invalid zip data)',
  'c-locked.docx: the document is password-protected (encrypted); remove the password in Word and try again',
  'd-legacy.doc: this is an old Word 97-2003 (.doc) file; save it as .docx (Word Document) and try again',
  "e-bomb.docx: 'word/document.xml' is compressed more than 200 to 1; it is not read (a possible zip bomb)",
  "f-lying-bomb.docx: 'word/document.xml' holds more data than the size it declares; it is not read (a damaged file or a possible zip bomb)",
  'g-macros.docm: the document contains macros (vbaProject.bin); Fairword does not open macro-enabled files: save a copy as .docx without macros',
];

/** An OLE compound file (the container of .doc files and of password-protected documents) naming `stream`. */
function ole(stream: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set([...stream].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
  return bytes;
}

describe('--stdin with a Word document', () => {
  test('--stdin-filename x.docx reads the bytes on stdin as a Word document, with its config and locations', async () => {
    const dir = await project({ 'docs/.fairword.yaml': 'rules:\n  recent-graduate: off\n' });
    const run = fairword(dir, ['--stdin', '--stdin-filename', 'docs/advert.docx', '--format', 'json'], ADVERT);
    const [result] = JSON.parse(run.stdout) as Array<{ file: string; findings: Array<{ ruleId: string; docx: { paragraph: number; quote: string } }> }>;
    expect([run.code, run.stderr, result!.file]).toEqual([1, '', 'docs/advert.docx']);
    expect(result!.findings.map((f) => [f.ruleId, f.docx.paragraph, f.docx.quote])).toEqual([['gendered-job-title', 6, 'manpower']]);
    expect(readdirSync(dir)).toEqual(['docs']);
  });

  test.each([
    ['a truncated file', ADVERT.subarray(0, 200), 'the file is damaged or truncated (invalid zip data)'],
    ['plain text', strToU8('We need a salesman.'), 'not a Word .docx document (it is not a zip package)'],
    ['a document with macros', buildDocx({ body: p('Hello'), extra: { 'word/vbaProject.bin': new Uint8Array(8) } }), 'the document contains macros (vbaProject.bin); Fairword does not open macro-enabled files: save a copy as .docx without macros'],
  ])('%s on stdin: one line, exit 2, nothing on stdout', async (_name, bytes, reason) => {
    const dir = await project({});
    expect(fairword(dir, ['--stdin', '--stdin-filename', 'advert.docx', '--format', 'json'], bytes)).toEqual({
      code: 2,
      stdout: '',
      stderr: `fairword: cannot read advert.docx: ${reason}\n`,
    });
  });

  test('stdin is read as a Word document up to the 64 MB cap, then cut off with an error', { timeout: 60_000 }, () => {
    const run = spawnSync('sh', ['-c', `head -c 70000000 /dev/zero | "${process.execPath}" "${BIN}" --stdin --stdin-filename big.docx`], { encoding: 'utf8', timeout: 50_000 });
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', 'fairword: stdin is longer than 67108864 bytes; check it as a file, or in parts\n']);
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
    const dir = await project({ ...BAD_FILES, 'notes.md': 'Hello.\n', 'z-good.docx': ADVERT });
    const run = fairword(dir, ['review', ...Object.keys(BAD_FILES), 'notes.md', 'z-good.docx']);
    expect(run.stderr).toBe(
      BAD_LINES.map((line) => `fairword: cannot read ${line}\n`).join('') +
        'fairword: cannot review notes.md: review writes a reviewed copy of a Word document (.docx); for Markdown and text files use --fix\n',
    );
    expect(run.stdout).toBe('wrote z-good.reviewed.docx: 2 findings, 3 comments, 1 tracked change\n');
    expect(run.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([...Object.keys(BAD_FILES), 'notes.md', 'z-good.docx', 'z-good.reviewed.docx']);
    for (const [name, bytes] of Object.entries(BAD_FILES)) expect(readFileSync(join(dir, name)), name).toEqual(Buffer.from(bytes));
  });
});

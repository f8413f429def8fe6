import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { getRule, type Finding } from '@fairword/rules';
import { escapeData, escapeProperty, githubAnnotation } from '../../cli/src/formats/github.js';
import { FORMATS, formatAll, type FileResult } from '../../cli/src/formats/index.js';
import { markdownCell, markdownRow } from '../../cli/src/formats/markdown.js';
import { sarifResult, sarifRule, sarifRuleName, sarifUri } from '../../cli/src/formats/sarif.js';
import { knownRuleIds, ruleMeta } from '../../cli/src/rule-meta.js';
import { xml } from '../../cli/src/formats/junit.js';
import { CLEAN, fairword, project, ROOT, SALESMAN, useCli } from './helpers.js';

useCli();

const DOCS = 'https://github.com/fairword/fairword/blob/main/docs/rules.md';
const MULTITOOL = join(ROOT, 'node_modules/.bin/sarif-multitool');
const SARIF_SCHEMA = join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json');

/** A finding that uses every field the formats read: a repeat, a choice of suggestions and an insertion. */
const FINDING: Finding = {
  ruleId: 'gendered-job-title',
  category: 'gender',
  severity: 'warning',
  message: "'chairman' suggests the job is for one sex.",
  range: { start: { line: 1, character: 4 }, end: { line: 1, character: 12 } },
  offset: { start: 10, end: 18 },
  actual: 'chairman',
  suggestions: ['chair', 'chairperson'],
  source: { title: 'Acas', url: 'https://www.acas.org.uk/' },
  note: 'Job titles should fit anyone.',
  scope: 'span',
  related: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 8 } }, offset: { start: 30, end: 38 }, message: 'Used again here' }],
  insert: { offset: 40, position: { line: 4, character: 0 }, text: 'We pay £30,000.\n', title: 'Insert a salary statement' },
};

/** The same finding as an information-level hit with no fixes, in a file under a folder with a space. */
const PLAIN: Finding = { ...FINDING, severity: 'information', suggestions: [], related: [] };
delete (PLAIN as Partial<Finding>).insert;

const CONTEXT = { color: false, version: '9.9.9', failAt: 'warning' as const, hints: true, width: 100 };

describe('SARIF', () => {
  it('turns a finding into a result: level, message, 1-based region, related places and one fix per suggestion or insertion', () => {
    const region = { startLine: 2, startColumn: 5, endLine: 2, endColumn: 13, charOffset: 10, charLength: 8 };
    expect(sarifResult(FINDING, 'docs/a.md', 3)).toEqual({
      ruleId: 'gendered-job-title',
      ruleIndex: 3,
      level: 'warning',
      message: { text: "'chairman' suggests the job is for one sex." },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/a.md' }, region } }],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: { artifactLocation: { uri: 'docs/a.md' }, region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 9, charOffset: 30, charLength: 8 } },
          message: { text: 'Used again here' },
        },
      ],
      fixes: [
        { description: { text: 'Replace with "chair"' }, artifactChanges: [{ artifactLocation: { uri: 'docs/a.md' }, replacements: [{ deletedRegion: region, insertedContent: { text: 'chair' } }] }] },
        { description: { text: 'Replace with "chairperson"' }, artifactChanges: [{ artifactLocation: { uri: 'docs/a.md' }, replacements: [{ deletedRegion: region, insertedContent: { text: 'chairperson' } }] }] },
        {
          description: { text: 'Insert a salary statement' },
          artifactChanges: [
            {
              artifactLocation: { uri: 'docs/a.md' },
              replacements: [
                { deletedRegion: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 1, charOffset: 40, charLength: 0 }, insertedContent: { text: 'We pay £30,000.\n' } },
              ],
            },
          ],
        },
      ],
      properties: { category: 'gender' },
    });
    expect(sarifResult(PLAIN, 'a.md')).toEqual({
      ruleId: 'gendered-job-title',
      level: 'note',
      message: { text: "'chairman' suggests the job is for one sex." },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'a.md' }, region } }],
      properties: { category: 'gender' },
    });
  });

  it.each([
    ['docs/a.md', 'docs/a.md'],
    ['../up/b c.md', '../up/b%20c.md'],
    ['x/100%#?.md', 'x/100%25%23%3F.md'],
    ['C:colon.md', 'C%3Acolon.md'],
    ['café.md', 'caf%C3%A9.md'],
  ])('makes %j the URI %j', (file, uri) => {
    expect(sarifUri(file)).toBe(uri);
  });

  it('describes a rule with its title, note, help with sources, docs anchor and default level', () => {
    const meta = getRule('wheelchair-bound')!;
    const rule = sarifRule(meta);
    expect(rule).toMatchObject({
      id: 'wheelchair-bound',
      name: 'WheelchairBound',
      shortDescription: { text: meta.title },
      fullDescription: { text: meta.note },
      helpUri: `${DOCS}#wheelchair-bound`,
      defaultConfiguration: { level: 'warning' },
      properties: { category: 'disability', tags: ['fairword', 'disability'] },
    });
    for (const source of meta.sources) {
      expect(rule.help!.text).toContain(`- ${source.title} (${source.url})`);
      expect(rule.help!.markdown).toContain(`](${source.url})`);
    }
    expect(rule.help!.markdown!.split('\n').at(-1)).toBe(`[Rule reference](${DOCS}#wheelchair-bound)`);
    expect(sarifRule({ ...meta, severity: 'information' }).defaultConfiguration).toEqual({ level: 'note' });
    expect(sarifRule({ ...meta, severity: 'hint' }).defaultConfiguration).toEqual({ level: 'note' });
    expect(sarifRule({ ...meta, severity: 'error' }).defaultConfiguration).toEqual({ level: 'error' });
  });

  it('gives every rule a PascalCase name that differs from its id, ignoring case (SARIF1001, SARIF2012)', () => {
    expect(['mature', 'bame', 'slurs', 'custom-term'].map((id) => sarifRuleName(ruleMeta(id)))).toEqual(['AgeMature', 'EthnicityBame', 'GeneralSlurs', 'CustomTerm']);
    for (const id of knownRuleIds()) {
      const name = sarifRuleName(ruleMeta(id));
      expect(name.toLowerCase(), id).not.toBe(id.toLowerCase());
      expect(name, id).toMatch(/^(?:\p{Lu}[\p{Ll}\p{Nd}]+)+$/u);
    }
  });

  it('writes a log that the SARIF multitool and the 2.1.0 schema accept, with metadata for each rule that appears', async () => {
    // 'young' is a one-word rule id: its friendly name must still differ from it (SARIF1001 ignores case).
    const cwd = await project({ 'docs/a b.md': `${SALESMAN}The salesman again.\n`, 'clean.md': CLEAN, 'young.md': 'We are looking for young applicants.\n' });
    const run = fairword(cwd, ['--format', 'sarif']);
    expect([run.code, run.stderr]).toEqual([1, '']);
    const log = JSON.parse(run.stdout) as { runs: Array<{ tool: { driver: Record<string, unknown> & { rules: Array<{ id: string; name: string }> } }; results: unknown[] }> };
    const [only] = log.runs;
    expect(only!.tool.driver).toMatchObject({ name: 'Fairword', informationUri: 'https://github.com/fairword/fairword', version: '0.1.0' });
    expect(only!.tool.driver.rules.map((r) => [r.id, r.name])).toEqual([
      ['gendered-job-title', 'GenderedJobTitle'],
      ['wheelchair-bound', 'WheelchairBound'],
      ['young', 'AgeYoung'],
    ]);
    expect(only!.results).toEqual([
      expect.objectContaining({ ruleId: 'gendered-job-title', ruleIndex: 0, level: 'warning', relatedLocations: [expect.objectContaining({ id: 1 })] }),
      expect.objectContaining({ ruleId: 'wheelchair-bound', ruleIndex: 1, level: 'warning' }),
      expect.objectContaining({ ruleId: 'gendered-job-title', ruleIndex: 0, level: 'note' }),
      expect.objectContaining({ ruleId: 'young', ruleIndex: 2, level: 'warning' }),
    ]);
    expect(JSON.stringify(only!.results[1])).toContain('"uri":"docs/a%20b.md"');

    // The hand-made finding adds related places and an insertion fix to what the engine produced.
    const extra = formatAll(FORMATS.sarif, [{ file: 'x/y.md', kind: 'general', kindSource: 'default', findings: [FINDING, PLAIN], report: {} }], CONTEXT);
    const schema = JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object;
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    for (const [name, text] of [['cli.sarif', run.stdout], ['extra.sarif', extra]] as const) {
      expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
      const file = join(cwd, name);
      await writeFile(file, text);
      const check = spawnSync(MULTITOOL, ['validate', file], { encoding: 'utf8' });
      expect(check.status, check.stdout + check.stderr).toBe(0);
      expect(check.stdout).toContain('Analysis completed successfully.');
      expect(check.stdout).not.toMatch(/: (error|warning) /);
    }
  }, 30000);

  it('writes an empty run when nothing is found', async () => {
    const cwd = await project({ 'clean.md': CLEAN });
    const run = fairword(cwd, ['--format', 'sarif']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Fairword', informationUri: 'https://github.com/fairword/fairword', version: '0.1.0', semanticVersion: '0.1.0', rules: [] } },
          columnKind: 'utf16CodeUnits',
          results: [],
        },
      ],
    });
  });
});

describe('GitHub annotations', () => {
  it('escapes data and properties', () => {
    expect(escapeData('50% off\r\nnow: a,b')).toBe('50%25 off%0D%0Anow: a,b');
    expect(escapeProperty('50% off\r\nnow: a,b')).toBe('50%25 off%0D%0Anow%3A a%2Cb');
  });

  it('maps severities to error, warning and notice, and gives columns only for one-line findings', () => {
    const lines = (['error', 'warning', 'information', 'hint'] as const).map((severity) => githubAnnotation('d,1:x.md', { ...PLAIN, severity }));
    expect(lines).toEqual([
      "::error file=d%2C1%3Ax.md,line=2,col=5,endLine=2,endColumn=13,title=Fairword%3A gendered-job-title::'chairman' suggests the job is for one sex.\n",
      "::warning file=d%2C1%3Ax.md,line=2,col=5,endLine=2,endColumn=13,title=Fairword%3A gendered-job-title::'chairman' suggests the job is for one sex.\n",
      "::notice file=d%2C1%3Ax.md,line=2,col=5,endLine=2,endColumn=13,title=Fairword%3A gendered-job-title::'chairman' suggests the job is for one sex.\n",
      "::notice file=d%2C1%3Ax.md,line=2,col=5,endLine=2,endColumn=13,title=Fairword%3A gendered-job-title::'chairman' suggests the job is for one sex.\n",
    ]);
    const multiLine = { ...FINDING, range: { start: { line: 1, character: 4 }, end: { line: 2, character: 3 } } };
    expect(githubAnnotation('a.md', multiLine)).toBe(
      "::warning file=a.md,line=2,endLine=3,title=Fairword%3A gendered-job-title::'chairman' suggests the job is for one sex.%0ATry: \"chair\", \"chairperson\"%0AFix: Insert a salary statement\n",
    );
  });

  it('prints one workflow command per finding', async () => {
    const cwd = await project({ 'a.md': SALESMAN, 'b.md': CLEAN });
    expect(fairword(cwd, ['--format', 'github'])).toEqual({
      code: 1,
      stderr: '',
      stdout: [
        "::warning file=a.md,line=1,col=11,endLine=1,endColumn=19,title=Fairword%3A gendered-job-title::'salesman' suggests the job is for one sex. Use a title that fits anyone.%0ATry: \"salesperson\", \"sales representative\"",
        "::warning file=a.md,line=3,col=24,endLine=3,endColumn=40,title=Fairword%3A wheelchair-bound::'wheelchair-bound' describes a wheelchair as a trap, when it gives people freedom. Say 'wheelchair user'.%0ATry: \"wheelchair user\", \"who uses a wheelchair\"",
        '',
      ].join('\n'),
    });
  });
});

describe('Markdown summary', () => {
  it('escapes table cells and links rules to their docs', () => {
    expect(markdownCell('a | b\n*c* <d>')).toBe('a \\| b \\*c\\* \\<d\\>');
    expect(markdownRow(FINDING)).toBe(
      `| 2 | warning | [gendered-job-title](${DOCS}#gendered-job-title) | 'chairman' suggests the job is for one sex. | chair, chairperson |`,
    );
    expect(markdownRow({ ...PLAIN, insert: FINDING.insert!, ruleId: 'custom-term' })).toBe(
      `| 2 | information | [custom-term](${DOCS}) | 'chairman' suggests the job is for one sex. | Insert a salary statement |`,
    );
  });

  it('prints counts by severity and category, then a table per file', async () => {
    const cwd = await project({ 'a.md': SALESMAN, 'b.md': CLEAN });
    const run = fairword(cwd, ['--format', 'markdown']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        '## Fairword',
        '',
        'Found **2 problems** in 1 of 2 files checked.',
        '',
        '| Severity | Findings |',
        '| --- | ---: |',
        '| Error | 0 |',
        '| Warning | 2 |',
        '| Information | 0 |',
        '| Hint | 0 |',
        '',
        '| Category | Findings |',
        '| --- | ---: |',
        '| disability | 1 |',
        '| gender | 1 |',
        '',
        '### a.md (2 findings)',
        '',
        '| Line | Severity | Rule | Message | Suggestion |',
        '| ---: | --- | --- | --- | --- |',
        `| 1 | warning | [gendered-job-title](${DOCS}#gendered-job-title) | 'salesman' suggests the job is for one sex. Use a title that fits anyone. | salesperson, sales representative |`,
        `| 3 | warning | [wheelchair-bound](${DOCS}#wheelchair-bound) | 'wheelchair-bound' describes a wheelchair as a trap, when it gives people freedom. Say 'wheelchair user'. | wheelchair user, who uses a wheelchair |`,
        '',
      ].join('\n'),
    );
    expect(fairword(cwd, ['--format', 'markdown', 'b.md']).stdout).toBe('## Fairword\n\nNo problems found in 1 file checked.\n');
  });
});

describe('JUnit and GitLab Code Quality', () => {
  it('escapes XML and drops characters XML cannot hold', () => {
    expect(xml(`<a href="x">'&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('prints JUnit XML: a suite per file, failures at or above --max-severity, a passing case for a clean file', async () => {
    const cwd = await project({ 'a.md': 'We need a salesman.\n', 'b.md': CLEAN });
    const results: FileResult[] = JSON.parse(fairword(cwd, ['--format', 'json']).stdout) as FileResult[];
    const message = "'salesman' suggests the job is for one sex. Use a title that fits anyone.";
    const escaped = message.replace(/'/g, '&apos;');
    const expected = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="fairword" tests="2" failures="1" errors="0">',
      '  <testsuite name="a.md" tests="1" failures="1" errors="0">',
      '    <testcase classname="a.md" name="1:11 gendered-job-title" file="a.md" line="1">',
      `      <failure type="warning" message="${escaped}">warning at a.md:1:11 (gendered-job-title): ${escaped}`,
      'Try: &quot;salesperson&quot;, &quot;sales representative&quot;</failure>',
      '    </testcase>',
      '  </testsuite>',
      '  <testsuite name="b.md" tests="1" failures="0" errors="0">',
      '    <testcase classname="b.md" name="fairword" file="b.md"/>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n');
    expect(fairword(cwd, ['--format', 'junit'])).toEqual({ code: 1, stdout: expected, stderr: '' });
    // Below --max-severity the finding is a passing case that carries it as output.
    const passing = formatAll(FORMATS.junit, results, { ...CONTEXT, failAt: 'error' });
    expect(passing).toContain('<testsuites name="fairword" tests="2" failures="0" errors="0">');
    expect(passing).toContain(`      <system-out>warning at a.md:1:11 (gendered-job-title): ${escaped}\nTry:`);
  });

  it('prints a GitLab Code Quality report with stable, distinct fingerprints', async () => {
    const cwd = await project({ 'a.md': 'We need a salesman.\n\nThe salesman again.\n' });
    const run = fairword(cwd, ['--format', 'gitlab']);
    const issues = JSON.parse(run.stdout) as Array<Record<string, unknown> & { fingerprint: string }>;
    expect(issues.map(({ fingerprint: _f, ...rest }) => rest)).toEqual([
      { description: "'salesman' suggests the job is for one sex. Use a title that fits anyone.", check_name: 'gendered-job-title', severity: 'major', location: { path: 'a.md', lines: { begin: 1, end: 1 } } },
      { description: "'salesman' suggests the job is for one sex. Use a title that fits anyone.", check_name: 'gendered-job-title', severity: 'info', location: { path: 'a.md', lines: { begin: 3, end: 3 } } },
    ]);
    expect(issues.every((i) => /^[0-9a-f]{32}$/.test(i.fingerprint))).toBe(true);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(2);
    // Moving the findings down a line keeps their fingerprints.
    await writeFile(join(cwd, 'a.md'), '\nWe need a salesman.\n\nThe salesman again.\n');
    const moved = JSON.parse(fairword(cwd, ['--format', 'gitlab']).stdout) as Array<{ fingerprint: string }>;
    expect(moved.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
    expect(fairword(cwd, ['--format', 'gitlab', '--quiet', '--max-severity', 'error']).stdout).toBe('[]\n');
  });
});

describe('JSON', () => {
  it('streams exactly what JSON.stringify(results, null, 2) would print', async () => {
    const cwd = await project({ 'a.md': SALESMAN, 'b.md': CLEAN, 'c.txt': 'The chairman.\n' });
    const { stdout } = fairword(cwd, ['--format', 'json']);
    expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
    expect(formatAll(FORMATS.json, [], CONTEXT)).toBe('[]\n');
  });
});

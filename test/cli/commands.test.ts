import { describe, expect, it } from 'vitest';
import { getRule, lint, ruleCatalog, type DocumentReport, type LintResult } from '@fairword/rules';
import { renderExplanation } from '../../cli/src/commands/explain.js';
import { renderReportMarkdown, renderReportText, reportJson } from '../../cli/src/commands/report.js';
import { renderRulesTable, ruleListing } from '../../cli/src/commands/rules.js';
import { nearNames, orList } from '../../cli/src/near-names.js';
import { knownRuleIds } from '../../cli/src/rule-meta.js';
import { fairword, project, SALESMAN, useCli } from './helpers.js';

useCli();

const DOCS = 'https://github.com/fairword/fairword/blob/main/docs/rules.md';

describe('fairword rules', () => {
  it('lists every rule as a table and as JSON', async () => {
    const cwd = await project({});
    const text = fairword(cwd, ['rules']);
    expect([text.code, text.stderr, text.stdout]).toEqual([0, '', renderRulesTable(ruleCatalog())]);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(ruleCatalog().length + 1);
    expect(lines[0]).toMatch(/^RULE +CATEGORY +SEVERITY +KINDS +TITLE +SOURCE$/);
    const wheelchair = getRule('wheelchair-bound')!;
    expect(lines.find((l) => l.startsWith('wheelchair-bound '))!.split(/ {2,}/)).toEqual([
      'wheelchair-bound',
      wheelchair.category,
      wheelchair.severity,
      wheelchair.kinds.length ? wheelchair.kinds.join(',') : 'all',
      wheelchair.title,
      wheelchair.sources[0]!.title,
    ]);

    const json = fairword(cwd, ['rules', '--format', 'json']);
    const listed = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(listed.map((r) => r['id'])).toEqual(ruleCatalog().map((r) => r.id));
    expect(listed.find((r) => r['id'] === 'wheelchair-bound')).toEqual({
      id: 'wheelchair-bound',
      category: wheelchair.category,
      severity: wheelchair.severity,
      enabledByDefault: wheelchair.enabledByDefault,
      kinds: wheelchair.kinds,
      title: wheelchair.title,
      source: wheelchair.sources[0],
      docs: `${DOCS}#wheelchair-bound`,
    });
  });

  it('marks rules that are off by default', () => {
    const meta = { ...getRule('wheelchair-bound')!, enabledByDefault: false, kinds: ['job-advert' as const, 'policy' as const] };
    expect(renderRulesTable([meta]).split('\n')[1]!.split(/ {2,}/).slice(0, 4)).toEqual(['wheelchair-bound', meta.category, `${meta.severity} (off)`, 'job-advert,policy']);
    expect(ruleListing(meta).kinds).toEqual(['job-advert', 'policy']);
  });
});

describe('fairword explain', () => {
  it('prints the full rationale of a rule', async () => {
    const cwd = await project({});
    const rule = {
      id: 'demo',
      category: 'gender' as const,
      severity: 'warning' as const,
      kinds: ['job-advert' as const, 'person-specification' as const],
      title: 'A demo rule',
      note: 'Why it matters.',
      sources: [{ title: 'Acas', url: 'https://www.acas.org.uk/' }, { title: 'House style' }],
      enabledByDefault: false,
      examples: { ok: ['We need a chair.'], notOk: ['We need a chairman.'] },
    };
    expect(renderExplanation(rule)).toBe(
      [
        'demo: A demo rule',
        '',
        'Severity:   warning (off by default)',
        'Category:   gender',
        'Applies to: job advert, person specification',
        '',
        'Why it matters.',
        '',
        'Sources:',
        '  - Acas',
        '    https://www.acas.org.uk/',
        '  - House style',
        '',
        'Flagged:',
        '  ✗ We need a chairman.',
        '',
        'Not flagged:',
        '  ✓ We need a chair.',
        '',
        `Reference: ${DOCS}`,
        '',
      ].join('\n'),
    );
    expect(fairword(cwd, ['explain', 'wheelchair-bound'])).toEqual({ code: 0, stdout: renderExplanation(getRule('wheelchair-bound')!), stderr: '' });
    expect(JSON.parse(fairword(cwd, ['explain', 'wheelchair-bound', '--format', 'json']).stdout)).toEqual(getRule('wheelchair-bound'));
    expect(fairword(cwd, ['explain', 'custom-term']).stdout.split('\n')[0]).toBe("custom-term: Terms your organisation's configuration lists");
  });

  it('exits 2 with one line for an unknown rule, suggesting only ids that are genuinely near', async () => {
    const cwd = await project({});
    expect(fairword(cwd, ['explain', 'wheelchair-bond'])).toEqual({ code: 2, stdout: '', stderr: "fairword: unknown rule 'wheelchair-bond' (did you mean 'wheelchair-bound'?)\n" });
    expect(fairword(cwd, ['explain', 'nosuchrule'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `fairword: unknown rule 'nosuchrule': run \`fairword rules\` to list the rule ids, or see ${DOCS}\n`,
    });
    expect(fairword(cwd, ['explain', 'gendered'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "fairword: unknown rule 'gendered' (did you mean 'gendered-job-title' or 'gendered-work-words'?)\n",
    });
    expect(fairword(cwd, ['explain'])).toEqual({ code: 2, stdout: '', stderr: 'fairword: explain needs a rule id (run `fairword rules` to list them)\n' });
  });

  it.each([
    ['nosuchrule', []],
    ['Young', ['young']],
    ['yung', ['young']],
    ['matur', ['mature']],
    ['Gendered-Job-Titel', ['gendered-job-title']],
    ['bme_network', ['bame-network']],
    ['wheelchair', ['wheelchair-bound']],
    ['licence', ['driving-licence']],
    ['fit', ['culture-fit', 'physically-fit']],
    ['disability', ['disability-idioms', 'learning-disability', 'missing-disability-confident']],
    // Five ids start with "missing": too many to be a suggestion.
    ['missing', []],
    // Two letters: only an exact match would do.
    ['he', []],
    ['xyz', []],
  ])('near names for %j: %j', (typed, expected) => {
    expect(nearNames(typed, knownRuleIds())).toEqual(expected);
  });

  it('words a list of suggestions', () => {
    expect([orList(['a']), orList(['a', 'b']), orList(['a', 'b', 'c'])]).toEqual(["'a'", "'a' or 'b'", "'a', 'b' or 'c'"]);
  });
});

describe('fairword report', () => {
  const REPORT: DocumentReport = {
    kind: 'job-advert',
    statements: { salary: true, flexible_working: false, reasonable_adjustments: true, inclusion_statement: false, disability_confident: false },
    genderCoding: {
      score: -2,
      verdict: 'masculine-coded',
      masculine: ['competitive', 'driven'],
      feminine: [],
      explanation: 'Two masculine-coded words and no feminine-coded words: masculine-coded.',
    },
    readability: { readingAge: 14, longSentences: 3, longParagraphs: 1, passiveShare: 0.125, undefinedAcronyms: ['HCPC', 'NMC'] },
    requirements: { essential: 12, yearsOfExperience: ['5 years of experience'] },
    findingsByCategory: { gender: 2, age: 1 },
  };
  const RESULT: LintResult = { kind: 'job-advert', kindSource: 'front-matter', findings: [], report: REPORT };

  it('renders a scorecard for the terminal', () => {
    expect(renderReportText('jobs/nurse.md', RESULT)).toBe(
      [
        'jobs/nurse.md: job advert',
        '',
        'Statements',
        '  ✓ Salary',
        '  ✗ Flexible working',
        '  ✓ Reasonable adjustments',
        '  ✗ Inclusion statement',
        '  ✗ Disability Confident',
        '',
        'Gender coding',
        '  masculine-coded (score -2)',
        '  Masculine-coded words: competitive, driven',
        '  Feminine-coded words: none',
        '  Two masculine-coded words and no feminine-coded words: masculine-coded.',
        '',
        'Plain English',
        '  Reading age: 14 years',
        '  Long sentences: 3',
        '  Long paragraphs: 1',
        '  Passive voice: 13% of sentences',
        '  Undefined acronyms: HCPC, NMC',
        '',
        'Requirements',
        '  Essential criteria: 12',
        '  Years of experience: 5 years of experience',
        '',
        'Findings by category',
        '  age     1',
        '  gender  2',
        '',
      ].join('\n'),
    );
    expect(renderReportText('a.md', RESULT, true)).toContain('\u001b[32m✓\u001b[0m Salary');
  });

  it('wraps long lines of the scorecard to the width, continued two columns further in', () => {
    const explanation = 'Two masculine-coded words and no feminine-coded words describe the person, so the balance is -2: masculine-coded.';
    const long: LintResult = { ...RESULT, kindEvidence: ['a closing date', 'how to apply', 'pay with a figure', 'contract terms'], report: { ...REPORT, genderCoding: { ...REPORT.genderCoding, explanation } } };
    const lines = renderReportText('jobs/nurse.md', long, false, 50).split('\n');
    expect(lines.slice(0, 3)).toEqual(['jobs/nurse.md: job advert', 'Kind decided by: a closing date, how to apply,', '  pay with a figure, contract terms']);
    expect(lines.slice(14, 18)).toEqual([
      '  Feminine-coded words: none',
      '  Two masculine-coded words and no',
      '    feminine-coded words describe the person, so',
      '    the balance is -2: masculine-coded.',
    ]);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(50);
  });

  it('renders the scorecard in Markdown', () => {
    expect(renderReportMarkdown('jobs/nurse.md', { ...RESULT, report: { ...REPORT, readability: { ...REPORT.readability, readingAge: null } } })).toBe(
      [
        '## Fairword report: jobs/nurse.md',
        '',
        '**Kind:** job advert',
        '',
        '### Statements',
        '',
        '| Statement | Present |',
        '| --- | :---: |',
        '| Salary | ✅ |',
        '| Flexible working | ❌ |',
        '| Reasonable adjustments | ✅ |',
        '| Inclusion statement | ❌ |',
        '| Disability Confident | ❌ |',
        '',
        '### Gender coding',
        '',
        '**masculine-coded** (score -2)',
        '',
        '- Masculine-coded words: competitive, driven',
        '- Feminine-coded words: none',
        '',
        'Two masculine-coded words and no feminine-coded words: masculine-coded.',
        '',
        '### Plain English',
        '',
        '| Measure | Value |',
        '| --- | --- |',
        '| Reading age | not measured |',
        '| Long sentences | 3 |',
        '| Long paragraphs | 1 |',
        '| Passive voice | 13% of sentences |',
        '| Undefined acronyms | HCPC, NMC |',
        '',
        '### Requirements',
        '',
        '- Essential criteria: 12',
        '- Years of experience: 5 years of experience',
        '',
        '### Findings by category',
        '',
        '| Category | Findings |',
        '| --- | ---: |',
        '| age | 1 |',
        '| gender | 2 |',
        '',
      ].join('\n'),
    );
  });

  it('degrades gracefully when the engine gives no report, counting findings itself', () => {
    const result = lint(SALESMAN, { filename: 'a.md' });
    const empty: LintResult = { ...result, report: {} };
    expect(renderReportText('a.md', empty)).toBe(
      ['a.md: general', '', 'No document report is available for this file.', '', 'Findings by category', '  disability  1', '  gender      1', ''].join('\n'),
    );
    expect(reportJson('a.md', empty)).toEqual({ file: 'a.md', kind: 'general', kindSource: 'default', report: {}, findingsByCategory: { disability: 1, gender: 1 } });
    const partial: LintResult = { ...result, report: { statements: REPORT.statements } as unknown as DocumentReport };
    expect(renderReportText('a.md', partial).split('\n').slice(0, 4)).toEqual(['a.md: general', '', 'Statements', '  ✓ Salary']);
  });

  it('runs end to end on a file, as text, Markdown and JSON', async () => {
    const cwd = await project({ 'advert.md': SALESMAN });
    const expected = lint(SALESMAN, { filename: 'advert.md', report: true });
    expect(fairword(cwd, ['report', 'advert.md'])).toEqual({ code: 0, stdout: renderReportText('advert.md', expected), stderr: '' });
    expect(fairword(cwd, ['report', '--format', 'markdown', 'advert.md']).stdout).toBe(renderReportMarkdown('advert.md', expected));
    expect(JSON.parse(fairword(cwd, ['report', '--format', 'json', 'advert.md']).stdout)).toEqual([reportJson('advert.md', expected)]);
    expect(fairword(cwd, ['report', 'missing.md'])).toEqual({ code: 2, stdout: '', stderr: 'fairword: no such file: missing.md\n' });
    expect(fairword(cwd, ['report', '--format', 'xml', 'advert.md'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "fairword: unknown format 'xml' for report (expected text, markdown, json)\n",
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createLinter, lint, parseConfig, type Finding, type LintOptions } from '@fairword/rules';

/** Findings as sorted `line:col-line:col severity rule "actual" → suggestions` strings (0-based, UTF-16). */
function show(text: string, options: LintOptions = {}, config = {}): string[] {
  return createLinter(config)
    .lint(text, options)
    .findings.map((f: Finding) => {
      const { start, end } = f.range;
      const fix = f.suggestions.length ? ` → ${f.suggestions.join(' | ')}` : '';
      return `${start.line}:${start.character}-${end.line}:${end.character} ${f.severity} ${f.ruleId} "${f.actual}"${fix}`;
    });
}

describe('positions', () => {
  it('plain text, several lines', () => {
    expect(show('We need a salesman.\nApplicants must be able-bodied.', { format: 'plaintext' })).toEqual([
      '0:10-0:18 warning gendered-job-title "salesman" → salesperson | sales representative',
      '1:19-1:30 warning able-bodied "able-bodied" → non-disabled',
    ]);
  });

  it('CRLF line endings', () => {
    expect(show('Intro line.\r\n\r\nWe need a salesman.\r\n', { format: 'plaintext' })).toEqual([
      '2:10-2:18 warning gendered-job-title "salesman" → salesperson | sales representative',
    ]);
    expect(show('Intro line.\r\n\r\nWe need a salesman.\r\n', { format: 'markdown' })).toEqual([
      '2:10-2:18 warning gendered-job-title "salesman" → salesperson | sales representative',
    ]);
  });

  it('emoji and accented letters before a finding count in UTF-16 units', () => {
    const text = '😀 Café team: we need a salesman.';
    const [f] = lint(text, { format: 'plaintext' }).findings;
    expect(f?.range.start).toEqual({ line: 0, character: 24 });
    expect(text.slice(f!.offset.start, f!.offset.end)).toBe('salesman');
    // combining accent (e + U+0301) is two code units
    expect(show('Cafe\u0301 salesman', { format: 'plaintext' })).toEqual([
      '0:6-0:14 warning gendered-job-title "salesman" → salesperson | sales representative',
    ]);
  });

  it('capitalises a suggestion at the start of a sentence', () => {
    expect(show('Salesman wanted. Ask the chairman.', { format: 'plaintext' })).toEqual([
      '0:0-0:8 warning gendered-job-title "Salesman" → Salesperson | Sales representative',
      '0:25-0:33 warning gendered-job-title "chairman" → chair | chairperson',
    ]);
  });

  it('keeps ethnic group capitals and lower-case suggestions for acronyms mid-sentence', () => {
    expect(show('We want more BAME staff.', { format: 'plaintext' })).toEqual([
      '0:13-0:23 information bame "BAME staff" → ethnic minority staff',
    ]);
    expect(show('Representation of BAME is low.', { format: 'plaintext' })).toEqual([
      '0:18-0:22 information bame "BAME" → ethnic minority | ethnic minorities',
    ]);
  });
});

describe('Markdown: what is never flagged', () => {
  it('ignores code spans, code blocks, URLs, link targets, HTML and front matter', () => {
    const md = [
      '---',
      'title: salesman wanted',
      '---',
      '',
      'Use `salesman` in code, see https://example.com/salesman and [our page](https://example.com/salesman).',
      '',
      '```',
      'salesman',
      '```',
      '',
      '<div>salesman</div>',
      '',
      '    indented salesman code',
      '',
      '<https://salesman.example.com>',
      '',
      'But a **salesman** here is prose.',
    ].join('\n');
    expect(show(md, { format: 'markdown' })).toEqual([
      '16:8-16:16 warning gendered-job-title "salesman" → salesperson | sales representative',
    ]);
  });

  it('maps positions through block quotes, lists and tables', () => {
    const md = ['> Quote line one', '> and a salesman.', '', '- item with a handyman', '', '| Role | Note |', '| --- | --- |', '| foreman | x |'].join('\n');
    expect(show(md, { format: 'markdown' })).toEqual([
      '1:8-1:16 warning gendered-job-title "salesman" → salesperson | sales representative',
      '3:14-3:22 warning gendered-job-title "handyman" → handyperson | maintenance worker',
      '7:2-7:9 warning gendered-job-title "foreman" → Supervisor',
    ]);
  });

  it('phrases do not continue across code', () => {
    expect(show('A native `x` English speaker.', { format: 'markdown' })).toEqual([]);
  });
});

describe('context keeps correct uses quiet', () => {
  it('ethnic groups named correctly and proper nouns', () => {
    const text =
      'Black African, White British and Asian Bangladeshi staff at King\'s College Hospital NHS Trust in the Black Country. ' +
      'Write on the whiteboard or the white paper. The Mental Health Act applies.';
    expect(show(text, { format: 'plaintext', kind: 'health-information' })).toEqual([]);
  });

  it('a remembered block gives the same suggestions wherever it moves to', () => {
    const linter = createLinter();
    const first = linter.lint('We asked black staff.', { format: 'plaintext' }).findings;
    const moved = linter.lint('An opening paragraph comes first now.\n\nWe asked black staff.', { format: 'plaintext' }).findings;
    expect(first.map((f) => f.suggestions)).toEqual([['Black staff']]);
    expect(moved.map((f) => f.suggestions)).toEqual([['Black staff']]);
  });

  it('flags lower-case ethnic groups', () => {
    expect(show('We asked black staff and white colleagues.', { format: 'plaintext' })).toEqual([
      '0:9-0:20 information ethnic-group-capitals "black staff" → Black staff',
      '0:25-0:41 information ethnic-group-capitals "white colleagues" → White colleagues',
    ]);
    // Any word for people after the colour word, not a closed list; things stay lower case.
    expect(show('Black carers and white managers met; the white board and black cab stayed.', { format: 'plaintext' })).toEqual([
      '0:17-0:31 information ethnic-group-capitals "white managers" → White managers',
    ]);
  });

  it('mental health only in community-facing text (not staff policies), never clinical terms', () => {
    const text = 'Join our mental health cafe. Ask the community mental health team or a Mental Health Nurse.';
    expect(show(text, { format: 'plaintext', kind: 'health-information' })).toEqual([
      '0:9-0:27 information mental-health-community "mental health cafe" → wellbeing cafe | emotional wellbeing cafe',
    ]);
    expect(show(text, { format: 'plaintext', kind: 'policy' })).toEqual([]);
  });

  it('driving is fine when driving is the job', () => {
    const md = '# Community Transport Driver\n\nA clean driving licence is essential.';
    expect(show(md, { format: 'markdown' })).toEqual([]);
    expect(show('# Care Coordinator\n\nA clean driving licence is essential.', { format: 'markdown' })).toEqual([
      '2:2-2:23 warning driving-licence "clean driving licence" → way to travel across the area | ability to travel across the area',
    ]);
  });
});

describe('repeats', () => {
  it('reports the first use at full severity and later uses as hints pointing back', () => {
    const r = lint('BME staff met. BME staff left.', { format: 'plaintext' });
    expect(r.findings.map((f) => `${f.severity} ${f.offset.start}`)).toEqual(['information 0', 'hint 15']);
    expect(r.findings[0]!.related?.map((x) => x.offset.start)).toEqual([15]);
    expect(r.findings[1]!.related?.map((x) => x.offset.start)).toEqual([0]);
  });
  it('repeats: all keeps every use at full severity', () => {
    const r = lint('BME staff met. BME staff left.', { format: 'plaintext', config: { repeats: 'all' } });
    expect(r.findings.map((f) => f.severity)).toEqual(['information', 'information']);
  });
});

describe('config', () => {
  it('turns rules off, changes severity, allows terms and adds organisation terms', () => {
    const config = {
      rules: { bame: 'off' as const, 'gendered-job-title': 'error' as const },
      allow: ['culture fit'],
      terms: [{ phrase: 'rockstar', suggestions: ['skilled developer'], reason: 'we avoid hype titles.' }],
    };
    expect(show('BAME salesman rockstar with culture fit.', { format: 'plaintext' }, config)).toEqual([
      '0:5-0:13 error gendered-job-title "salesman" → salesperson | sales representative',
      '0:14-0:22 warning custom-term "rockstar" → skilled developer',
    ]);
  });
  it('choices.bme = report allows BME but not BAME', () => {
    expect(show('BME and BAME staff.', { format: 'plaintext' }, { choices: { bme: 'report' } })).toEqual([
      '0:8-0:18 information bame "BAME staff" → ethnic minority staff',
    ]);
  });
  it('parseConfig reports precise errors and keeps what is valid', () => {
    const { config, errors } = parseConfig('rules:\n  no-such-rule: off\n  bame: loud\nallow: [x]\ncolour: red\n', '.fairword.yaml');
    expect(errors.map((e) => `${e.line}:${e.character} ${e.message}`)).toEqual([
      '1:2 unknown rule "no-such-rule" (run `fairword rules` to list them)',
      '2:8 rule "bame": expected off, error, warning, information or hint',
      '4:0 unknown setting "colour" (expected one of rules, allow, terms, choices, repeats, kinds, ignore, maxFileSize)',
    ]);
    expect(config).toEqual({ rules: {}, allow: ['x'] });
  });
  it('parseConfig reports broken YAML with a position', () => {
    const { errors } = parseConfig('rules: [unclosed\n', 'x.yaml');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors).toEqual([
      { message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', line: 1, character: 0 },
    ]);
  });
});

describe('document kind', () => {
  it('comes from front matter, then the option, then headings', () => {
    expect(lint('---\nfairword:\n  kind: policy\n---\n# Closing date', { format: 'markdown' }).kind).toBe('policy');
    expect(lint('# Closing date\n\nSalary: £30,000', { format: 'markdown' }).kind).toBe('job-advert');
    expect(lint('Hello', { format: 'plaintext', kind: 'job-description' })).toMatchObject({ kind: 'job-description', kindSource: 'option' });
    expect(lint('Hello', { format: 'plaintext' })).toMatchObject({ kind: 'general', kindSource: 'default' });
  });
  it('reads a job board\'s headings and the headings of a job description\'s duties', () => {
    const board = '# Data Analyst\n\n## Role details\n\nRemote\n\n## Job location\n\nLeeds\n\n## Requirements\n\n- You can write SQL\n';
    expect(lint(board, { format: 'markdown' })).toMatchObject({ kind: 'job-advert', kindEvidence: ['details of the post', 'what the applicant needs'] });
    const duties = '# Nursery Assistant\n\n## Overview of the role\n\nCare for children aged two to four.\n\n## Job responsibilities\n\n- To keep the rooms safe and clean.\n';
    expect(lint(duties, { format: 'markdown' })).toMatchObject({ kind: 'job-description', kindEvidence: ['duties and responsibilities', 'duties written as "To …"'] });
  });

  it('reads the title of an HR policy by its subject, and "Introduction and background" as a policy section', () => {
    const text = '# Respect at Work\n\n## Introduction and background\n\nEvery member of staff should be treated with courtesy.\n';
    expect(lint(text, { format: 'markdown' })).toMatchObject({ kind: 'policy', kindEvidence: ['a policy title', 'policy sections'] });
    expect(lint('# Menopause\n\nHot flushes are common. Speak to your GP if you are worried.\n', { format: 'markdown' }).kind).not.toBe('policy');
  });

  it('reads headings about care services and carers as health information', () => {
    const text = '# Adult social care\n\n## What is a carer?\n\nA carer looks after a relative or friend who has an illness or a disability.\n';
    expect(lint(text, { format: 'markdown' })).toMatchObject({ kind: 'health-information', kindEvidence: ['health topics', 'health words'] });
  });
});

describe('choices', () => {
  it('ethnicCapitals: lower turns off the capitals rule for documents that use lower case on purpose', () => {
    expect(show('We asked black staff.', { format: 'plaintext' }, { choices: { ethnicCapitals: 'lower' } })).toEqual([]);
    expect(show('We asked black staff.', { format: 'plaintext' })).toEqual(['0:9-0:20 information ethnic-group-capitals "black staff" → Black staff']);
  });
});

describe('Markdown prescan', () => {
  it('finds a phrase split by emphasis markers whether or not its segment was parsed before', () => {
    const text = `${'Intro paragraph with nothing to flag.\n\n'.repeat(80)}Visitors who are wheelchair-**bound** are welcome.\n`;
    const first = createLinter().lint(text, { format: 'markdown' }).findings.map((f) => f.ruleId);
    const again = createLinter().lint(text, { format: 'markdown' }).findings.map((f) => f.ruleId);
    expect(first).toEqual(['wheelchair-bound']);
    expect(again).toEqual(first);
  });
});

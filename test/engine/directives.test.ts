import { describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '@fairword/rules';

const show = (text: string, options: LintOptions): string[] =>
  lint(text, options).findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.severity} ${f.ruleId} "${f.actual}"`);

describe('inline directives', () => {
  it('disable-next-line in Markdown silences that rule on the next line only', () => {
    const md = ['<!-- fairword-disable-next-line gendered-job-title -- quoting the 1998 advert -->', 'The salesman role.', '', 'The salesman role.'].join('\n');
    expect(show(md, { format: 'markdown' })).toEqual(['3:4 warning gendered-job-title "salesman"']);
  });

  it('disable/enable ranges, for one rule or all', () => {
    const md = ['<!-- fairword-disable -->', 'A salesman and a BAME network.', '<!-- fairword-enable -->', '', 'A salesman.'].join('\n');
    expect(show(md, { format: 'markdown' })).toEqual(['4:2 warning gendered-job-title "salesman"']);
    const md2 = ['<!-- fairword-disable bame -->', 'A salesman and a BAME network.'].join('\n');
    expect(show(md2, { format: 'markdown' })).toEqual(['1:2 warning gendered-job-title "salesman"']);
  });

  it('reports unused directives and unknown rule ids', () => {
    const md = ['<!-- fairword-disable-next-line bame -->', 'Nothing to see.', '', '<!-- fairword-disable-next-line no-such-rule -->', 'A salesman.'].join('\n');
    expect(show(md, { format: 'markdown' })).toEqual([
      '0:0 hint unused-directive "<!-- fairword-disable-next-line bame -->"',
      '3:0 warning unknown-rule "no-such-rule"',
      '4:2 warning gendered-job-title "salesman"',
    ]);
  });

  it('plain text uses a directive line, which is never linted itself', () => {
    const txt = ['fairword-disable-next-line gendered-job-title -- job title in law', 'The salesman role.', 'The salesman role.'].join('\n');
    expect(show(txt, { format: 'plaintext' })).toEqual(['2:4 warning gendered-job-title "salesman"']);
  });
});

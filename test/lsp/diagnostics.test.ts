import { describe, expect, it } from 'vitest';
import type { Finding } from '@fairword/rules';
import { isDiagnosticData, quickFixes, toDiagnostic } from '../../server/src/features/diagnostics.js';

const uri = 'file:///advert.md';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'gendered-job-title',
  category: 'gender',
  severity: 'warning',
  message: "'Salesman' excludes women.",
  range: { start: { line: 2, character: 4 }, end: { line: 2, character: 12 } },
  offset: { start: 20, end: 28 },
  actual: 'Salesman',
  suggestions: ['Salesperson', 'Sales representative'],
  source: { title: 'Acas', url: 'https://www.acas.org.uk/' },
  note: 'Why',
  scope: 'span',
  ...over,
});

describe('toDiagnostic', () => {
  it('maps every field of a span finding', () => {
    expect(toDiagnostic(finding(), uri)).toEqual({
      range: { start: { line: 2, character: 4 }, end: { line: 2, character: 12 } },
      severity: 2,
      code: 'gendered-job-title',
      codeDescription: { href: 'https://github.com/fairword/fairword/blob/main/docs/rules.md#gendered-job-title' },
      source: 'fairword',
      message: "'Salesman' excludes women.",
      data: { ruleId: 'gendered-job-title', actual: 'Salesman', suggestions: ['Salesperson', 'Sales representative'] },
    });
  });

  it.each([
    ['error', 1],
    ['warning', 2],
    ['information', 3],
    ['hint', 4],
  ] as const)('maps severity %s to %i', (severity, expected) => {
    expect(toDiagnostic(finding({ severity }), uri).severity).toBe(expected);
  });

  it('says when the first suggestion is safe to apply without asking', () => {
    expect(toDiagnostic(finding({ safe: true }), uri).data).toEqual({
      ruleId: 'gendered-job-title',
      actual: 'Salesman',
      suggestions: ['Salesperson', 'Sales representative'],
      safe: true,
    });
    expect(isDiagnosticData({ ruleId: 'x', actual: 'y', suggestions: [], safe: false })).toBe(false);
  });

  it('links the code to the rule page whatever the source, and adds related locations and insertions', () => {
    const related = [
      { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 8 } }, offset: { start: 50, end: 58 }, message: 'Repeated here' },
    ];
    const insert = { offset: 0, position: { line: 0, character: 0 }, text: 'Salary: £30,000\n', title: 'Insert a salary' };
    const d = toDiagnostic(finding({ source: { title: 'Acas' }, related, insert }), uri);
    expect(d.codeDescription).toEqual({ href: 'https://github.com/fairword/fairword/blob/main/docs/rules.md#gendered-job-title' });
    expect(d.relatedInformation).toEqual([{ location: { uri, range: related[0]!.range }, message: 'Repeated here' }]);
    expect(d.data).toMatchObject({ insert: { position: { line: 0, character: 0 }, text: 'Salary: £30,000\n', title: 'Insert a salary' } });
  });
});

describe('quickFixes', () => {
  it('offers one replacement per suggestion, the first preferred', () => {
    const d = toDiagnostic(finding(), uri);
    expect(quickFixes(d, uri, 'Salesman')).toEqual([
      {
        title: "Replace with 'Salesperson'",
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: d.range, newText: 'Salesperson' }] } },
      },
      {
        title: "Replace with 'Sales representative'",
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: false,
        edit: { changes: { [uri]: [{ range: d.range, newText: 'Sales representative' }] } },
      },
    ]);
  });

  it('offers removal for an empty suggestion and nothing once the text has changed', () => {
    const d = toDiagnostic(finding({ actual: 'young', suggestions: [''] }), uri);
    expect(quickFixes(d, uri).map((a) => a.title)).toEqual(["Remove 'young'"]);
    expect(quickFixes(d, uri, 'old')).toEqual([]);
  });

  it('ignores diagnostics that are not Fairword diagnostics', () => {
    const d = toDiagnostic(finding(), uri);
    expect(quickFixes({ ...d, source: 'cspell' }, uri)).toEqual([]);
    expect(quickFixes({ ...d, data: { ruleId: 'x' } }, uri)).toEqual([]);
    expect(isDiagnosticData(d.data)).toBe(true);
  });
});

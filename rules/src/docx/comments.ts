import type { DocumentReport, Finding, LintResult, Severity, StatementsReport } from '../types.js';

/** One paragraph of a Word comment; the first of each comment is shown in bold. */
export interface CommentParagraph {
  text: string;
  bold?: boolean;
}

const STATEMENTS: Record<keyof StatementsReport, string> = {
  salary: 'salary',
  flexible_working: 'flexible working',
  reasonable_adjustments: 'reasonable adjustments',
  inclusion_statement: 'inclusion statement',
  disability_confident: 'Disability Confident',
};

const SEVERITY_WORDS: Record<Severity, string> = {
  error: 'error',
  warning: 'legal risk (warning)',
  information: 'guidance (information)',
  hint: 'style (hint)',
};

const quote = (items: readonly string[]): string => items.map((s) => `"${s}"`).join(', ');

/** The comment on one finding: what is wrong, why it matters, what to write instead, and where the advice comes from. */
export function findingComment(finding: Finding, tracked: string | undefined): CommentParagraph[] {
  const out: CommentParagraph[] = [{ text: finding.message, bold: true }];
  if (finding.note) out.push({ text: `Why it matters: ${finding.note}` });
  if (tracked !== undefined) out.push({ text: `Suggested change (tracked, accept or reject it): "${finding.actual}" → "${tracked}".` });
  else if (finding.suggestions.length > 0) out.push({ text: `Instead, write: ${quote(finding.suggestions)}.` });
  else if (finding.insert) out.push({ text: `To fix: ${finding.insert.title}.` });
  const source = finding.source.url ? `${finding.source.title} (${finding.source.url})` : finding.source.title;
  out.push({ text: `Source: ${source}` });
  out.push({ text: `Fairword rule ${finding.ruleId}: ${SEVERITY_WORDS[finding.severity]}.` });
  return out;
}

/**
 * The summary comment at the top: counts, the document kind, the job-advert report when there is one, document-wide
 * findings, and the findings in places Word holds no comments (headers and footers), each with where it is.
 */
export function summaryComment(
  result: Pick<LintResult, 'kind' | 'findings' | 'report'>,
  comments: number,
  changes: number,
  elsewhere: ReadonlyArray<{ finding: Finding; where: string }> = [],
): CommentParagraph[] {
  const n = result.findings.length;
  const counts = (['error', 'warning', 'information', 'hint'] as const)
    .map((s) => [s, result.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${c} ${s}`);
  const out: CommentParagraph[] = [
    {
      text: `Fairword review: ${n === 0 ? 'nothing to review' : `${n} ${n === 1 ? 'finding' : 'findings'} (${counts.join(', ')})`}, ${comments} ${comments === 1 ? 'comment' : 'comments'} and ${changes} tracked ${changes === 1 ? 'change' : 'changes'}.`,
      bold: true,
    },
    { text: `Checked as: ${result.kind.replace(/-/g, ' ')}.` },
  ];
  const report = result.report as Partial<DocumentReport>;
  if (report.statements) {
    const missing = (Object.keys(STATEMENTS) as Array<keyof StatementsReport>).filter((k) => !report.statements![k]).map((k) => STATEMENTS[k]);
    out.push({ text: missing.length === 0 ? 'Statements: all present.' : `Missing statements: ${missing.join(', ')}.` });
  }
  if (report.genderCoding) {
    const g = report.genderCoding;
    const words = [
      g.masculine.length ? `masculine-coded words: ${g.masculine.join(', ')}` : '',
      g.feminine.length ? `feminine-coded words: ${g.feminine.join(', ')}` : '',
    ].filter(Boolean);
    out.push({ text: `Gender coding: ${g.verdict} (score ${g.score})${words.length ? `; ${words.join('; ')}` : ''}.` });
  }
  if (report.readability) {
    const r = report.readability;
    const age = r.readingAge === null ? 'not measured (too little text)' : `about ${r.readingAge} years`;
    out.push({ text: `Reading age: ${age}; long sentences: ${r.longSentences}; passive voice: ${Math.round(r.passiveShare * 100)}% of sentences.` });
  }
  for (const f of result.findings.filter((f) => f.scope === 'document')) {
    out.push({ text: `• ${f.message}${f.insert ? ` (${f.insert.title})` : ''}` });
  }
  if (elsewhere.length > 0) out.push({ text: 'In the headers and footers (Word holds no comments there):', bold: true });
  for (const { finding, where } of elsewhere) {
    const instead = finding.suggestions.length > 0 ? ` Instead, write: ${quote(finding.suggestions)}.` : '';
    out.push({ text: `• ${where}: ${finding.message}${instead} (Fairword rule ${finding.ruleId})` });
  }
  return out;
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DOCUMENT_KINDS,
  formatFromFilename,
  type Category,
  type DocumentKind,
  type DocumentReport,
  type LintOptions,
  type LintResult,
  type StatementsReport,
} from '@fairword/rules';
import { tryParse } from '../args.js';
import { ConfigCache } from '../config.js';
import { isDocxName, openDocxFile } from '../docx.js';
import { displayPath, readText } from '../files.js';
import { wrapIndented } from '../wrap.js';
import { fail, kindLabel, outputWidth, painter, say, wantsColor, type CliIO } from './io.js';

/** Report output formats. */
export const REPORT_FORMATS = ['text', 'markdown', 'json'] as const;

/** A `report` output format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The statements a job advert should make, in checklist order, with their labels. */
export const STATEMENT_LABELS: Record<keyof StatementsReport, string> = {
  salary: 'Salary',
  flexible_working: 'Flexible working',
  reasonable_adjustments: 'Reasonable adjustments',
  inclusion_statement: 'Inclusion statement',
  disability_confident: 'Disability Confident',
};

/** The parts of a report that are there: the engine may leave some (or all) out. */
type ReportParts = Partial<DocumentReport>;

/** Findings by category: the report's own count when it has one, else counted from the findings. */
export function findingsByCategory(result: Pick<LintResult, 'findings' | 'report'>): Array<[Category, number]> {
  const fromReport = (result.report as ReportParts).findingsByCategory;
  const counts = new Map<Category, number>();
  if (fromReport) {
    for (const [category, n] of Object.entries(fromReport)) if (n) counts.set(category as Category, n);
  } else {
    for (const f of result.findings) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const quoteList = (items: readonly string[]): string => (items.length > 0 ? items.join(', ') : 'none');

/**
 * A document's scorecard for the terminal: statements checklist, gender coding, plain English, requirements,
 * findings; long lines wrapped to `width` columns.
 */
export function renderReportText(file: string, result: LintResult, color = false, width = 100): string {
  const paint = painter(color);
  const report = result.report as ReportParts;
  const out = [`${paint(1, file)}: ${kindLabel(result.kind)}`];
  if (result.kindEvidence?.length) out.push(...wrapIndented(`Kind decided by: ${result.kindEvidence.join(', ')}`, 0, width, 2));
  const section = (title: string, lines: string[]): void => void out.push('', paint(1, title), ...lines.flatMap((l) => wrapIndented(l, 2, width, 2)));
  if (Object.keys(report).length === 0) out.push('', 'No document report is available for this file.');
  if (report.statements) {
    section(
      'Statements',
      Object.entries(STATEMENT_LABELS).map(([key, label]) =>
        report.statements![key as keyof StatementsReport] ? `${paint(32, '✓')} ${label}` : `${paint(31, '✗')} ${label}`,
      ),
    );
  }
  if (report.genderCoding) {
    const g = report.genderCoding;
    section('Gender coding', [
      `${g.verdict} (score ${g.score})`,
      `Masculine-coded words: ${quoteList(g.masculine)}`,
      `Feminine-coded words: ${quoteList(g.feminine)}`,
      ...(g.explanation ? [g.explanation] : []),
    ]);
  }
  if (report.readability) {
    const r = report.readability;
    section('Plain English', [
      `Reading age: ${r.readingAge === null ? 'not measured (too little text)' : `${r.readingAge} years`}`,
      `Long sentences: ${r.longSentences}`,
      `Long paragraphs: ${r.longParagraphs}`,
      `Passive voice: ${percent(r.passiveShare)} of sentences`,
      `Undefined acronyms: ${quoteList(r.undefinedAcronyms)}`,
    ]);
  }
  if (report.requirements) {
    const q = report.requirements;
    section('Requirements', [`Essential criteria: ${q.essential}`, `Years of experience: ${quoteList(q.yearsOfExperience)}`]);
  }
  const categories = findingsByCategory(result);
  const column = Math.max(0, ...categories.map(([c]) => c.length));
  section('Findings by category', categories.length > 0 ? categories.map(([c, n]) => `${c.padEnd(column)}  ${n}`) : ['none']);
  return `${out.join('\n')}\n`;
}

/** The same scorecard in Markdown, for a pull-request comment or job summary. */
export function renderReportMarkdown(file: string, result: LintResult): string {
  const report = result.report as ReportParts;
  const cell = (text: string): string => text.replace(/\r?\n|\r/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
  const out = [`## Fairword report: ${cell(file)}`, '', `**Kind:** ${kindLabel(result.kind)}`];
  if (result.kindEvidence?.length) out.push('', `Kind decided by: ${cell(result.kindEvidence.join(', '))}`);
  if (Object.keys(report).length === 0) out.push('', 'No document report is available for this file.');
  if (report.statements) {
    out.push('', '### Statements', '', '| Statement | Present |', '| --- | :---: |');
    for (const [key, label] of Object.entries(STATEMENT_LABELS)) {
      out.push(`| ${label} | ${report.statements[key as keyof StatementsReport] ? '✅' : '❌'} |`);
    }
  }
  if (report.genderCoding) {
    const g = report.genderCoding;
    out.push(
      '',
      '### Gender coding',
      '',
      `**${g.verdict}** (score ${g.score})`,
      '',
      `- Masculine-coded words: ${cell(quoteList(g.masculine))}`,
      `- Feminine-coded words: ${cell(quoteList(g.feminine))}`,
      ...(g.explanation ? ['', cell(g.explanation)] : []),
    );
  }
  if (report.readability) {
    const r = report.readability;
    out.push(
      '',
      '### Plain English',
      '',
      '| Measure | Value |',
      '| --- | --- |',
      `| Reading age | ${r.readingAge === null ? 'not measured' : `${r.readingAge} years`} |`,
      `| Long sentences | ${r.longSentences} |`,
      `| Long paragraphs | ${r.longParagraphs} |`,
      `| Passive voice | ${percent(r.passiveShare)} of sentences |`,
      `| Undefined acronyms | ${cell(quoteList(r.undefinedAcronyms))} |`,
    );
  }
  if (report.requirements) {
    const q = report.requirements;
    out.push('', '### Requirements', '', `- Essential criteria: ${q.essential}`, `- Years of experience: ${cell(quoteList(q.yearsOfExperience))}`);
  }
  const categories = findingsByCategory(result);
  out.push('', '### Findings by category', '');
  if (categories.length === 0) out.push('None.');
  else out.push('| Category | Findings |', '| --- | ---: |', ...categories.map(([c, n]) => `| ${c} | ${n} |`));
  return `${out.join('\n')}\n`;
}

/** The report as data: the engine's report plus the file, kind and findings by category. */
export function reportJson(file: string, result: LintResult): Record<string, unknown> {
  return { file, kind: result.kind, kindSource: result.kindSource, report: result.report, findingsByCategory: Object.fromEntries(findingsByCategory(result)) };
}

/** `fairword report [--format text|markdown|json] [--config FILE] [--kind KIND] <file ...>`: a scorecard per document. */
export async function reportCommand(argv: string[], io: CliIO): Promise<number> {
  const parsed = tryParse(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { format: { type: 'string', short: 'f' }, config: { type: 'string', short: 'c' }, kind: { type: 'string' } },
    }),
  );
  if ('error' in parsed) return fail(io, parsed.error);
  const { values, positionals } = parsed;
  const format = (values.format ?? 'text') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) return fail(io, `unknown format '${values.format}' for report (expected ${REPORT_FORMATS.join(', ')})`);
  if (values.kind !== undefined && !(DOCUMENT_KINDS as readonly string[]).includes(values.kind)) {
    return fail(io, `unknown document kind '${values.kind}' (expected ${DOCUMENT_KINDS.join(', ')})`);
  }
  if (positionals.length === 0) return fail(io, 'report needs a file to report on');
  const forced = values.config === undefined ? undefined : resolve(io.cwd, values.config);
  if (forced !== undefined && !existsSync(forced)) return fail(io, `config file not found: ${values.config}`);
  const configs = new ConfigCache(io.cwd, forced);
  const rendered: string[] = [];
  const data: Array<Record<string, unknown>> = [];
  for (const target of positionals) {
    const path = resolve(io.cwd, target);
    const file = displayPath(io.cwd, path);
    if (!existsSync(path)) return fail(io, `no such file: ${target}`);
    const setup = configs.setupFor(path);
    if ('error' in setup) return fail(io, setup.error);
    const read = isDocxName(path) ? docxText(path, file) : await readText(path, file, setup.maxFileSize);
    if ('note' in read) return fail(io, read.note);
    const options: LintOptions = { filename: file, report: true };
    const fileFormat = formatFromFilename(path);
    if (fileFormat) options.format = fileFormat;
    const kind = (values.kind as DocumentKind | undefined) ?? setup.kind;
    if (kind) options.kind = kind;
    let result: LintResult;
    try {
      result = setup.linter().lint(read.text, options);
    } catch (err) {
      say(io, `internal error checking ${file}: ${err instanceof Error ? err.message : String(err)}`);
      return 2;
    }
    if (format === 'json') data.push(reportJson(file, result));
    else rendered.push(format === 'markdown' ? renderReportMarkdown(file, result) : renderReportText(file, result, wantsColor(io), outputWidth(io)));
  }
  io.stdout.write(format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : rendered.join('\n'));
  return 0;
}

/** A Word document's text view, or the reason it cannot be read. */
function docxText(path: string, file: string): { text: string } | { note: string } {
  const opened = openDocxFile(path, file);
  return 'error' in opened ? { note: opened.error } : { text: opened.doc.text };
}

import type { Category, Finding, Severity } from '@fairword/rules';
import { ruleDocsUrl } from '../rule-meta.js';
import type { Formatter } from './index.js';
import { docxPlace, placeText } from './place.js';

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', information: 'Information', hint: 'Hint' };

/** Escapes text for a Markdown table cell (one line, no pipes, no inline markup). */
export function markdownCell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** The table row for one finding: line, severity, rule (linked to its docs), message, suggestion. */
export function markdownRow(finding: Finding): string {
  const suggestion = finding.suggestions.length > 0 ? finding.suggestions.join(', ') : (finding.insert?.title ?? '');
  const rule = `[${markdownCell(finding.ruleId)}](${ruleDocsUrl(finding.ruleId)})`;
  const place = docxPlace(finding);
  const where = place ? markdownCell(placeText(place)) : String(finding.range.start.line + 1);
  const cells = [where, finding.severity, rule, markdownCell(finding.message), markdownCell(suggestion)];
  return `| ${cells.join(' | ')} |`;
}

/** A summary for a pull-request comment or job summary: counts by severity and by category, then a table of findings per file. */
export const markdown: Formatter = () => {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const byCategory = new Map<Category, number>();
  const sections: string[] = [];
  let files = 0;
  return {
    file({ file, findings }) {
      files++;
      if (findings.length === 0) return '';
      for (const f of findings) {
        bySeverity[f.severity]++;
        byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
      }
      const title = `### ${markdownCell(file)} (${plural(findings.length, 'finding')})`;
      const header = docxPlace(findings[0]!) ? ['| Where | Severity | Rule | Message | Suggestion |', '| --- | --- | --- | --- | --- |'] : ['| Line | Severity | Rule | Message | Suggestion |', '| ---: | --- | --- | --- | --- |'];
      const table = [...header, ...findings.map(markdownRow)];
      sections.push([title, '', ...table].join('\n'));
      return '';
    },
    end() {
      const total = SEVERITIES.reduce((n, s) => n + bySeverity[s], 0);
      if (total === 0) return `## Fairword\n\nNo problems found in ${plural(files, 'file')} checked.\n`;
      const withFindings = sections.length;
      const out = [
        '## Fairword',
        '',
        `Found **${plural(total, 'problem')}** in ${withFindings} of ${plural(files, 'file')} checked.`,
        '',
        '| Severity | Findings |',
        '| --- | ---: |',
        ...SEVERITIES.map((s) => `| ${SEVERITY_LABEL[s]} | ${bySeverity[s]} |`),
        '',
        '| Category | Findings |',
        '| --- | ---: |',
        ...[...byCategory].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => `| ${c} | ${n} |`),
        '',
        sections.join('\n\n'),
      ];
      return `${out.join('\n')}\n`;
    },
  };
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

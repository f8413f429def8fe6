import { createHash } from 'node:crypto';
import type { Severity } from '@fairword/rules';
import type { Formatter } from './index.js';
import { docxPlace, placeText } from './place.js';

/** GitLab Code Quality severities for Fairword severities. */
const SEVERITY: Record<Severity, string> = { error: 'critical', warning: 'major', information: 'minor', hint: 'info' };

/** One GitLab Code Quality issue. */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * GitLab Code Quality report (a JSON array of issues), streamed file by file. Fingerprints hash the file, rule,
 * the words as written and which occurrence of them it is, so they survive edits elsewhere in the file.
 */
export const gitlab: Formatter = () => {
  let count = 0;
  return {
    file({ file, findings }) {
      const seen = new Map<string, number>();
      return findings
        .map((f) => {
          const key = `${file}\u0000${f.ruleId}\u0000${f.actual.toLowerCase()}`;
          const n = (seen.get(key) ?? 0) + 1;
          seen.set(key, n);
          const issue: CodeQualityIssue = {
            description: docxPlace(f) ? `${placeText(docxPlace(f)!)}: ${f.message}` : f.message,
            check_name: f.ruleId,
            fingerprint: createHash('md5').update(`${key}\u0000${n}`).digest('hex'),
            severity: SEVERITY[f.severity],
            // For a Word document, the paragraph number stands in for the line.
            location: { path: file, lines: docxPlace(f) ? { begin: docxPlace(f)!.paragraph, end: docxPlace(f)!.paragraph } : { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
          };
          return `${count++ === 0 ? '[\n' : ',\n'}  ${JSON.stringify(issue)}`;
        })
        .join('');
    },
    end: () => (count === 0 ? '[]\n' : '\n]\n'),
  };
};

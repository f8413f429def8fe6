import type { Finding, Severity } from '@fairword/rules';
import type { Formatter } from './index.js';
import { docxPlace, placeText } from './place.js';

/** Workflow command for each severity: GitHub has error, warning and notice annotations. */
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escapes the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (also ':' and ','). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One GitHub Actions annotation for a finding in `file`. Columns are 1-based with an exclusive end, and
 * are only given when the finding is on one line (GitHub ignores them otherwise).
 */
export function githubAnnotation(file: string, finding: Finding): string {
  const { start, end } = finding.range;
  const place = docxPlace(finding);
  if (place) {
    // Lines mean nothing in a Word document: the annotation is on the file, and says where in words.
    const title = `title=${escapeProperty(`Fairword: ${finding.ruleId}`)}`;
    return `::${COMMAND[finding.severity]} file=${escapeProperty(file)},${title}::${escapeData(`${placeText(place)}: ${finding.message}${tipOf(finding)}`)}\n`;
  }
  const props = [`file=${escapeProperty(file)}`, `line=${start.line + 1}`];
  if (start.line === end.line) props.push(`col=${start.character + 1}`);
  props.push(`endLine=${end.line + 1}`);
  if (start.line === end.line) props.push(`endColumn=${end.character + 1}`);
  props.push(`title=${escapeProperty(`Fairword: ${finding.ruleId}`)}`);
  return `::${COMMAND[finding.severity]} ${props.join(',')}::${escapeData(`${finding.message}${tipOf(finding)}`)}\n`;
}

function tipOf(finding: Finding): string {
  const tip = finding.suggestions.length > 0 ? `\nTry: ${finding.suggestions.map((s) => JSON.stringify(s)).join(', ')}` : '';
  const insert = finding.insert ? `\nFix: ${finding.insert.title}` : '';
  return `${tip}${insert}`;
}

/** GitHub Actions workflow commands: one annotation per finding, streamed file by file. */
export const github: Formatter = () => ({
  file: ({ file, findings }) => findings.map((f) => githubAnnotation(file, f)).join(''),
  end: () => '',
});

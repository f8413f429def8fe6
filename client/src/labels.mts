/**
 * The words the extension shows for what the server reports: document kinds, the status item and the summary
 * of "Check all files". Pure (no `vscode` import), so it is unit-tested with the server.
 */
import type { DocumentKind } from '@fairword/rules';
import type { KindSource, LintWorkspaceResult, SeverityCounts, StatusParams } from '../../server/src/protocol.js';

/** Each document kind as people call it, in the order the quick pick lists them. */
export const KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  'job-advert': 'Job advert',
  'job-description': 'Job description',
  'person-specification': 'Person specification',
  policy: 'Policy',
  'health-information': 'Health information',
  general: 'General document',
};

/** One line on what each kind is, for the quick pick. */
export const KIND_DETAILS: Readonly<Record<DocumentKind, string>> = {
  'job-advert': 'What applicants read before they apply',
  'job-description': 'The duties and responsibilities of a role',
  'person-specification': 'The skills, experience and qualifications a role needs',
  policy: 'An HR or workplace policy or procedure',
  'health-information': 'Health information for patients, staff or the public',
  general: 'Anything else',
};

/** Where the kind came from, as the end of "Type …". */
export const KIND_SOURCE_LABELS: Readonly<Record<KindSource, string>> = {
  override: 'chosen by you',
  config: 'set in .fairword.yaml',
  'front-matter': 'set at the top of the document',
  text: 'recognised from the text',
  default: 'not recognised',
};

/** "Nothing to review", "1 thing to review", "3 things to review". */
export function countLabel(count: number): string {
  return count === 0 ? 'Nothing to review' : `${count} ${count === 1 ? 'thing' : 'things'} to review`;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * What the Problems panel lists, as VS Code's status bar counts it: "2 errors, 8 warnings, 9 info", or
 * "no problems". Hints are left out (see {@link hintsLabel}).
 */
export function problemsLabel(counts: SeverityCounts): string {
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, 'error', 'errors'));
  if (counts.warning > 0) parts.push(plural(counts.warning, 'warning', 'warnings'));
  if (counts.information > 0) parts.push(`${counts.information} info`);
  return parts.length > 0 ? parts.join(', ') : 'no problems';
}

/** The hints, which VS Code draws as dots and leaves out of the Problems panel: "plus 6 hints (shown as dots)"; '' for none. */
export function hintsLabel(counts: SeverityCounts): string {
  return counts.hint > 0 ? `plus ${plural(counts.hint, 'hint', 'hints')} (shown as dots)` : '';
}

/** A command the status item runs when clicked, or links to from its tooltip. */
export interface StatusCommand {
  title: string;
  command: string;
  arguments?: unknown[];
}

/** What the Fairword status bar item shows for a document. */
export interface StatusView {
  /** The item's text: "Fairword: Job advert · 8 warnings, 9 info". */
  text: string;
  /** Its tooltip, in Markdown: what the document was checked as and why, what the counts count, and links. */
  detail: string;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
  /** What clicking the item does. */
  command?: StatusCommand;
}

/** The commands the status item's tooltip may link to (the client trusts these, and only these). */
export const STATUS_COMMANDS = ['fairword.setDocumentKind', 'fairword.showReport', 'fairword.openConfigFile', 'fairword.checkFile', 'workbench.action.openSettings'];

const CHANGE_KIND: StatusCommand = { title: 'Change document type', command: 'fairword.setDocumentKind' };
const SHOW_REPORT: StatusCommand = { title: 'Show the inclusivity report', command: 'fairword.showReport' };

/** A command as a Markdown link (`command:` URI, its arguments as JSON). */
function link(c: StatusCommand): string {
  const args = c.arguments ? `?${encodeURIComponent(JSON.stringify(c.arguments))}` : '';
  return `[${c.title}](command:${c.command}${args})`;
}

/** Where the kind came from, with the signs that decided it when the text did: "type recognised from the text: a closing date"; '' when unknown. */
export function kindOrigin(source: string | undefined, evidence: readonly string[] | undefined): string {
  const label = source && Object.hasOwn(KIND_SOURCE_LABELS, source) ? KIND_SOURCE_LABELS[source as KindSource] : undefined;
  if (!label) return '';
  return `type ${label}${source === 'text' && evidence?.length ? `: ${evidence.join(', ')}` : ''}`;
}

/** What the counts count, in the words the status item's tooltip and the report both use. */
export function countsSentences(counts: SeverityCounts): string[] {
  const problems = problemsLabel(counts);
  const hints = hintsLabel(counts);
  return [
    problems === 'no problems' ? 'Nothing under this file in the Problems panel.' : `Under this file in the Problems panel: ${problems}.`,
    ...(hints ? [`${hints[0]!.toUpperCase()}${hints.slice(1)}, which the Problems panel does not list.`] : []),
  ];
}

/** Says that the server lists only the most serious findings, and how many there are in all. */
function truncatedSentence({ shown, total }: { shown: number; total: number }): string {
  return `Fairword found ${total} things to review here and lists the ${shown} most serious, with a notice saying so.`;
}

/** The status item for a document, from the server's last `fairword/status` for it (undefined: not heard yet). */
export function statusView(status: StatusParams | undefined): StatusView {
  if (!status) return { text: 'Fairword: checking…', detail: 'Fairword is checking this document.', severity: 'information', busy: true };
  const configName = status.config ? (status.config.path.split(/[\\/]/).pop() ?? '.fairword.yaml') : '.fairword.yaml';
  const openConfig: StatusCommand = { title: `Open ${configName}`, command: 'fairword.openConfigFile' };
  if (status.skipped) {
    const { reason, message } = status.skipped;
    const view = (text: string, severity: StatusView['severity'], command?: StatusCommand): StatusView => ({
      text,
      detail: command ? `${message}\n\n${link(command)}` : message,
      severity,
      busy: false,
      ...(command ? { command } : {}),
    });
    switch (reason) {
      case 'disabled':
        return view('Fairword: off', 'information', { title: 'Open settings', command: 'workbench.action.openSettings', arguments: ['fairword.enable'] });
      case 'manual':
        return view('Fairword: not checked yet', 'information', { title: 'Check this file', command: 'fairword.checkFile' });
      case 'too-large':
        return view('Fairword: not checked', 'warning', { title: 'Open settings', command: 'workbench.action.openSettings', arguments: ['fairword.maxFileSize'] });
      case 'ignored':
        return view('Fairword: not checked', 'information', status.config ? openConfig : undefined);
    }
  }
  const kind = status.kind ? KIND_LABELS[status.kind] : 'Document';
  const origin = kindOrigin(status.kindSource, status.kindEvidence);
  const lines = [`Fairword checked this as a **${kind.toLowerCase()}**${origin ? ` (${origin})` : ''}.`, ...countsSentences(status.counts)];
  if (status.truncated) lines.push(truncatedSentence(status.truncated));
  const text = `Fairword: ${kind} · ${problemsLabel(status.counts)}`;
  if (status.config && status.config.errors > 0) {
    lines.push(`${configName} has a mistake, so the settings from before it are used.`, [openConfig, CHANGE_KIND].map(link).join(' · '));
    return { text, detail: lines.join('\n\n'), severity: 'error', busy: false, command: openConfig };
  }
  lines.push([CHANGE_KIND, SHOW_REPORT].map(link).join(' · '));
  return { text, detail: lines.join('\n\n'), severity: 'information', busy: false, command: SHOW_REPORT };
}

const files = (n: number): string => `${n} ${n === 1 ? 'file' : 'files'}`;

/** The message shown when "Check all files" has finished. */
export function checkAllSummary(result: LintWorkspaceResult): string {
  const parts: string[] = [];
  if (result.files === 0 && result.skipped === 0) return 'Fairword found no Markdown or text files to check in this workspace.';
  if (result.cancelled) parts.push(`Fairword stopped after checking ${files(result.files)}.`);
  else parts.push(`Fairword checked ${files(result.files)}.`);
  if (result.findings === 0) parts.push('There is nothing to review.');
  else if (result.filesWithFindings === 1) parts.push(`1 file has ${countLabel(result.findings).toLowerCase()}.`);
  else parts.push(`${result.filesWithFindings} files have something to review (${result.findings} things in all).`);
  if (result.skipped > 0) parts.push(`${files(result.skipped)} ${result.skipped === 1 ? 'was' : 'were'} not checked (too large, or turned off).`);
  return parts.join(' ');
}

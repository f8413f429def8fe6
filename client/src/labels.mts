/**
 * The words the extension shows for what the server reports: document kinds, the status item and the summary
 * of "Check all files". Pure (no `vscode` import), so it is unit-tested with the server.
 */
import type { DocumentKind } from '@fairword/rules';
import type { KindSource, LintWorkspaceResult, StatusParams } from '../../server/src/protocol.js';

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
  'front-matter': "set at the top of the document",
  text: 'recognised from the text',
  default: 'not recognised',
};

/** "Nothing to review", "1 thing to review", "3 things to review". */
export function countLabel(count: number): string {
  return count === 0 ? 'Nothing to review' : `${count} ${count === 1 ? 'thing' : 'things'} to review`;
}

/** What the language status item shows for a document. */
export interface StatusView {
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
  /** The item's link: a command id, its title and arguments. */
  command?: { title: string; command: string; arguments?: unknown[] };
}

const CHANGE_KIND = { title: 'Change document type', command: 'fairword.setDocumentKind' };

/** The status item for a document, from the server's last `fairword/status` for it (undefined: not heard yet). */
export function statusView(status: StatusParams | undefined): StatusView {
  if (!status) return { text: 'Fairword', detail: 'Checking…', severity: 'information', busy: true };
  const configName = status.config ? (status.config.path.split(/[\\/]/).pop() ?? '.fairword.yaml') : '.fairword.yaml';
  const openConfig = { title: `Open ${configName}`, command: 'fairword.openConfigFile' };
  if (status.skipped) {
    const { reason, message } = status.skipped;
    switch (reason) {
      case 'disabled':
        return {
          text: 'Fairword: off',
          detail: message,
          severity: 'information',
          busy: false,
          command: { title: 'Open settings', command: 'workbench.action.openSettings', arguments: ['fairword.enable'] },
        };
      case 'manual':
        return { text: 'Fairword: not checked yet', detail: message, severity: 'information', busy: false, command: { title: 'Check this file', command: 'fairword.checkFile' } };
      case 'too-large':
        return {
          text: 'Fairword: not checked',
          detail: message,
          severity: 'warning',
          busy: false,
          command: { title: 'Open settings', command: 'workbench.action.openSettings', arguments: ['fairword.maxFileSize'] },
        };
      case 'ignored':
        return { text: 'Fairword: not checked', detail: message, severity: 'information', busy: false, ...(status.config ? { command: openConfig } : {}) };
    }
  }
  const kind = status.kind ? KIND_LABELS[status.kind] : 'Document';
  const source = status.kindSource ? ` · type ${KIND_SOURCE_LABELS[status.kindSource]}` : '';
  if (status.config && status.config.errors > 0) {
    return {
      text: kind,
      detail: `${countDetail(status)} · ${configName} has a mistake, so the settings from before it are used`,
      severity: 'error',
      busy: false,
      command: openConfig,
    };
  }
  return { text: kind, detail: `${countDetail(status)}${source}`, severity: 'information', busy: false, command: CHANGE_KIND };
}

/** The count in a status detail, saying when the server lists only the most serious findings. */
function countDetail(status: StatusParams): string {
  const count = countLabel(status.count);
  return status.truncated ? `${count}, the ${status.truncated.shown} most serious listed` : count;
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

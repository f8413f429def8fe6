/**
 * The pure functions of the server: an engine finding → an LSP Diagnostic, a Fairword diagnostic → its
 * replacement quick fixes (built only from the diagnostic's `data`), and config file errors → diagnostics.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  TextEdit,
  type CodeAction,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver';
import type { ConfigError, Finding, Severity } from '@fairword/rules';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol.js';
import { ruleDocUrl } from './rule-docs.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const copyRange = (r: Range): Range => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});

/** Turns one engine finding in the document at `uri` into an LSP diagnostic; its code links to the rule's documentation. */
export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  // The engine already gave suggestions the document's capitalisation (it knows sentence starts and acronyms).
  const suggestions = [...new Set(finding.suggestions)].filter((s) => s !== finding.actual);
  const data: DiagnosticData = { ruleId: finding.ruleId, actual: finding.actual, suggestions };
  if (finding.safe) data.safe = true;
  if (finding.scope === 'document') data.scope = 'document';
  if (finding.insert) {
    const { position, text, title } = finding.insert;
    data.insert = { position: { line: position.line, character: position.character }, text, title };
  }
  const diagnostic: Diagnostic = {
    range: copyRange(finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri, range: copyRange(r.range) },
      message: r.message,
    }));
  }
  return diagnostic;
}

/** Whether `value` has the shape of {@link DiagnosticData} (diagnostics come back from the client untyped). */
export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['ruleId'] === 'string' &&
    (v['scope'] === undefined || v['scope'] === 'document') &&
    (v['safe'] === undefined || v['safe'] === true) &&
    typeof v['actual'] === 'string' &&
    Array.isArray(v['suggestions']) &&
    v['suggestions'].every((s) => typeof s === 'string')
  );
}

/**
 * Quick fixes for one Fairword diagnostic in the document at `uri`: one "Replace with 'X'" per
 * suggestion (the first preferred) and an insertion when the finding proposes one.
 * Pass `textAtRange` (the document's current text under the diagnostic) to drop replacements
 * that no longer apply because the text has changed.
 */
export function quickFixes(diagnostic: Diagnostic, uri: string, textAtRange?: string): CodeAction[] {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isDiagnosticData(diagnostic.data)) return [];
  const { actual, suggestions, insert } = diagnostic.data;
  const fix = (title: string, edit: TextEdit, isPreferred: boolean): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred,
    edit: { changes: { [uri]: [edit] } },
  });
  const actions =
    textAtRange !== undefined && textAtRange !== actual
      ? []
      : suggestions.map((s, i) =>
          fix(s === '' ? `Remove '${actual}'` : `Replace with '${s}'`, TextEdit.replace(diagnostic.range, s), i === 0),
        );
  if (insert) actions.push(fix(insert.title, TextEdit.insert(insert.position, insert.text), actions.length === 0));
  return actions;
}

/** Code of the diagnostics published on a `.fairword.yaml` with mistakes. */
export const CONFIG_ERROR_CODE = 'config';

/**
 * Turns the errors in a config file into diagnostics on that file: each runs from the error's position to the
 * end of that line's text (a zero-width range at the end of a line or file). With `keptLastGood`, each says
 * that the settings from before the change are still in use.
 */
export function configDiagnostics(text: string, errors: readonly ConfigError[], keptLastGood: boolean): Diagnostic[] {
  const lines = text.split(/\r?\n/);
  return errors.map((e) => {
    const content = (lines[e.line] ?? '').replace(/\s+$/, '');
    const end = Math.max(e.character, content.length);
    let message = e.message.charAt(0).toUpperCase() + e.message.slice(1);
    if (!/[.!?]$/.test(message)) message += '.';
    if (keptLastGood) message += ' Until this is fixed, Fairword keeps using the settings from before this change.';
    return {
      range: { start: { line: e.line, character: e.character }, end: { line: e.line, character: end } },
      severity: DiagnosticSeverity.Error,
      code: CONFIG_ERROR_CODE,
      codeDescription: { href: ruleDocUrl(CONFIG_ERROR_CODE) },
      source: DIAGNOSTIC_SOURCE,
      message,
    };
  });
}

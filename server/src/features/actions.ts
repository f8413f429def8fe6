import { TextDocument } from 'vscode-languageserver-textdocument';
/**
 * The code actions offered on a Fairword diagnostic, built by pure functions from the diagnostic's `data` and a
 * little context about the document: replace, insert, ignore here, allow in the workspace, turn the rule off,
 * and fix every safe replacement in the file.
 */
import { CodeActionKind, TextEdit, type CodeAction, type Command, type Diagnostic } from 'vscode-languageserver';
import { commonEnds, safeEdits, type Finding } from '@fairword/rules';
import { isDiagnosticData, quickFixes } from './diagnostics.js';
import {
  ALLOW_TERM_COMMAND,
  DIAGNOSTIC_SOURCE,
  FIX_ALL_KIND,
  IGNORE_HERE_COMMAND,
  TURN_OFF_RULE_COMMAND,
  type AllowTermArgs,
  type IgnoreHereArgs,
  type TurnOffRuleArgs,
} from '../protocol.js';

/** Title of the action that applies every safe replacement in a file (quick fix and `source.fixAll.fairword`). */
export const FIX_ALL_TITLE = 'Fix all Fairword replacements in this file';

/** Findings the engine makes about directives and itself: they cannot be ignored, allowed or turned off. */
const ENGINE_RULES = new Set(['unused-directive', 'unknown-rule', 'rule-error']);

/** What the actions of one diagnostic need to know about its document. */
export interface ActionContext {
  uri: string;
  version: number;
  format: 'markdown' | 'plaintext';
  /** The current text of the line the diagnostic starts on. */
  lineText: string;
  /** The document's current text under the diagnostic. */
  textAtRange: string;
  /** Whether adding the flagged words to `allow` would silence this finding (it does for word rules, not logic rules). */
  allowable: boolean;
  /** Whether `rules.<id>: off` is a valid setting for this rule. */
  canTurnOff: boolean;
  /** Whether the client runs "Ignore here…" (it asks for a reason); other editors are not offered it. */
  canIgnoreHere: boolean;
  /** The term to add to `allow` (the flagged words, without a sentence-start capital). */
  term: string;
}

/**
 * Every action for one Fairword diagnostic, in menu order: replacements (the first preferred), the insertion a
 * document finding proposes, removing an unused directive, "Ignore here…", "Allow 'term' in this workspace"
 * and "Turn off the 'rule' rule in this workspace".
 */
export function codeActionsFor(diagnostic: Diagnostic, ctx: ActionContext): CodeAction[] {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isDiagnosticData(diagnostic.data)) return [];
  const { ruleId, actual, scope } = diagnostic.data;
  const actions = quickFixes(diagnostic, ctx.uri, ctx.textAtRange);
  const changed = ctx.textAtRange !== actual;
  const withCommand = (title: string, command: Command): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command,
  });

  if (ruleId === 'unused-directive' && !changed) {
    actions.push({
      title: 'Remove this directive',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [ctx.uri]: [removeDirectiveEdit(diagnostic, ctx.lineText, ctx.format)] } },
    });
  }
  // A diagnostic whose text has changed is stale: a fresh one is on its way, so offer nothing more for it.
  if (ENGINE_RULES.has(ruleId) || changed) return actions;

  if (scope !== 'document' && ctx.canIgnoreHere) {
    const args: IgnoreHereArgs = {
      uri: ctx.uri,
      version: ctx.version,
      line: diagnostic.range.start.line,
      ruleId,
      actual,
      format: ctx.format,
      indent: /^[ \t]*/.exec(ctx.lineText)![0],
    };
    actions.push(withCommand(`Ignore '${actual}' here…`, { title: 'Ignore here…', command: IGNORE_HERE_COMMAND, arguments: [args] }));
  }
  if (ctx.allowable && ctx.term !== '') {
    const args: AllowTermArgs = { uri: ctx.uri, term: ctx.term };
    const title = `Allow '${ctx.term}' in this workspace`;
    actions.push(withCommand(title, { title, command: ALLOW_TERM_COMMAND, arguments: [args] }));
  }
  if (ctx.canTurnOff) {
    const args: TurnOffRuleArgs = { uri: ctx.uri, ruleId };
    const title = `Turn off the '${ruleId}' rule in this workspace`;
    actions.push(withCommand(title, { title, command: TURN_OFF_RULE_COMMAND, arguments: [args] }));
  }
  return actions;
}

/** Deletes an unused directive: its whole line when nothing else is on it, else just the directive. */
export function removeDirectiveEdit(diagnostic: Diagnostic, lineText: string, format: 'markdown' | 'plaintext'): TextEdit {
  const { start, end } = diagnostic.range;
  if (start.line === end.line) {
    const rest = lineText.slice(0, start.character) + lineText.slice(end.character);
    const blank = format === 'plaintext' ? /^\s*(?:#|\/\/)?\s*$/ : /^\s*$/;
    if (blank.test(rest)) return TextEdit.del({ start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } });
  }
  return TextEdit.del(diagnostic.range);
}

/** The safe replacements in a document, chosen exactly as the CLI's `--fix` chooses them (`safeEdits`). */
export function safeFixEdits(text: string, findings: readonly Finding[]): TextEdit[] {
  const edits = safeEdits(text, findings);
  if (edits.length === 0) return [];
  const doc = TextDocument.create('fairword:fix', 'plaintext', 0, text);
  return edits.map((e) => TextEdit.replace({ start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, e.text));
}

/**
 * Fix-all edits that leave nothing more to fix, so applying fix-all twice equals applying it once. Usually the
 * first pass (`first`) is already stable and is returned as it is; when fixing reveals another fix ("young young
 * person"), passes repeat (up to `maxPasses`) and one edit replaces the changed part of the text.
 */
export function stableFixEdits(text: string, first: TextEdit[], relint: (text: string) => readonly Finding[], maxPasses = 5): TextEdit[] {
  if (first.length === 0) return first;
  const apply = (t: string, edits: TextEdit[]): string => TextDocument.applyEdits(TextDocument.create('fairword:fix', 'plaintext', 0, t), edits);
  let current = apply(text, first);
  let cascaded = false;
  for (let pass = 1; pass < maxPasses; pass++) {
    const more = safeFixEdits(current, relint(current));
    if (more.length === 0) break;
    const next = apply(current, more);
    if (next === current) break;
    current = next;
    cascaded = true;
  }
  if (!cascaded) return first;
  let { prefix: p, suffix: s } = commonEnds(text, current);
  // Never split a surrogate pair.
  if (p > 0 && /[\uD800-\uDBFF]/.test(text.charAt(p - 1))) p--;
  if (s > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(text.length - s))) s--;
  const doc = TextDocument.create('fairword:fix', 'plaintext', 0, text);
  return [TextEdit.replace({ start: doc.positionAt(p), end: doc.positionAt(text.length - s) }, current.slice(p, current.length - s))];
}

/** "Fix all Fairword replacements in this file", as a quick fix or as the `source.fixAll.fairword` action. */
export function fixAllAction(uri: string, edits: TextEdit[], kind: typeof CodeActionKind.QuickFix | typeof FIX_ALL_KIND): CodeAction {
  return { title: FIX_ALL_TITLE, kind, edit: { changes: { [uri]: edits } } };
}

/** Whether an action of kind `kind` was asked for by a `context.only` list (kinds are hierarchical, '' is every kind). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((k) => k === '' || kind === k || kind.startsWith(`${k}.`));
}

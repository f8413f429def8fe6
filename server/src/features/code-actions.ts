/** `textDocument/codeAction`: the quick fixes of Fairword diagnostics, and fix-all (also for `source.fixAll.fairword`). */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Range } from 'vscode-languageserver';
import { getRule } from '@fairword/rules';
import type { ServerContext } from '../context.js';
import { formatOf } from '../documents/open-documents.js';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../protocol.js';
import { codeActionsFor, fixAllAction, safeFixEdits, stableFixEdits, wants } from './actions.js';
import { termToAllow } from './config-edit.js';
import { isDiagnosticData } from './diagnostics.js';

const sameRange = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/**
 * The actions for a code action request on an open document. A diagnostic carries what its own quick fixes need;
 * fix-all is worked out from a check of this very text with the settings and config in force now, never from a
 * check made before a settings or config change (whose re-check may still be on its way). That check is made only
 * when fix-all is asked for or may join the menu (a safe finding is in it): after a config change it compiles a
 * linter, and VS Code shows a Ctrl+. left unanswered for half a second as "No code actions available".
 */
export async function codeActions(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const { documents, workspace, analyser, allowProbe, log } = ctx;
  const document = documents.get(params.textDocument.uri);
  const format = document && formatOf(document);
  if (!document || !format) return [];
  const { uri, version } = document;
  const only = params.context.only;
  const wantsQuickFix = wants(only, CodeActionKind.QuickFix);
  const wantsFixAll = only !== undefined && wants(only, FIX_ALL_KIND);
  const ours = wantsQuickFix ? params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && isDiagnosticData(d.data)) : [];
  if (ours.length === 0 && !wantsFixAll) return [];

  const settings = await workspace.settingsFor(uri);
  if (!documents.isCurrent(document)) return [];
  const context = await analyser.contextOf(uri);
  if (!documents.isCurrent(document)) return [];
  const text = document.getText();
  const needsCheck = wantsFixAll || ours.some((d) => isDiagnosticData(d.data) && d.data.safe === true);
  const analysis = needsCheck ? analyser.analyseWith(context, uri, text, format, settings) : undefined;
  const safe = analysis ? safeFixEdits(text, analysis.findings) : [];
  // "Fix all" joins the menu of a finding that is itself safe to fix, when there is more than one such finding.
  const fixAllHere = safe.length > 1 && ours.some((d) => safe.some((e) => sameRange(e.range, d.range)));
  const fixAll =
    wantsFixAll || fixAllHere
      ? stableFixEdits(text, safe, (t) => analyser.analyseWith(context, uri, t, format, settings, { fresh: true }).findings)
      : [];

  const actions: CodeAction[] = [];
  const lines = text.split(/\r?\n/);
  for (const diagnostic of ours) {
    if (!isDiagnosticData(diagnostic.data)) continue;
    const { ruleId, actual } = diagnostic.data;
    const { start, end } = diagnostic.range;
    const term = termToAllow(actual);
    const around = lines.slice(start.line, end.line + 1).join('\n');
    actions.push(
      ...codeActionsFor(diagnostic, {
        uri,
        version,
        format,
        lineText: lines[start.line] ?? '',
        textAtRange: document.getText(diagnostic.range),
        term,
        allowable:
          diagnostic.data.scope !== 'document' &&
          log.guard('probing allow', false, () =>
            allowProbe.allowable(context.entry, ruleId, term, around, format, analysis?.kind ?? documents.results.get(uri)?.analysis?.kind),
          ),
        canTurnOff: getRule(ruleId) !== undefined,
        canIgnoreHere: ctx.client.ignoreHere,
      }),
    );
  }
  if (fixAllHere && fixAll.length > 0) actions.push(fixAllAction(uri, fixAll, CodeActionKind.QuickFix));
  if (wantsFixAll && fixAll.length > 0) actions.push(fixAllAction(uri, fixAll, FIX_ALL_KIND));
  return actions;
}

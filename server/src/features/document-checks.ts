/**
 * Checking open documents and publishing the result: status, diagnostics and `fairword/validated`, with the
 * finding under the word being typed held back for a moment.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { capFindings, LIMITS, type Finding } from '@fairword/rules';
import type { ServerContext } from '../context.js';
import type { Analysis } from '../documents/analysis.js';
import { formatOf } from '../documents/open-documents.js';
import type { Trigger } from '../documents/scheduler.js';
import { holdBack } from '../documents/typing.js';
import { describe } from '../log.js';
import { StatusNotification, ValidatedNotification, countBySeverity, type StatusParams, type ValidatedParams } from '../protocol.js';
import { toDiagnostic } from './diagnostics.js';

/** Checks of open documents, for one server. */
export class DocumentChecks {
  /** How long a finding in the word being typed waits before it is shown (0: at once); set at initialize. */
  typingDelayMs = 1500;
  /**
   * What was last published for each open document: its version and the findings shown (kept anyway with the
   * document's result), from which the diagnostics are made again only to compare a re-check of the same version.
   */
  private readonly published = new Map<string, { version: number; shown: Finding[] }>();

  constructor(private readonly ctx: ServerContext) {}

  /** Checks one open document version and publishes the result, unless a newer version has arrived or it closed. */
  async validate(document: TextDocument, trigger: Trigger): Promise<ValidatedParams | undefined> {
    const { workspace, documents, analyser, log } = this.ctx;
    const { uri, version } = document;
    const settings = await workspace.settingsFor(uri);
    if (!documents.isCurrent(document)) return undefined;
    const previous = documents.results.get(uri);
    if (settings.run === 'manual' && trigger !== 'manual' && !(trigger === 'refresh' && previous?.analysis && !previous.analysis.skipped)) {
      if (trigger === 'open' || trigger === 'refresh') {
        const message = 'Checking is set to manual. Run "Fairword: Check this file" to check it.';
        return this.publish(document, { findings: [], skipped: { reason: 'manual', message } }, undefined, undefined);
      }
      return undefined;
    }
    if (trigger === 'change' && settings.run !== 'onType') return undefined;
    if (trigger === 'save' && previous?.version === version && previous.analysis && !previous.analysis.skipped) return undefined;
    const format = formatOf(document);
    if (!format) return undefined;
    let analysis: Analysis | undefined;
    let error: string | undefined;
    try {
      analysis = await analyser.analyse(uri, document.getText(), format, settings);
    } catch (err) {
      // A failed check clears stale diagnostics and says why; it never takes the server down.
      error = err instanceof Error ? err.message : String(err);
      log.error(`could not check ${uri}: ${describe(err)}`);
    }
    if (!documents.isCurrent(document)) return undefined;
    const caret = trigger === 'change' && settings.run === 'onType' ? documents.caret(uri, version) : undefined;
    const published = this.publish(document, analysis, error, caret);
    if (analysis && !analysis.skipped && analysis.findings.length > 0) {
      const { findings, kind } = analysis;
      const text = document.getText();
      log.run('trying "Allow" ahead', workspace.configFor(uri).then((entry) => this.ctx.allowProbe.warm(entry, text, findings, format, kind)));
    }
    return published;
  }

  /** A document closed: clears what was published for it. */
  closed(uri: string, version: number): Promise<unknown> {
    const { connection } = this.ctx;
    this.published.delete(uri);
    return Promise.all([
      connection.sendDiagnostics({ uri, version, diagnostics: [] }),
      connection.sendNotification(ValidatedNotification, { uri, version, count: 0 }),
    ]);
  }

  /**
   * Publishes the check of an open document: at most {@link LIMITS}.findingsPerFile findings, the most serious
   * first, and a notice of the rest. With a `caret`, findings touching the word there are held back until the
   * typing delay has passed (or the next check, once the caret has moved on).
   */
  private publish(document: TextDocument, analysis: Analysis | undefined, error: string | undefined, caret: number | undefined): Promise<ValidatedParams> {
    const { documents, scheduler, log } = this.ctx;
    const { uri, version } = document;
    scheduler.hold(uri, 0);
    const all = analysis?.findings ?? [];
    documents.results.set(uri, { version, findings: all, ...(analysis ? { analysis } : {}) });
    const listed = capFindings(all);
    const { shown, held } = this.typingDelayMs > 0 ? holdBack(listed, document.getText(), caret) : { shown: listed, held: [] };
    if (held.length > 0) {
      scheduler.hold(uri, this.typingDelayMs, () => {
        if (documents.isCurrent(document)) log.run(`showing the findings held for ${uri}`, this.send(uri, version, analysis, listed, 0, all.length));
      });
    }
    return this.send(uri, version, analysis, shown, held.length, all.length, error);
  }

  /**
   * Publishes status, diagnostics and `fairword/validated` for an open document, all queued at once. Diagnostics the
   * same as those already published for this version (a re-check after a settings or config change that changed
   * nothing here) are not sent again: VS Code cancels a Ctrl+. still unanswered 3/4 s after a publish, and then
   * says "No code actions available".
   */
  private send(uri: string, version: number, analysis: Analysis | undefined, shown: Finding[], held: number, total: number, error?: string): Promise<ValidatedParams> {
    const { connection } = this.ctx;
    const diagnostics = shown.map((f) => toDiagnostic(f, uri));
    const status: StatusParams = { uri, version, count: total, counts: countBySeverity(shown) };
    if (total > LIMITS.findingsPerFile) status.truncated = { shown: LIMITS.findingsPerFile, total };
    if (analysis?.kind) status.kind = analysis.kind;
    if (analysis?.kindSource) status.kindSource = analysis.kindSource;
    if (analysis?.kindEvidence) status.kindEvidence = analysis.kindEvidence;
    if (analysis?.skipped) status.skipped = analysis.skipped;
    if (analysis?.config) status.config = analysis.config;
    const validated: ValidatedParams = { uri, version, count: diagnostics.length };
    if (error !== undefined) validated.error = error;
    if (held > 0) validated.held = held;
    const last = this.published.get(uri);
    const unchanged = last?.version === version && sameDiagnostics(last.shown, shown, diagnostics, uri);
    this.published.set(uri, { version, shown });
    return Promise.all([
      connection.sendNotification(StatusNotification, status),
      unchanged ? undefined : connection.sendDiagnostics({ uri, version, diagnostics }),
      connection.sendNotification(ValidatedNotification, validated),
    ]).then(() => validated);
  }
}

/** Whether the diagnostics of the findings published before are those about to be published. */
function sameDiagnostics(before: readonly Finding[], shown: readonly Finding[], diagnostics: readonly Diagnostic[], uri: string): boolean {
  if (before.length !== shown.length) return false;
  if (before.every((f, i) => f === shown[i])) return true;
  return JSON.stringify(before.map((f) => toDiagnostic(f, uri))) === JSON.stringify(diagnostics);
}

/**
 * The Fairword inclusivity report: a webview beside the editor that shows the report of the active
 * Markdown or plain-text document (`fairword/report`), and follows edits and editor switches.
 *
 * The page is rebuilt from scratch on every update (see html.ts); it talks back with the messages in messages.ts.
 * For tests: once the page's script has run, its <body> has `data-fairword-ready="1"` and it posts {type:'ready'}.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DIAGNOSTIC_SOURCE, ReportRequest, type DiagnosticInsert, type ReportResult } from '../../../server/src/protocol.js';
import { isCheckedKind } from '../selector.mjs';
import { fileNameOf, renderMessage, renderReport, type RenderOptions } from './html.js';
import { STATEMENT_RULE_IDS, parseWebviewMessage, type StatementKey, type WebviewMessage } from './messages.js';

/** The webview panel's view type. */
export const REPORT_VIEW_TYPE = 'fairword.report';

/** Delay after an edit before the report is fetched again, in milliseconds. */
export const REPORT_DEBOUNCE_MS = 300;

/** The language client, or a way to get the current one (the client is replaced when the server restarts). */
export type ClientSource = LanguageClient | (() => LanguageClient | undefined);

/** Whether Fairword checks this document (the same selector as the language client's). */
function isChecked(document: vscode.TextDocument): boolean {
  return isCheckedKind(document.languageId, document.uri.scheme);
}

let current: ReportPanel | undefined;

/**
 * Opens the report for the active Markdown or plain-text document beside it, or brings the open report
 * forward (and points it at the active document). Registered as the `fairword.showReport` command.
 */
export function showReport(context: vscode.ExtensionContext, client: ClientSource): void {
  const editor = vscode.window.activeTextEditor;
  const document =
    editor && isChecked(editor.document)
      ? editor.document
      : (current?.document ?? vscode.window.visibleTextEditors.find((e) => isChecked(e.document))?.document);
  if (current) {
    current.setClient(client);
    current.reveal();
    if (document) current.follow(document);
    return;
  }
  current = new ReportPanel(client, document);
  context.subscriptions.push(current);
}

class ReportPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts requests, so that an answer to an older one is dropped. */
  private request = 0;
  /** What is shown now (without the nonce), to skip re-rendering the same page. */
  private shown: string | undefined;
  /** Something changed while the panel was hidden. */
  private stale = false;
  private disposed = false;

  constructor(
    private client: ClientSource,
    public document: vscode.TextDocument | undefined,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      REPORT_VIEW_TYPE,
      this.title(),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false, enableFindWidget: true },
    );
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: unknown) => {
        const parsed = parseWebviewMessage(message);
        if (parsed) void this.handle(parsed);
      }),
      this.panel.onDidChangeViewState(() => {
        if (this.panel.visible && this.stale) this.schedule(0);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isTarget(e.document.uri) && e.contentChanges.length > 0) this.schedule(REPORT_DEBOUNCE_MS);
      }),
      // The server publishes diagnostics after each check: a late start or a settings change shows up here.
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((uri) => this.isTarget(uri))) this.schedule(REPORT_DEBOUNCE_MS);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isChecked(editor.document) && !this.isTarget(editor.document.uri)) this.follow(editor.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.isTarget(document.uri)) {
          this.document = undefined;
          this.panel.title = this.title();
          this.schedule(0);
        }
      }),
    );
    this.schedule(0);
  }

  setClient(client: ClientSource): void {
    this.client = client;
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /** Shows the report of another document. */
  follow(document: vscode.TextDocument): void {
    if (this.document?.uri.toString() !== document.uri.toString()) {
      this.document = document;
      this.panel.title = this.title();
    }
    this.schedule(0);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (current === this) current = undefined;
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private title(): string {
    return this.document ? `Fairword report: ${fileNameOf(this.document.uri.toString())}` : 'Fairword report';
  }

  private isTarget(uri: vscode.Uri): boolean {
    return this.document !== undefined && uri.toString() === this.document.uri.toString();
  }

  private schedule(delay: number): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    if (!this.panel.visible && this.shown !== undefined) {
      this.stale = true;
      return;
    }
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private currentClient(): LanguageClient | undefined {
    return typeof this.client === 'function' ? this.client() : this.client;
  }

  /** Fetches the report of the target document and renders it (or a message saying why there is none). */
  private async update(): Promise<void> {
    this.stale = false;
    const id = ++this.request;
    const document = this.document;
    if (!document) {
      this.message('Fairword report', 'Open a Markdown or plain-text document to see its inclusivity report here.');
      return;
    }
    const client = this.currentClient();
    if (!client || !client.isRunning()) {
      // Diagnostics arrive once the server runs, and schedule another update.
      this.message(this.title(), 'Fairword is starting. The report will appear here in a moment.');
      return;
    }
    let result: ReportResult | null;
    try {
      result = await client.sendRequest(ReportRequest, { uri: document.uri.toString() });
    } catch (error) {
      if (id !== this.request || this.disposed) return;
      const reason = error instanceof Error ? error.message : String(error);
      this.message(this.title(), `Fairword could not make the report: ${reason}`);
      return;
    }
    if (id !== this.request || this.disposed) return;
    if (!result) {
      this.message(
        this.title(),
        'Fairword is not checking this document yet. If it stays like this, check that Fairword is turned on ' +
          'for this folder (the "fairword.enable" setting).',
      );
      return;
    }
    const { version: _version, ...content } = result;
    this.show(JSON.stringify(content), (opts) => renderReport(result, opts));
  }

  private message(title: string, text: string): void {
    this.show(JSON.stringify({ title, text }), (opts) => renderMessage(title, text, opts));
  }

  /** Sets the page unless it would look the same as the one shown (so typing does not make it flicker). */
  private show(key: string, render: (opts: RenderOptions) => string): void {
    if (this.disposed || key === this.shown) return;
    this.shown = key;
    this.panel.webview.html = render({ cspSource: this.panel.webview.cspSource, nonce: nonce() });
  }

  private async handle(message: WebviewMessage): Promise<void> {
    try {
      if (message.type === 'reveal') await this.revealPosition(message.line, message.character);
      else if (message.type === 'insert') await this.insertStatement(message.statement);
    } catch (error) {
      void vscode.window.showErrorMessage(`Fairword: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Shows the document with the finding at (line, character) selected. */
  private async revealPosition(line: number, character: number): Promise<void> {
    const document = this.document;
    if (!document) return;
    const position = document.validatePosition(new vscode.Position(line, character));
    const diagnostic = vscode.languages
      .getDiagnostics(document.uri)
      .find((d) => d.source === DIAGNOSTIC_SOURCE && d.range.start.isEqual(position));
    const selection = diagnostic ? diagnostic.range : new vscode.Range(position, position);
    await this.showDocument(document, selection);
  }

  /** Applies the insertion the server proposes for a missing statement (the same edit as its quick fix). */
  private async insertStatement(statement: StatementKey): Promise<void> {
    const document = this.document;
    if (!document) return;
    const insert = findInsert(vscode.languages.getDiagnostics(document.uri), STATEMENT_RULE_IDS[statement]);
    if (!insert) {
      void vscode.window.showInformationMessage(
        'Fairword has no text to insert for this statement yet. Try again once the document has been checked.',
      );
      this.schedule(0);
      return;
    }
    const position = document.validatePosition(new vscode.Position(insert.position.line, insert.position.character));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, position, insert.text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`Fairword: could not insert the text ("${insert.title}").`);
      return;
    }
    // Select what was inserted, so its [placeholders] are easy to find and fill in.
    const end = document.positionAt(document.offsetAt(position) + insert.text.length);
    await this.showDocument(document, new vscode.Range(position, end));
  }

  private async showDocument(document: vscode.TextDocument, selection: vscode.Range): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
    const viewColumn =
      visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn, preserveFocus: false, selection });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** The insertion carried by the Fairword diagnostic of `ruleId`, if there is one. */
export function findInsert(diagnostics: readonly vscode.Diagnostic[], ruleId: string): DiagnosticInsert | undefined {
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    const data = (d as vscode.Diagnostic & { data?: unknown }).data;
    if (!data || typeof data !== 'object') continue;
    const { ruleId: id, insert } = data as { ruleId?: unknown; insert?: unknown };
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    if (id !== ruleId && code !== ruleId) continue;
    if (isInsert(insert)) return insert;
  }
  return undefined;
}

function isInsert(value: unknown): value is DiagnosticInsert {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const p = v['position'] as Record<string, unknown> | undefined;
  return (
    typeof v['text'] === 'string' &&
    typeof v['title'] === 'string' &&
    !!p &&
    typeof p === 'object' &&
    Number.isInteger(p['line']) &&
    Number.isInteger(p['character'])
  );
}

/** A fresh random nonce: 32 hex digits (Web Crypto, so it works in the browser too). */
function nonce(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

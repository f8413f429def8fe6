/**
 * Word documents in VS Code: a read-only text view of a .docx (its own URI scheme) that the language server checks
 * like any text, with diagnostics and hover, and "Fairword: Write a reviewed copy", which builds the same reviewed
 * .docx as `fairword review` from the server's findings with the engine's shared writer.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DocxDocument, DocxError, isDocxName, reviewDocx, reviewedName } from '@fairword/rules/docx';
import { DOCX_SCHEME, FindingsRequest } from '../../server/src/protocol.js';

/** The documents the server checks in this scheme (added to the client's document selector). */
export const DOCX_SELECTOR = { scheme: DOCX_SCHEME };

/** The read-only text view of a .docx file. */
export function docxViewUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: DOCX_SCHEME });
}

/** Registers the text view and the commands; `ready` gives the running language client (or undefined, having said why). */
export function registerDocx(context: vscode.ExtensionContext, ready: () => Promise<LanguageClient | undefined>): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const file = uri.with({ scheme: 'file' });
      try {
        return DocxDocument.open(await vscode.workspace.fs.readFile(file)).text;
      } catch (error) {
        const reason = error instanceof DocxError ? error.message : describe(error);
        void vscode.window.showErrorMessage(`Fairword cannot read ${baseName(file)}: ${reason}`);
        return '';
      }
    },
  };
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, provider),
    vscode.commands.registerCommand('fairword.openDocx', async (target?: vscode.Uri) => {
      const file = target ?? (await pickDocx());
      if (!file) return;
      const document = await vscode.workspace.openTextDocument(docxViewUri(file));
      await vscode.window.showTextDocument(document, { preview: false });
    }),
    vscode.commands.registerCommand('fairword.reviewDocx', async (target?: vscode.Uri) => {
      const file = target ?? fromActiveView() ?? (await pickDocx());
      if (!file) return;
      const written = await writeReviewedCopy(file, ready);
      if (!written) return;
      // Not awaited: the command is done once the copy is written, whether or not the message is answered.
      void vscode.window
        .showInformationMessage(
          `Fairword wrote ${baseName(written.uri)}: ${plural(written.comments, 'comment')} and ${plural(written.changes, 'tracked change')}.`,
          'Reveal in Explorer',
        )
        .then((choice) => choice && vscode.commands.executeCommand('revealInExplorer', written.uri));
      return written.uri.toString();
    }),
  );
  // Saving the .docx in Word refreshes its open text view.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.docx', true, false, true);
  watcher.onDidChange((uri) => changed.fire(docxViewUri(uri)));
  context.subscriptions.push(watcher);
}

/**
 * Writes `advert.reviewed.docx` beside `file`: opens its text view (so the server checks it), asks the server for
 * the findings, and builds the copy with `reviewDocx` — the writer `fairword review` uses. Written to a temporary
 * file first and renamed, so the copy is never half written; the original is never touched.
 */
export async function writeReviewedCopy(
  file: vscode.Uri,
  ready: () => Promise<LanguageClient | undefined>,
): Promise<{ uri: vscode.Uri; comments: number; changes: number } | undefined> {
  if (!isDocxName(file.path)) {
    void vscode.window.showInformationMessage('Fairword writes reviewed copies of Word documents (.docx). Choose one first.');
    return undefined;
  }
  const client = await ready();
  if (!client) return undefined;
  let bytes: Uint8Array;
  let text: string;
  try {
    bytes = await vscode.workspace.fs.readFile(file);
    text = DocxDocument.open(bytes).text;
  } catch (error) {
    void vscode.window.showErrorMessage(`Fairword cannot read ${baseName(file)}: ${error instanceof DocxError ? error.message : describe(error)}`);
    return undefined;
  }
  const view = await vscode.workspace.openTextDocument(docxViewUri(file));
  if (view.getText() !== text) {
    void vscode.window.showErrorMessage(`${baseName(file)} changed while Fairword was reading it. Try again.`);
    return undefined;
  }
  const found = await client.sendRequest(FindingsRequest, { uri: view.uri.toString() });
  if (!found) {
    void vscode.window.showErrorMessage(`Fairword did not check ${baseName(file)} (it may be too large, or turned off for this folder).`);
    return undefined;
  }
  const reviewed = reviewDocx(bytes, found);
  const target = file.with({ path: reviewedName(file.path) });
  const temp = file.with({ path: `${target.path.replace(/[^/]+$/, '')}.${baseName(target)}.${Date.now().toString(36)}.tmp` });
  try {
    await vscode.workspace.fs.writeFile(temp, reviewed.bytes);
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    void vscode.window.showErrorMessage(`Fairword could not write ${baseName(target)}: ${describe(error)}`);
    return undefined;
  }
  return { uri: target, comments: reviewed.comments, changes: reviewed.changes };
}

/** The .docx behind the active text view, if the active editor shows one. */
function fromActiveView(): vscode.Uri | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === DOCX_SCHEME ? uri.with({ scheme: 'file' }) : undefined;
}

async function pickDocx(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Word documents': ['docx'] }, title: 'Choose a Word document' });
  return picked?.[0];
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

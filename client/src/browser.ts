/**
 * The extension in a browser (`browser`: vscode.dev, github.dev, code-server's web worker extension host): the
 * server runs in a web worker. The worker is made from the bytes of dist/web/server.js read through
 * `vscode.workspace.fs`, because a worker cannot be started from an extension's own URI everywhere (code-server
 * serves extensions from `vscode-remote:` URIs, which a worker cannot load).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateFairword, deactivateFairword, type FairwordApi } from './extension.js';

/** Called by VS Code on the first Markdown or plain-text document, or a Fairword command or walkthrough. */
export function activate(context: vscode.ExtensionContext): FairwordApi {
  return activateFairword(context, async (id, name, options) => {
    const code = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js'));
    const url = URL.createObjectURL(new Blob([code as Uint8Array<ArrayBuffer>], { type: 'text/javascript' }));
    return new LanguageClient(id, name, options, new Worker(url, { name: 'Fairword language server' }));
  });
}

/** Called by VS Code on shutdown or when the extension is disabled: stops the server. */
export const deactivate = deactivateFairword;

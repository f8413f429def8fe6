/** The extension on the desktop (`main`): the server runs as a Node process (dist/server.cjs) spoken to over IPC. */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateFairword, deactivateFairword, type FairwordApi } from './extension.js';

/** Called by VS Code on the first Markdown or plain-text document, or a Fairword command or walkthrough. */
export function activate(context: vscode.ExtensionContext): FairwordApi {
  const module = context.asAbsolutePath('dist/server.cjs');
  const server: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  return activateFairword(context, (id, name, options) => Promise.resolve(new LanguageClient(id, name, server, options)));
}

/** Called by VS Code on shutdown or when the extension is disabled: stops the server. */
export const deactivate = deactivateFairword;

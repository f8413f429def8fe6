/**
 * The Fairword VS Code extension: a thin client that starts the Fairword language server for Markdown and
 * plain-text documents. All checking happens in the server; the client adds what needs the editor: the status
 * item, asking for a reason, progress, pickers, the walkthrough, and reading files for the server.
 * The same code runs on the desktop (node.ts starts the server as a Node process) and in a browser (browser.ts
 * starts it in a web worker).
 */
import * as vscode from 'vscode';
import { WorkDoneProgress, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import type { DocumentKind } from '@fairword/rules';
import { ignoreHereEdit } from '../../server/src/features/ignore.js';
import {
  CheckDocumentRequest,
  ConfigFileRequest,
  LintWorkspaceRequest,
  SetKindNotification,
  StatusNotification,
  ValidatedNotification,
  type IgnoreHereArgs,
  type InitializationOptions,
  type StatusParams,
  type ValidatedParams,
} from '../../server/src/protocol.js';
import { DOCX_SELECTOR, registerDocx } from './docx.js';
import { serveFiles } from './files.js';
import { KIND_DETAILS, KIND_LABELS, STATUS_COMMANDS, checkAllSummary, hintsLabel, problemsLabel, statusView } from './labels.mjs';
import { documentSelector } from './selector.mjs';
import { showReport } from './report/panel.js';

/** Starts a language client for the Fairword server (a Node process, or a web worker). */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => Promise<BaseLanguageClient>;

/** What `activate` returns (`extension.exports`): lets tests wait for a check instead of sleeping. */
export interface FairwordApi {
  /** Fires each time the server has checked a document. */
  readonly onValidated: vscode.Event<ValidatedParams>;
  /** Fires each time the server reports the status of an open document (kind, count, or why it was skipped). */
  readonly onStatus: vscode.Event<StatusParams>;
  /** The last status the server reported for a document URI. */
  status(uri: string): StatusParams | undefined;
  /** The current language client, if one is running or starting. */
  client(): BaseLanguageClient | undefined;
  /** Stops the server and starts a fresh one (also the `fairword.restartServer` command). */
  restart(): Promise<void>;
}

/** A client together with the promise of its start, which must settle before it can be stopped. */
interface Running {
  client: BaseLanguageClient;
  started: Promise<void>;
  /** The handlers of the server's file requests. */
  files: vscode.Disposable[];
}

let running: Running | undefined;
let queue: Promise<void> = Promise.resolve();

/** The examples shipped in the extension (examples/*.md), for the walkthrough and "Open an example document". */
const EXAMPLES = [
  { name: 'job-advert', label: 'Example job advert', description: 'A healthcare support worker advert' },
  { name: 'policy', label: 'Example policy', description: 'A workplace policy' },
];

const isChecked = (document: vscode.TextDocument): boolean => vscode.languages.match(documentSelector, document) > 0;

/** Called by VS Code (through node.ts or browser.ts) on the first Markdown or plain-text document, or a Fairword command or walkthrough. */
export function activateFairword(context: vscode.ExtensionContext, createClient: ClientFactory): FairwordApi {
  const output = vscode.window.createOutputChannel('Fairword');
  const validated = new vscode.EventEmitter<ValidatedParams>();
  const statusChanged = new vscode.EventEmitter<StatusParams>();
  const statuses = new Map<string, StatusParams>();
  /** Kinds chosen for open documents; sent again when the server restarts. */
  const kindOverrides = new Map<string, DocumentKind>();
  // A status bar item of its own (not a language status item, which VS Code folds into an unlabelled "{ }").
  const statusItem = vscode.window.createStatusBarItem('fairword.status', vscode.StatusBarAlignment.Right, 101);
  statusItem.name = 'Fairword';
  context.subscriptions.push(output, validated, statusChanged, statusItem);

  const showStatus = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || vscode.languages.match([...documentSelector, DOCX_SELECTOR], document) === 0) {
      statusItem.hide();
      return;
    }
    const view = statusView(statuses.get(document.uri.toString()));
    statusItem.text = `${view.busy ? '$(sync~spin)' : '$(law)'} ${view.text}`;
    const tooltip = new vscode.MarkdownString(view.detail);
    tooltip.isTrusted = { enabledCommands: STATUS_COMMANDS };
    statusItem.tooltip = tooltip;
    statusItem.accessibilityInformation = { label: view.text, role: 'button' };
    statusItem.backgroundColor =
      view.severity === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : view.severity === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    statusItem.command = view.command;
    statusItem.show();
  };
  showStatus();

  // The client reads files for the server (fairword/fs/*), so virtual workspaces work too.
  // VS Code's hover lists the messages of the diagnostics under the mouse itself, above Fairword's.
  const initializationOptions: InitializationOptions = { fileSystem: true, editorHoverShowsMessages: true, ignoreHere: true };
  // Editor tests set FAIRWORD_DEBOUNCE_MS=0 so checks run at once, and FAIRWORD_TYPING_DELAY_MS to shorten the typing hold.
  // A browser has no process environment.
  const env = typeof process === 'undefined' ? {} : process.env;
  const debounce = env['FAIRWORD_DEBOUNCE_MS'];
  const typing = env['FAIRWORD_TYPING_DELAY_MS'];
  if (debounce) initializationOptions.debounceMs = Number(debounce);
  if (typing) initializationOptions.typingDelayMs = Number(typing);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...documentSelector, DOCX_SELECTOR],
    diagnosticCollectionName: 'fairword',
    outputChannel: output,
    initializationOptions,
    // Settings are read per document by the server (workspace/configuration); this tells it when they change.
    // Config, ignore and (after "Check all files") text files are watched by the server's own registrations.
    synchronize: { configurationSection: 'fairword' },
    // The default error handler restarts a crashed server up to this many times in 3 minutes.
    connectionOptions: { maxRestartCount: 4 },
  };

  const notStarted = (error: unknown): void => {
    output.appendLine(`Fairword: the language server did not start: ${describe(error)}`);
    void vscode.window
      .showErrorMessage('Fairword: the language server did not start.', 'Show output')
      .then((choice) => choice && output.show(true));
  };

  const start = async (): Promise<void> => {
    let client: BaseLanguageClient;
    try {
      // The id 'fairword' makes the client read the `fairword.trace.server` setting.
      client = await createClient('fairword', 'Fairword', clientOptions);
    } catch (error) {
      notStarted(error);
      return;
    }
    client.onNotification(ValidatedNotification, (params) => validated.fire(params));
    client.onNotification(StatusNotification, (params) => {
      statuses.set(params.uri, params);
      statusChanged.fire(params);
      if (vscode.window.activeTextEditor?.document.uri.toString() === params.uri) showStatus();
    });
    const files = serveFiles(client);
    const started = client
      .start()
      .then(async () => {
        for (const [uri, kind] of kindOverrides) await client.sendNotification(SetKindNotification, { uri, kind });
      })
      .catch(notStarted);
    running = { client, started, files };
  };

  const restart = (): Promise<void> =>
    (queue = queue.then(async () => {
      await stop(output);
      await start();
      await running?.started;
    }));

  /** The running client once it has started, or undefined (with a message) when the server is not running. */
  const ready = async (): Promise<BaseLanguageClient | undefined> => {
    await queue;
    const current = running;
    await current?.started;
    if (current?.client.isRunning()) return current.client;
    void vscode.window.showErrorMessage('Fairword: the language server is not running.', 'Restart').then((choice) => choice && restart());
    return undefined;
  };

  /** The Markdown or text document in the active editor, or undefined (with a message). */
  const activeDocument = (): vscode.TextDocument | undefined => {
    const document = vscode.window.activeTextEditor?.document;
    if (document && isChecked(document)) return document;
    void vscode.window.showInformationMessage('Fairword checks Markdown and text files. Open one first.');
    return undefined;
  };

  registerDocx(context, ready);
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(showStatus),
    vscode.workspace.onDidCloseTextDocument((document) => {
      statuses.delete(document.uri.toString());
      kindOverrides.delete(document.uri.toString());
    }),

    vscode.commands.registerCommand('fairword.restartServer', restart),
    vscode.commands.registerCommand('fairword.showOutput', () => output.show(true)),

    // "Ignore here…" quick fix: ask why, then insert the directive above the line.
    vscode.commands.registerCommand('fairword.ignoreHere', async (args: IgnoreHereArgs) => {
      const reason = await vscode.window.showInputBox({
        title: `Ignore '${args.actual}' here`,
        prompt: 'Why is this wording right here? Your reason stays in the document, so others can see it. (Optional)',
        placeHolder: 'For example: quoting the old advert',
        ignoreFocusOut: true,
      });
      if (reason === undefined) return;
      const uri = vscode.Uri.parse(args.uri);
      const document = await vscode.workspace.openTextDocument(uri);
      if (document.version !== args.version && !document.lineAt(Math.min(args.line, document.lineCount - 1)).text.includes(args.actual)) {
        void vscode.window.showInformationMessage(`The text has changed, so Fairword did not add the note. Try the quick fix on '${args.actual}' again.`);
        return;
      }
      const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const edit = ignoreHereEdit(args, reason, eol);
      const change = new vscode.WorkspaceEdit();
      change.insert(uri, new vscode.Position(edit.range.start.line, 0), edit.newText);
      await vscode.workspace.applyEdit(change);
    }),

    vscode.commands.registerCommand('fairword.showReport', () => showReport(context, () => running?.client)),

    vscode.commands.registerCommand('fairword.checkFile', async () => {
      const document = activeDocument();
      const client = document && (await ready());
      if (!document || !client) return;
      const result = await client.sendRequest(CheckDocumentRequest, { uri: document.uri.toString() });
      const status = result && statuses.get(document.uri.toString());
      if (status) {
        const hints = hintsLabel(status.counts);
        vscode.window.setStatusBarMessage(`Fairword: ${problemsLabel(status.counts)}${hints ? `, ${hints}` : ''}`, 5000);
      }
    }),

    vscode.commands.registerCommand('fairword.lintWorkspace', async () => {
      if (!vscode.workspace.workspaceFolders?.length) {
        void vscode.window.showInformationMessage('Open a folder first: Fairword then checks every Markdown and text file in it.');
        return;
      }
      const client = await ready();
      if (!client) return;
      const workDoneToken = `fairword-check-all-${Date.now()}`;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Fairword: checking files', cancellable: true },
        async (progress, token) => {
          let done = 0;
          const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
            if (value.kind === 'end') return;
            const percentage = value.percentage ?? done;
            progress.report({ ...(value.message ? { message: value.message } : {}), increment: Math.max(0, percentage - done) });
            done = percentage;
          });
          try {
            return await client.sendRequest(LintWorkspaceRequest, { workDoneToken }, token);
          } finally {
            listener.dispose();
          }
        },
      );
      const choice = await vscode.window.showInformationMessage(checkAllSummary(result), ...(result.findings > 0 ? ['Show problems'] : []));
      if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),

    vscode.commands.registerCommand('fairword.setDocumentKind', async () => {
      const document = activeDocument();
      if (!document) return;
      const uri = document.uri.toString();
      const status = statuses.get(uri);
      type Item = vscode.QuickPickItem & { value: DocumentKind | null };
      const isCurrent = (kind: DocumentKind | null): boolean =>
        kind === null ? status?.kindSource !== 'override' : status?.kindSource === 'override' && status.kind === kind;
      const item = (value: DocumentKind | null, label: string, detail: string): Item => ({
        label,
        value,
        detail,
        ...(isCurrent(value) ? { description: 'current' } : {}),
      });
      const detected = status?.kind && status.kindSource !== 'override' ? `Now: ${KIND_LABELS[status.kind]}` : 'From the front matter, .fairword.yaml or the text';
      const items: Item[] = [
        item(null, 'Detect automatically', detected),
        ...(Object.keys(KIND_LABELS) as DocumentKind[]).map((kind) => item(kind, KIND_LABELS[kind], KIND_DETAILS[kind])),
      ];
      const picked = await vscode.window.showQuickPick(items, {
        title: 'What kind of document is this?',
        placeHolder: 'Fairword checks each kind of document for different things',
      });
      const client = picked && (await ready());
      if (!picked || !client) return;
      if (picked.value === null) kindOverrides.delete(uri);
      else kindOverrides.set(uri, picked.value);
      await client.sendNotification(SetKindNotification, { uri, kind: picked.value });
    }),

    vscode.commands.registerCommand('fairword.openConfigFile', async () => {
      const document = vscode.window.activeTextEditor?.document;
      const scope = document && document.uri.scheme !== 'untitled' ? document.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
      const client = await ready();
      if (!client) return;
      const target = scope ? await client.sendRequest(ConfigFileRequest, { uri: scope.toString() }) : null;
      if (!target) {
        void vscode.window.showInformationMessage('Open a folder first: the Fairword settings file lives in the folder it applies to.');
        return;
      }
      const uri = vscode.Uri.parse(target.uri);
      if (!target.exists) {
        const folder = vscode.workspace.asRelativePath(vscode.Uri.joinPath(uri, '..'), true);
        const choice = await vscode.window.showInformationMessage(
          `There is no Fairword settings file yet. Create .fairword.yaml in ${folder}? Everyone who edits files there (and the fairword command) will use it.`,
          'Create',
        );
        if (choice !== 'Create') return;
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(target.template));
      }
      await vscode.window.showTextDocument(uri);
    }),

    vscode.commands.registerCommand('fairword.openExample', async (name?: string) => {
      const example =
        EXAMPLES.find((e) => e.name === name) ??
        (await vscode.window.showQuickPick(EXAMPLES, { title: 'Open an example document', placeHolder: 'Opens a copy you can edit freely' }));
      if (!example) return;
      let content: string;
      try {
        content = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'examples', `${example.name}.md`)));
      } catch {
        void vscode.window.showErrorMessage('Fairword: the example documents are missing from this installation.');
        return;
      }
      // An untitled copy: checked like any file, and edits never change the extension's own files.
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
      await vscode.window.showTextDocument(document);
    }),
  );

  queue = queue.then(start);
  return {
    onValidated: validated.event,
    onStatus: statusChanged.event,
    status: (uri) => statuses.get(uri),
    client: () => running?.client,
    restart,
  };
}

/** Called by VS Code (through node.ts or browser.ts) on shutdown or when the extension is disabled: stops the server. */
export function deactivateFairword(): Promise<void> {
  return (queue = queue.then(() => stop()));
}

/** Stops and disposes the current client, whatever state it is in. */
async function stop(output?: vscode.OutputChannel): Promise<void> {
  const current = running;
  running = undefined;
  if (!current) return;
  await current.started;
  for (const handler of current.files) handler.dispose();
  try {
    if (current.client.needsStop()) await current.client.dispose();
  } catch (error) {
    output?.appendLine(`Fairword: stopping the language server failed: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

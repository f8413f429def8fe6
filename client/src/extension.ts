/**
 * The Fairword VS Code extension: a thin client that starts the Fairword language server
 * (dist/server.cjs) for Markdown and plain-text documents. All checking happens in the server.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  ValidatedNotification,
  type InitializationOptions,
  type ValidatedParams,
} from '../../server/src/protocol.js';

/** What `activate` returns (`extension.exports`): lets tests wait for a check instead of sleeping. */
export interface FairwordApi {
  /** Fires each time the server has checked a document. */
  readonly onValidated: vscode.Event<ValidatedParams>;
  /** The current language client, if one is running or starting. */
  client(): LanguageClient | undefined;
  /** Stops the server and starts a fresh one (also the `fairword.restartServer` command). */
  restart(): Promise<void>;
}

/** A client together with the promise of its start, which must settle before it can be stopped. */
interface Running {
  client: LanguageClient;
  started: Promise<void>;
}

let running: Running | undefined;
let queue: Promise<void> = Promise.resolve();

/** Languages and schemes the server checks. */
const documentSelector = ['markdown', 'plaintext'].flatMap((language) =>
  ['file', 'untitled'].map((scheme) => ({ scheme, language })),
);

/** Called by VS Code on the first Markdown or plain-text document. */
export function activate(context: vscode.ExtensionContext): FairwordApi {
  const output = vscode.window.createOutputChannel('Fairword');
  const validated = new vscode.EventEmitter<ValidatedParams>();
  const watcher = vscode.workspace.createFileSystemWatcher(
    '**/{.fairword.yaml,.fairword.yml,.fairword.json,.fairwordignore}',
  );
  context.subscriptions.push(output, validated, watcher);

  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  // Editor tests set FAIRWORD_DEBOUNCE_MS=0 so checks run at once.
  const debounce = process.env['FAIRWORD_DEBOUNCE_MS'];
  const initializationOptions: InitializationOptions = debounce ? { debounceMs: Number(debounce) } : {};
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    diagnosticCollectionName: 'fairword',
    outputChannel: output,
    initializationOptions,
    synchronize: { configurationSection: 'fairword', fileEvents: watcher },
    // The default error handler restarts a crashed server up to this many times in 3 minutes.
    connectionOptions: { maxRestartCount: 4 },
  };

  const start = (): void => {
    // The id 'fairword' makes the client read the `fairword.trace.server` setting.
    const client = new LanguageClient('fairword', 'Fairword', serverOptions, clientOptions);
    client.onNotification(ValidatedNotification, (params) => validated.fire(params));
    const started = client.start().catch((error: unknown) => {
      output.appendLine(`Fairword: the language server did not start: ${describe(error)}`);
      void vscode.window
        .showErrorMessage('Fairword: the language server did not start.', 'Show output')
        .then((choice) => choice && output.show(true));
    });
    running = { client, started };
  };

  const restart = (): Promise<void> =>
    (queue = queue.then(async () => {
      await stop(output);
      start();
      await running?.started;
    }));

  context.subscriptions.push(
    vscode.commands.registerCommand('fairword.restartServer', restart),
    vscode.commands.registerCommand('fairword.showOutput', () => output.show(true)),
  );

  queue = queue.then(start);
  return { onValidated: validated.event, client: () => running?.client, restart };
}

/** Called by VS Code on shutdown or when the extension is disabled: stops the server. */
export function deactivate(): Promise<void> {
  return (queue = queue.then(() => stop()));
}

/** Stops and disposes the current client, whatever state it is in. */
async function stop(output?: vscode.OutputChannel): Promise<void> {
  const current = running;
  running = undefined;
  if (!current) return;
  await current.started;
  try {
    if (current.client.needsStop()) await current.client.dispose();
  } catch (error) {
    output?.appendLine(`Fairword: stopping the language server failed: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

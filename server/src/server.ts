/**
 * Fairword language server: a thin adapter from LSP documents to the @fairword/rules engine.
 * Transport comes from argv (`--stdio`, `--node-ipc`, `--socket=`), as vscode-languageserver does.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLinter, formatFromFilename, type Format, type Linter, type LintOptions } from '@fairword/rules';
import { kindForFile, loadConfigForFile, type LoadedConfig } from '@fairword/rules/node';
import { isDiagnosticData, quickFixes, toDiagnostic } from './diagnostics.js';
import { ValidatedNotification, type InitializationOptions } from './protocol.js';

const CONFIG_GLOB = '**/.fairword.{yaml,yml,json}';
const DEFAULT_DEBOUNCE_MS = 200;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let debounceMs = DEFAULT_DEBOUNCE_MS;
let canWatchFiles = false;
/** Config found for each folder (search result of loadConfigForFile). */
const configByFolder = new Map<string, LoadedConfig>();
/** One compiled linter per config file ('' for the built-in defaults). */
const linterByConfig = new Map<string, Linter>();
const timers = new Map<string, NodeJS.Timeout>();
const justOpened = new Set<string>();

const describe = (err: unknown): string => (err instanceof Error ? (err.stack ?? err.message) : String(err));

/** Runs a fire-and-forget promise, logging instead of losing its failure. */
function run(what: string, promise: Promise<unknown>): void {
  promise.catch((err: unknown) => connection.console.error(`Fairword: ${what} failed: ${describe(err)}`));
}

/** Runs a request handler, logging any error and answering `fallback` instead. */
function guard<T>(what: string, fallback: T, handler: () => T): T {
  try {
    return handler();
  } catch (err) {
    connection.console.error(`Fairword: ${what} failed: ${describe(err)}`);
    return fallback;
  }
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function formatOf(document: TextDocument): Format | undefined {
  if (document.languageId === 'markdown') return 'markdown';
  if (document.languageId === 'plaintext') return 'plaintext';
  const name = decodeURIComponent(document.uri.replace(/[?#].*$/, '').split('/').pop() ?? '');
  return formatFromFilename(name);
}

/** The config for a file: found by searching upward from its folder, cached per folder. */
function configFor(file: string): LoadedConfig {
  const folder = path.dirname(file);
  let loaded = configByFolder.get(folder);
  if (!loaded) {
    loaded = loadConfigForFile(file);
    configByFolder.set(folder, loaded);
  }
  return loaded;
}

/** The linter for a config (one per config file, built-in defaults when there is none). */
function linterFor(loaded: LoadedConfig | undefined): Linter {
  const key = loaded?.path ?? '';
  let linter = linterByConfig.get(key);
  if (!linter) {
    for (const e of loaded?.errors ?? []) {
      connection.console.warn(`Fairword: ${key}:${e.line + 1}:${e.character + 1}: ${e.message}`);
    }
    linter = createLinter(loaded?.config);
    linterByConfig.set(key, linter);
  }
  return linter;
}

const isCurrent = (uri: string, version: number): boolean => documents.get(uri)?.version === version;

/** Publishes diagnostics then `fairword/validated`; both are queued at once so nothing can come between them. */
function publish(uri: string, version: number, diagnostics: Diagnostic[], error?: string): Promise<unknown> {
  return Promise.all([
    connection.sendDiagnostics({ uri, version, diagnostics }),
    connection.sendNotification(ValidatedNotification, {
      uri,
      version,
      count: diagnostics.length,
      ...(error === undefined ? {} : { error }),
    }),
  ]);
}

/** Checks one document version and publishes its diagnostics, unless a newer version has arrived. */
async function validate(document: TextDocument): Promise<void> {
  const { uri, version } = document;
  let diagnostics: Diagnostic[] = [];
  let error: string | undefined;
  try {
    const format = formatOf(document);
    if (format) {
      const file = filePath(uri);
      const loaded = file === undefined ? undefined : configFor(file);
      const linter = linterFor(loaded);
      if (!isCurrent(uri, version)) return;
      const kind = loaded && file ? kindForFile(loaded, file) : undefined;
      const options: LintOptions = { format, ...(file ? { filename: file } : {}), ...(kind ? { kind } : {}) };
      diagnostics = linter.lint(document.getText(), options).findings.map((f) => toDiagnostic(f, uri));
    }
  } catch (err) {
    // A failed check clears stale diagnostics and says why; it never takes the server down.
    error = err instanceof Error ? err.message : String(err);
    diagnostics = [];
    connection.console.error(`Fairword: could not check ${uri}: ${describe(err)}`);
  }
  if (!isCurrent(uri, version)) return;
  await publish(uri, version, diagnostics, error);
}

/** Checks a document after `delay` ms, replacing any check already waiting for it. */
function schedule(uri: string, delay: number): void {
  clearTimeout(timers.get(uri));
  timers.delete(uri);
  const check = (): void => {
    timers.delete(uri);
    const document = documents.get(uri);
    if (document) run(`checking ${uri}`, validate(document));
  };
  if (delay <= 0) check();
  else timers.set(uri, setTimeout(check, delay));
}

function revalidateAll(): void {
  for (const document of documents.all()) schedule(document.uri, 0);
}

connection.onInitialize((params) => {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'fairword' },
  };
});

connection.onInitialized(() => {
  if (canWatchFiles) {
    run(
      'watching config files',
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] }),
    );
  }
});

connection.onDidChangeWatchedFiles(() =>
  guard('reloading config', undefined, () => {
    configByFolder.clear();
    linterByConfig.clear();
    revalidateAll();
  }),
);

documents.onDidOpen((e) => justOpened.add(e.document.uri));

documents.onDidChangeContent((e) =>
  guard('scheduling a check', undefined, () => {
    const { uri } = e.document;
    schedule(uri, justOpened.delete(uri) ? 0 : debounceMs);
  }),
);

documents.onDidClose((e) =>
  guard('closing a document', undefined, () => {
    const { uri, version } = e.document;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    justOpened.delete(uri);
    run(`clearing ${uri}`, publish(uri, version, []));
  }),
);

connection.onCodeAction((params) =>
  guard<CodeAction[]>('code actions', [], () => {
    const document = documents.get(params.textDocument.uri);
    const only = params.context.only;
    const wantsQuickFix = !only || only.some((k) => k === '' || `${CodeActionKind.QuickFix}.`.startsWith(`${k}.`));
    if (!document || !wantsQuickFix) return [];
    return params.context.diagnostics
      .filter((d) => isDiagnosticData(d.data))
      .flatMap((d) => quickFixes(d, document.uri, document.getText(d.range)));
  }),
);

connection.onShutdown(() => {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
});

documents.listen(connection);
connection.listen();

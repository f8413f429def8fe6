/**
 * The Fairword language server core: a thin adapter from LSP documents to the @fairword/rules engine. A host
 * (host/node.ts, host/browser.ts) creates the connection, the file system and the clock, and calls
 * {@link createServer}; every piece of state lives in the objects created here, so two servers can share a process.
 */
import { CodeActionKind, TextDocumentSyncKind, type Connection } from 'vscode-languageserver';
import { DOCUMENT_KINDS, type CreateLinterOptions } from '@fairword/rules';
import type { Clock } from './clock.js';
import type { ServerContext } from './context.js';
import { Analyser } from './documents/analysis.js';
import { OpenDocuments } from './documents/open-documents.js';
import { Scheduler, type Trigger } from './documents/scheduler.js';
import { AllowProbe } from './features/allow-probe.js';
import { codeActions } from './features/code-actions.js';
import { executeCommand } from './features/commands.js';
import { CONFIG_TEMPLATE } from './features/config-edit.js';
import { DiskFiles } from './features/disk-files.js';
import { DocumentChecks } from './features/document-checks.js';
import { listenToDocuments } from './features/document-events.js';
import { hoverAt, type HoverOptions } from './features/hover.js';
import { findingsFor, reportFor } from './features/report.js';
import { listenToWorkspace, type WorkspaceCapabilities } from './features/workspace-events.js';
import { Log } from './log.js';
import {
  ALLOW_TERM_COMMAND,
  CheckDocumentRequest,
  ConfigFileRequest,
  FIX_ALL_KIND,
  LintWorkspaceRequest,
  FindingsRequest,
  ReportRequest,
  SetKindNotification,
  TURN_OFF_RULE_COMMAND,
  type InitializationOptions,
  type LintWorkspaceResult,
} from './protocol.js';
import { ClientFileSystem, NO_FILE_SYSTEM, routeFileSystems, type FileSystem } from './workspace/file-system.js';
import { displayPath } from './workspace/uris.js';
import { Workspace } from './workspace/workspace.js';

const DEFAULT_DEBOUNCE_MS = 200;

/** What a host gives the server core. */
export interface ServerHost {
  /** The host's own file system (node:fs on Node), for the URIs it handles; the client is asked for the rest. */
  fs?: FileSystem;
  clock: Clock;
  /** Whether file names match without regard to case (Windows, macOS). */
  ignoreCase?: boolean;
  /** Options for every linter the server creates. */
  linterOptions?: CreateLinterOptions;
}

/** Registers the Fairword server's handlers on `connection` (the host then calls `connection.listen()`). */
export function createServer(connection: Connection, host: ServerHost): void {
  const log = new Log(connection.console);
  /** What the client said at initialize. */
  const client = {
    fileSystem: false,
    debounceMs: DEFAULT_DEBOUNCE_MS,
    capabilities: { canWatch: false, folderChanges: false } as WorkspaceCapabilities,
    hover: {} as HoverOptions,
  };
  // The host's own file system, and the client's for the rest once it offers to read files.
  const files = routeFileSystems(host.fs ?? NO_FILE_SYSTEM, new ClientFileSystem(connection), () => client.fileSystem);
  const documents = new OpenDocuments((what, err) => log.failed(what, err));
  const workspace = new Workspace({
    fs: files,
    clock: host.clock,
    linterOptions: host.linterOptions ?? {},
    ignoreCase: host.ignoreCase ?? false,
    askSettings: (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: 'fairword' }),
    onConfigRead: (uri, text, errors, keptLastGood) => diskFiles.configRead(uri, text, errors, keptLastGood),
    onError: (what, err) => log.failed(what, err),
  });
  const scheduler = new Scheduler(host.clock, (uri, trigger) => check(uri, trigger));
  const ctx: ServerContext = {
    connection,
    log,
    clock: host.clock,
    workspace,
    documents,
    analyser: new Analyser(workspace, documents),
    scheduler,
    allowProbe: new AllowProbe(host.clock, log),
    client: { ignoreHere: false },
  };
  const checks = new DocumentChecks(ctx);
  const diskFiles = new DiskFiles(ctx, files, checks);

  function check(uri: string, trigger: Trigger): Promise<void> {
    const document = documents.get(uri);
    if (!document) return Promise.resolve();
    return checks.validate(document, trigger).then(
      () => undefined,
      (err: unknown) => log.failed(`checking ${uri}`, err),
    );
  }

  /**
   * Re-checks every open document, and the files on disk after "Check all files" (settings or config changed).
   * Resolves when the open documents' checks are published.
   */
  function refreshAll(): Promise<unknown> {
    const open = documents.all().map((document) => scheduler.schedule(document.uri, 0, 'refresh'));
    if (diskFiles.workspaceMode) log.run('re-checking files on disk', diskFiles.checkAll(undefined));
    return Promise.all(open);
  }

  connection.onInitialize((params) => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) client.debounceMs = options.debounceMs;
    if (typeof options.typingDelayMs === 'number' && options.typingDelayMs >= 0) checks.typingDelayMs = options.typingDelayMs;
    client.fileSystem = options.fileSystem === true;
    ctx.client.ignoreHere = options.ignoreHere === true;
    client.hover = { editorShowsMessages: options.editorHoverShowsMessages === true };
    const canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    client.capabilities = { canWatch, folderChanges: params.capabilities.workspace?.workspaceFolders === true };
    diskFiles.canWatch = canWatch;
    workspace.settings.canPull = params.capabilities.workspace?.configuration === true;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.folders.set(uris.filter((uri) => workspace.resourceOf(uri) !== undefined));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [ALLOW_TERM_COMMAND, TURN_OFF_RULE_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'fairword' },
    };
  });

  listenToWorkspace(ctx, diskFiles, () => client.capabilities, refreshAll);

  connection.onCodeAction((params) => log.guardAsync('code actions', [], () => codeActions(ctx, params)));

  connection.onHover((params) => log.guard('hover', null, () => hoverAt(documents, params, client.hover)));

  connection.onExecuteCommand((params) => log.guardAsync('running a command', null, () => executeCommand(ctx, files, params, refreshAll)));

  connection.onNotification(SetKindNotification, (params) =>
    log.guard('setting a document kind', undefined, () => {
      if (params.kind === null) documents.kindOverrides.delete(params.uri);
      else if ((DOCUMENT_KINDS as readonly string[]).includes(params.kind)) documents.kindOverrides.set(params.uri, params.kind);
      else return log.warn(`ignored an unknown document kind "${String(params.kind)}"`);
      if (documents.get(params.uri)) scheduler.schedule(params.uri, 0, 'refresh');
    }),
  );

  connection.onRequest(CheckDocumentRequest, (params) =>
    log.guardAsync('checking a document', null, async () => {
      const document = documents.get(params.uri);
      return document ? ((await checks.validate(document, 'manual')) ?? null) : null;
    }),
  );

  connection.onRequest(LintWorkspaceRequest, (params, token) =>
    log.guardAsync<LintWorkspaceResult>('checking all files', { files: 0, filesWithFindings: 0, findings: 0, skipped: 0, cancelled: true }, async () => {
      const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
      progress.begin('Checking files', 0, 'Looking for Markdown, text and Word files…', true);
      try {
        return await diskFiles.lintWorkspace(progress, () => token.isCancellationRequested);
      } finally {
        progress.done();
      }
    }),
  );

  connection.onRequest(ConfigFileRequest, (params) =>
    log.guardAsync('finding the config file', null, async () => {
      const target = await workspace.configTarget(params.uri);
      return target ? { path: displayPath(target.uri), uri: target.uri, exists: target.exists, template: CONFIG_TEMPLATE } : null;
    }),
  );

  connection.onRequest(ReportRequest, (params) => log.guardAsync('making a report', null, () => reportFor(ctx, params)));
  connection.onRequest(FindingsRequest, (params) => log.guardAsync('listing findings', null, () => findingsFor(ctx, params)));

  connection.onShutdown(() => {
    scheduler.cancelAll();
    ctx.allowProbe.stop();
    diskFiles.stop();
  });

  listenToDocuments(ctx, checks, diskFiles, () => client.debounceMs);
}

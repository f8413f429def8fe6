/**
 * A minimal headless LSP client for tests: spawns the built server bundle over stdio (or talks to any server
 * through a message reader and writer: a web worker in Chromium, a server in this process), answers the requests
 * a real editor answers (settings, registrations, messages, and with `files` the `fairword/fs/*` requests), records
 * what the server sends, and waits for notifications (never sleeps).
 */
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageRequest,
  ShutdownRequest,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  createProtocolConnection,
  type CodeAction,
  type Command,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type MessageReader,
  type MessageWriter,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type ShowMessageRequestParams,
  type TextDocumentContentChangeEvent,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node.js';
import {
  FileType,
  LintWorkspaceRequest,
  ReadDirectoryRequest,
  ReadFileRequest,
  StatRequest,
  StatusNotification,
  ValidatedNotification,
  WriteFileRequest,
  type InitializationOptions,
  type LintWorkspaceResult,
  type StatusParams,
  type ValidatedParams,
} from '../../server/src/protocol.js';

/** The built server bundle; FAIRWORD_SERVER overrides it. */
export const SERVER_BUNDLE =
  process.env['FAIRWORD_SERVER'] ?? fileURLToPath(new URL('../../client/dist/server.cjs', import.meta.url));

/** How long to wait for one notification before failing the test. */
const WAIT_MS = 10_000;

/** One publish of a document version, as the client saw it. */
export interface Validation {
  validated: ValidatedParams;
  diagnostics: Diagnostic[];
}

/** How to start the server. */
export interface StartOptions {
  initializationOptions?: InitializationOptions;
  /** Workspace folders, as paths. */
  folders?: string[];
  /**
   * The client answers `workspace/configuration` with `settings(scopeUri)` (the `fairword` section);
   * without it, the client does not advertise the capability.
   */
  settings?: (scopeUri: string | undefined) => unknown;
  /**
   * Answer the server's `fairword/fs/*` requests from this machine's disk (as the extension does with
   * vscode.workspace.fs), and say so in `initializationOptions.fileSystem`.
   */
  files?: boolean;
}

/** How a test client reaches a server, and how it learns that the server has gone. */
export interface TestTransport {
  reader: MessageReader;
  writer: MessageWriter;
  /** Resolves when the server has gone (after `exit`); rejects never. */
  exited: Promise<void>;
  /** Calls `listener` if the server goes unexpectedly, with what it said on the way out. */
  onExit(listener: (error: Error) => void): void;
  /** What the server wrote to its error output so far, for failure messages. */
  stderr(): string;
  /** The server's process id, when it runs in a process of its own. */
  pid?: number;
}

/** A spawned server process, over stdio. */
export function spawnedServer(bundle = SERVER_BUNDLE): TestTransport {
  const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    reader: new StreamMessageReader(child.stdout),
    writer: new StreamMessageWriter(child.stdin),
    exited,
    onExit: (listener) => child.on('exit', (code, signal) => listener(new Error(`server exited (${code ?? signal})\n${stderr}`))),
    stderr: () => stderr,
    ...(child.pid === undefined ? {} : { pid: child.pid }),
  };
}

/** The client's side of `fairword/fs/*`, on this machine's disk: what the extension does with vscode.workspace.fs. */
function serveFiles(connection: ProtocolConnection): void {
  const path = (uri: string): string => fileURLToPath(uri);
  const failure = (err: unknown): ResponseError<{ code: string }> =>
    new ResponseError(1, String(err), { code: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'FileNotFound' : 'Unknown' });
  connection.onRequest(StatRequest, async ({ uri }) => {
    const stat = await fsp.stat(path(uri)).catch(() => undefined);
    return stat ? { type: stat.isDirectory() ? FileType.Directory : stat.isFile() ? FileType.File : FileType.Unknown, size: stat.size } : null;
  });
  connection.onRequest(ReadFileRequest, async ({ uri }) => {
    try {
      return { base64: (await fsp.readFile(path(uri))).toString('base64') };
    } catch (err) {
      return failure(err);
    }
  });
  connection.onRequest(ReadDirectoryRequest, async ({ uri }) => {
    try {
      const entries = await fsp.readdir(path(uri), { withFileTypes: true });
      return entries.map((e): [string, number] => [e.name, e.isSymbolicLink() ? FileType.SymbolicLink : e.isDirectory() ? FileType.Directory : FileType.File]);
    } catch (err) {
      return failure(err);
    }
  });
  connection.onRequest(WriteFileRequest, async ({ uri, base64 }) => {
    try {
      await fsp.writeFile(path(uri), Buffer.from(base64, 'base64'));
      return undefined;
    } catch (err) {
      return failure(err);
    }
  });
}

interface Waiter {
  check: () => boolean;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** A spawned Fairword server and a protocol connection to it. */
export class TestClient {
  /** Every `fairword/validated` received, in order, with the diagnostics published just before it. */
  readonly validations: Validation[] = [];
  /** Every publishDiagnostics received, in order. */
  readonly publishes: PublishDiagnosticsParams[] = [];
  /** Every `fairword/status` received, in order. */
  readonly statuses: StatusParams[] = [];
  /** Every `$/progress` value received, in order. */
  readonly progress: Array<WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd> = [];
  /** Messages the server showed (window/showMessageRequest), in order. */
  readonly messages: ShowMessageRequestParams[] = [];
  /** Documents the server asked to show. */
  readonly shownDocuments: string[] = [];
  /** Capabilities the server registered dynamically. */
  readonly registrations: Registration[] = [];
  /** Every `workspace/configuration` scope asked for. */
  readonly configurationRequests: Array<string | undefined> = [];
  private readonly waiters = new Set<Waiter>();
  private readonly latest = new Map<string, Diagnostic[]>();
  private exited: Error | undefined;

  private constructor(
    readonly transport: TestTransport,
    readonly connection: ProtocolConnection,
  ) {}

  /** The server's stderr, for failure messages. */
  get stderr(): string {
    return this.transport.stderr();
  }

  /** Spawns the server, initializes it and sends `initialized`. */
  static start(options: StartOptions | InitializationOptions = { debounceMs: 0 }): Promise<TestClient> {
    return TestClient.connect(spawnedServer(), options);
  }

  /** Initializes the server at the other end of `transport` and sends `initialized`. */
  static async connect(transport: TestTransport, options: StartOptions | InitializationOptions = { debounceMs: 0 }): Promise<TestClient> {
    const opts: StartOptions = 'initializationOptions' in options || 'folders' in options || 'settings' in options || 'files' in options
      ? (options as StartOptions)
      : { initializationOptions: options as InitializationOptions };
    const connection = createProtocolConnection(transport.reader, transport.writer);
    const client = new TestClient(transport, connection);
    transport.onExit((error) => client.fail(error));
    if (opts.files) serveFiles(connection);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.publishes.push(p);
      client.latest.set(p.uri, p.diagnostics);
      client.poke();
    });
    connection.onNotification(ValidatedNotification, (v) => {
      client.validations.push({ validated: v, diagnostics: client.latest.get(v.uri) ?? [] });
      client.poke();
    });
    connection.onNotification(StatusNotification, (s) => {
      client.statuses.push(s);
      client.poke();
    });
    connection.onProgress(WorkDoneProgress.type, 'fairword-test', (value) => {
      client.progress.push(value);
      client.poke();
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        client.configurationRequests.push(item.scopeUri);
        return item.section === 'fairword' ? (opts.settings?.(item.scopeUri) ?? null) : null;
      }),
    );
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(...params.registrations);
      client.poke();
    });
    connection.onRequest(ShowMessageRequest.type, (params) => {
      client.messages.push(params);
      client.poke();
      return null;
    });
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      client.shownDocuments.push(params.uri);
      return { success: true };
    });
    connection.listen();
    const folders = opts.folders?.map((f) => ({ uri: pathToFileURL(f).href, name: f }));
    const result: InitializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders?.[0]?.uri ?? null,
      workspaceFolders: folders ?? null,
      capabilities: {
        textDocument: { publishDiagnostics: { dataSupport: true, relatedInformation: true } },
        workspace: {
          configuration: opts.settings !== undefined,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
        window: { workDoneProgress: true, showDocument: { support: true } },
      },
      initializationOptions: { ...(opts.initializationOptions ?? { debounceMs: 0 }), ...(opts.files ? { fileSystem: true } : {}) },
    });
    client.capabilities = result.capabilities;
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The server's answer to `initialize`. */
  capabilities: InitializeResult['capabilities'] = {};

  /** Resolves with what `find` returns once it returns something (checked now and after every message). */
  until<T>(find: () => T | undefined, what: string): Promise<T> {
    const now = find();
    if (now !== undefined) return Promise.resolve(now);
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const found = find();
          if (found === undefined) return false;
          resolve(found);
          return true;
        },
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`timed out waiting for ${what}\n${this.stderr}`));
        }, WAIT_MS),
      };
      this.waiters.add(waiter);
    });
  }

  /** Resolves with the first validation from index `from` on (already received or still to come) that `matches` accepts. */
  waitFor(matches: (v: ValidatedParams) => boolean, what: string, from = 0): Promise<Validation> {
    return this.until(() => this.validations.slice(from).find((v) => matches(v.validated)), `fairword/validated: ${what}`);
  }

  /** Waits for the validation of one document version (null: a file that is not open), counting from `from`. */
  validated(uri: string, version: number | null, from = 0): Promise<Validation> {
    return this.waitFor((v) => v.uri === uri && v.version === version, `${uri} v${version}`, from);
  }

  /** Waits for the next validation of `uri` after this call, optionally one that `matches` accepts. */
  next(uri: string, matches: (v: ValidatedParams) => boolean = () => true): Promise<Validation> {
    return this.waitFor((v) => v.uri === uri && matches(v), `next check of ${uri}`, this.validations.length);
  }

  /** The last status received for `uri`. */
  status(uri: string): StatusParams | undefined {
    return this.statuses.filter((s) => s.uri === uri).at(-1);
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, languageId: string, text: string, version = 1): Promise<Validation> {
    const done = this.next(uri, (v) => v.version === version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
    return done;
  }

  /** Sends a didChange without waiting for diagnostics. */
  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  /** Sends a didSave. */
  save(uri: string): Promise<void> {
    return this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Closes a document. */
  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Tells the server that settings changed (it then asks for them again). */
  settingsChanged(settings: unknown = null): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  /** Tells the server that files changed on disk. */
  filesChanged(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Asks for the code actions of some diagnostics (`only` defaults to quick fixes). */
  async codeActions(uri: string, diagnostics: Diagnostic[], only: string[] | undefined = ['quickfix'], range?: Range): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: range ?? diagnostics[0]!.range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
    return (result ?? []).filter((a: Command | CodeAction): a is CodeAction => 'kind' in a || 'edit' in a);
  }

  /** Asks for the hover at a position. */
  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** The diagnostics last published for a URI. */
  latestDiagnostics(uri: string): Diagnostic[] {
    return this.latest.get(uri) ?? [];
  }

  /** "Check all files" (`fairword/lintWorkspace`), with progress. */
  lintWorkspace(): Promise<LintWorkspaceResult> {
    return this.connection.sendRequest(LintWorkspaceRequest, { workDoneToken: 'fairword-test' });
  }

  /** Runs a server command (workspace/executeCommand). */
  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** Shuts the server down politely and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.exited = new Error('stopped');
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await this.transport.exited;
    this.connection.dispose();
  }

  private poke(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters.delete(w);
        clearTimeout(w.timer);
      }
    }
  }

  private fail(error: Error): void {
    this.exited = error;
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(error);
    }
    this.waiters.clear();
  }
}
